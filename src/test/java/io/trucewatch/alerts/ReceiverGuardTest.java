package io.trucewatch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SSRF guard as production configures it (no loopback, no private receivers), and relaxed. */
class ReceiverGuardTest {

    static ReceiverGuard guard(boolean loopback, boolean internal) {
        ReceiverGuard guard = new ReceiverGuard();
        guard.config = new WebhookConfig() {
            public List<Duration> retryDelays() { return List.of(); }
            public Duration timeout() { return Duration.ofSeconds(1); }
            public Duration pollInterval() { return Duration.ofSeconds(1); }
            public int concurrency() { return 1; }
            public boolean allowLoopback() { return loopback; }
            public boolean allowPrivate() { return internal; }
        };
        return guard;
    }

    @Test
    void internal_addresses_are_refused_by_default() throws Exception {
        ReceiverGuard strict = guard(false, false);
        for (String address : List.of("127.0.0.1", "::1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "fd00::1", "fe80::1", "0.0.0.0", "224.0.0.1")) {
            assertTrue(strict.refuse(InetAddress.getByName(address)).isPresent(), address + " must be refused");
        }
        assertEquals(Optional.empty(), strict.refuse(InetAddress.getByName("93.184.215.14")), "a public address");
        assertTrue(strict.refuse(URI.create("http://localhost:8080/hook")).isPresent(), "names are resolved first");
        assertTrue(strict.refuse(URI.create("file:///etc/passwd")).isPresent());
        assertTrue(strict.refuse(URI.create("http://user:pw@93.184.215.14/")).isPresent());
    }

    @Test
    void configuration_can_allow_loopback_without_allowing_private_networks() throws Exception {
        ReceiverGuard loopback = guard(true, false);
        assertEquals(Optional.empty(), loopback.refuse(URI.create("http://127.0.0.1:9999/hook")));
        assertTrue(loopback.refuse(InetAddress.getByName("10.0.0.1")).isPresent());
        assertTrue(loopback.refuse(InetAddress.getByName("169.254.169.254")).isPresent());
    }
}
