package io.trucewatch.web;

import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per client address, how many of its requests are still sending their bodies; at most
 * {@link SlowBodyConfig#maxPerClient()} at once. A body that has arrived no longer counts, so clients
 * sending at full speed (tests included: at most a dozen at once) never come near the limit.
 */
@ApplicationScoped
public class ClientConnections {

    @Inject
    SlowBodyConfig config;

    private final ConcurrentHashMap<String, Integer> arriving = new ConcurrentHashMap<>();

    /** Counts one more arriving body for {@code client}; false (nothing counted) when it has its maximum. */
    public boolean tryAdmit(String client) {
        int limit = config.maxPerClient();
        boolean[] admitted = {false};
        arriving.compute(client, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    /** One of {@code client}'s bodies has arrived, or was given up. */
    public void release(String client) {
        // Removed at zero, so the map holds only clients sending right now.
        arriving.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Bodies from {@code client} (a key from {@link #keyOf}) arriving right now. */
    public int arriving(String client) {
        return arriving.getOrDefault(client, 0);
    }

    /** The key a request's remote address is counted under. */
    static String keyOf(SocketAddress remote) {
        if (remote == null || !remote.isInetSocket()) {
            return "local";
        }
        String host = remote.hostAddress() != null ? remote.hostAddress() : remote.host();
        return host == null ? "unknown" : keyOf(host);
    }

    public static String keyOf(InetAddress address) {
        return keyOf(address.getHostAddress());
    }

    /** See {@link ClientKey}: one way of keying clients for every limit. */
    static String keyOf(String host) {
        return ClientKey.of(host);
    }
}
