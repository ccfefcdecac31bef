package io.trucewatch.alerts;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts a webhook over a TCP connection to an address the {@link ReceiverGuard} checked, never to
 * whatever the URL's host resolves to by the time of connecting (java.net.http.HttpClient resolves
 * again, which reopens the DNS-rebinding window). The URL's host is still what the receiver sees:
 * in the Host header, in TLS SNI and in the certificate check, so virtual hosting and HTTPS work as
 * they would with a plain request to the URL.
 *
 * <p>HTTP/1.1, no redirects followed (a redirect could point anywhere, past the guard), and one
 * deadline for the whole exchange, connection to the end of the response body; a receiver that
 * misses it fails the attempt with an {@link HttpTimeoutException}, named as before, so stored
 * delivery errors read the same as they did with the JDK client.
 */
final class ReceiverClient implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient http;
    private final Duration timeout;

    ReceiverClient(Vertx vertx, Duration timeout, int connectionsPerReceiver) {
        this(vertx, timeout, connectionsPerReceiver, null);
    }

    /** With {@code trust} null the JVM's default trust store verifies receivers' certificates. */
    ReceiverClient(Vertx vertx, Duration timeout, int connectionsPerReceiver, TrustOptions trust) {
        this.vertx = vertx;
        this.timeout = timeout;
        HttpClientOptions options = new HttpClientOptions()
                .setName("trucewatch-webhooks")
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setVerifyHost(true);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(Math.max(1, connectionsPerReceiver)));
    }

    /**
     * POSTs {@code body} to {@code url} over a connection to {@code address}; completes with the
     * response status once the response has been read to its end.
     */
    CompletionStage<Integer> post(URI url, InetAddress address, Map<String, String> headers, String body) {
        Promise<Integer> outcome = Promise.promise();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        long deadline = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (outcome.tryFail(new HttpTimeoutException("request timed out"))) {
                HttpClientRequest late = inFlight.get();
                if (late != null) {
                    late.reset();
                }
            }
        });
        try {
            RequestOptions request = requestTo(url, address);
            headers.forEach(request::putHeader);
            send(request, body, outcome, inFlight, deadline);
        } catch (RuntimeException e) {
            // Reported like any failed attempt, so that the delivery is recorded and retried.
            vertx.cancelTimer(deadline);
            outcome.tryFail(e);
        }
        return outcome.future().toCompletionStage();
    }

    private static RequestOptions requestTo(URI url, InetAddress address) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                // The connection goes to the checked address; the socket address carries no
                // name, so nothing resolves it again.
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(nameless(address), port)))
                // The name TLS sends as SNI and verifies the certificate against.
                .setHost(HostSyntax.bare(url.getHost()))
                .setPort(port)
                .setSsl(tls)
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
                .setFollowRedirects(false)
                // As the URL writes it (with the brackets of an IPv6 literal, and the port if any).
                .putHeader("Host", url.getRawAuthority());
    }

    private void send(RequestOptions request, String body, Promise<Integer> outcome,
            AtomicReference<HttpClientRequest> inFlight, long deadline) {
        http.request(request)
                .compose(sending -> {
                    inFlight.set(sending);
                    if (outcome.future().isComplete()) {
                        // The deadline passed while connecting: give the connection up.
                        sending.reset();
                    }
                    return sending.send(Buffer.buffer(body));
                })
                .compose(response -> response.end().map(ended -> response.statusCode()))
                .onComplete(result -> {
                    vertx.cancelTimer(deadline);
                    if (result.succeeded()) {
                        outcome.tryComplete(result.result());
                    } else {
                        outcome.tryFail(result.cause());
                    }
                });
    }

    /** The same address without the host name it was resolved from, which a connector might resolve. */
    private static InetAddress nameless(InetAddress address) {
        try {
            if (address instanceof Inet6Address ipv6 && ipv6.getScopeId() != 0) {
                return Inet6Address.getByAddress(null, ipv6.getAddress(), ipv6.getScopeId());
            }
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
