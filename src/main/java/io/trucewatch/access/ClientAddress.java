package io.trucewatch.access;

import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.trucewatch.web.ClientKey;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The client address a sign-in is counted against, as a short key.
 *
 * <p>It is the peer of the TCP connection. Behind a load balancer or reverse proxy that peer is the
 * proxy, the same for every client, so set {@code quarkus.http.proxy.proxy-address-forwarding=true},
 * {@code quarkus.http.proxy.allow-x-forwarded=true} (or {@code allow-forwarded}) and
 * {@code quarkus.http.proxy.trusted-proxies} to the proxy's addresses: otherwise one address's limit
 * applies to everyone at once.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** The address of the HTTP request behind this sign-in; null when it cannot be known. */
    static String of(AuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        SocketAddress remote = routing == null ? null : routing.request().remoteAddress();
        if (remote == null) {
            return null;
        }
        if (remote.hostAddress() != null) {
            return normalise(remote.hostAddress());
        }
        // A forwarded "for" that is not an IP address (an obfuscated identifier, "unknown"): kept as written.
        return remote.host() == null ? null : bounded("host " + remote.host());
    }

    /** See {@link ClientKey}: one way of keying clients for every limit. */
    static String normalise(String ip) {
        return ClientKey.of(ip);
    }

    static String bounded(String text) {
        return ClientKey.bounded(text);
    }
}
