package io.trucewatch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    static String reason(ReceiverGuard guard, String url) {
        return guard.refuse(URI.create(url)).orElseThrow(() -> new AssertionError(url + " must be refused"));
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
        assertEquals(Optional.empty(), loopback.refuse(URI.create("http://[::1]:9999/hook")));
        assertEquals(Optional.empty(), loopback.refuse(InetAddress.getByName("127.8.9.10")));
        assertTrue(loopback.refuse(InetAddress.getByName("10.0.0.1")).isPresent());
        assertTrue(loopback.refuse(InetAddress.getByName("169.254.169.254")).isPresent());
        assertTrue(loopback.refuse(InetAddress.getByName("0.0.0.0")).isPresent(), "0.0.0.0 reaches this host, yet is no receiver");
    }

    @Test
    void configuration_can_allow_private_networks_without_allowing_loopback() throws Exception {
        ReceiverGuard internal = guard(false, true);
        assertEquals(Optional.empty(), internal.refuse(URI.create("http://10.0.0.1/hook")));
        assertEquals(Optional.empty(), internal.refuse(URI.create("http://[fd00::1]/hook")));
        assertTrue(reason(internal, "http://127.0.0.1/hook").contains("loopback"));
        assertTrue(reason(internal, "http://[64:ff9b::7f00:1]/hook").contains("127.0.0.0/8 Loopback"),
                "NAT64 around loopback is judged by the loopback address");
    }

    @Test
    void every_bypass_the_tester_found_is_refused_naming_its_block() {
        ReceiverGuard strict = guard(false, false);
        Map<String, String> blockOf = Map.of(
                "http://0.0.0.1/hook", "0.0.0.0/8 \"This network\"",
                "http://[::127.0.0.1]/hook", "::/96 IPv4-compatible",
                "http://[64:ff9b::7f00:1]/hook", "127.0.0.0/8 Loopback",
                "http://[2002:7f00:0001::]/hook", "2002::/16 6to4",
                "http://255.255.255.255/hook", "255.255.255.255/32 Limited Broadcast",
                "http://240.1.2.3/hook", "240.0.0.0/4 Reserved",
                "http://198.18.0.1/hook", "198.18.0.0/15 Benchmarking",
                "http://192.0.0.100/hook", "192.0.0.0/24 IETF Protocol Assignments");
        for (Map.Entry<String, String> e : blockOf.entrySet()) {
            String reason = reason(strict, e.getKey());
            assertTrue(reason.contains(e.getValue()), e.getKey() + ": " + reason);
        }
        assertTrue(reason(strict, "http://[::127.0.0.1]/").contains("carrying 127.0.0.1 (127.0.0.0/8 Loopback"),
                "the wrapped loopback address is named");
        assertTrue(reason(strict, "http://[2002:7f00:0001::]/").contains("carrying 127.0.0.1 (127.0.0.0/8 Loopback"));
    }

    @Test
    void special_purpose_blocks_are_refused_even_when_everything_internal_is_allowed() {
        ReceiverGuard relaxed = guard(true, true);
        for (String url : List.of("http://0.0.0.0/", "http://0.0.0.1/", "http://255.255.255.255/", "http://224.0.0.1/",
                "http://192.0.2.1/", "http://198.51.100.7/", "http://203.0.113.9/", "http://198.18.0.1/",
                "http://240.0.0.1/", "http://192.0.0.100/", "http://[::]/", "http://[2001:db8::1]/",
                "http://[3fff::1]/", "http://[ff02::1]/", "http://[2002:7f00:1::]/", "http://[::127.0.0.1]/",
                "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "http://[4000::1]/")) {
            assertTrue(reason(relaxed, url).contains("never a webhook receiver"), url);
        }
        assertEquals(Optional.empty(), relaxed.refuse(URI.create("http://10.0.0.1/")), "while private ones pass");
    }

    @Test
    void public_receivers_are_accepted() {
        ReceiverGuard strict = guard(false, false);
        for (String url : List.of("https://93.184.216.34/hook", "http://8.8.8.8:8080/hook?x=1", "https://1.1.1.1/",
                "https://[2606:2800:220:1:248:1893:25c8:1946]/hook", "https://[64:ff9b::808:808]/hook")) {
            assertEquals(Optional.empty(), strict.refuse(URI.create(url)), url);
        }
    }

    @Test
    void ipv4_literals_must_be_canonical_dotted_decimal_before_anything_resolves_them() {
        // Loopback and private allowed: these are refused for their spelling, not their address
        // (Java reads 0177.0.0.1 as the public 177.0.0.1, curl as 127.0.0.1).
        ReceiverGuard relaxed = guard(true, true);
        for (String url : List.of("http://0177.0.0.1/", "http://0x7f.1/", "http://0x7f000001/", "http://127.1/",
                "http://2130706433/", "http://127.0.0.01/", "http://010.0.0.1/", "http://1.2.3.4.5/",
                "http://256.0.0.1/", "http://example.123/", "http://[::ffff:0177.0.0.1]/")) {
            assertTrue(reason(relaxed, url).contains("canonical dotted-decimal"), url + ": " + reason(relaxed, url));
        }
        assertTrue(reason(relaxed, "http://127.0.0.1./").contains("trailing dot"));
        assertTrue(reason(relaxed, "http://example.com./").contains("trailing dot"));
        assertTrue(reason(relaxed, "http://a..b/").contains("empty label"));
        assertTrue(reason(relaxed, "http://[fe80::1%25eth0]/").contains("zone"));
        assertTrue(reason(relaxed, "http://8.8.8.8:70000/").contains("port"));
        assertEquals(Optional.empty(), relaxed.refuse(URI.create("http://10.0.0.1/")), "canonical is fine");
        assertEquals(Optional.empty(), relaxed.refuse(URI.create("http://0.0.0.0.example/")).filter(r -> r.contains("canonical")),
                "a name ending in a word is a name");
    }

    @Test
    void a_check_hands_back_the_addresses_it_checked() throws Exception {
        ReceiverGuard.Check check = guard(true, false).check(URI.create("http://127.0.0.1:9999/hook"));
        assertEquals(Optional.empty(), check.refusal());
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), check.addresses());
        ReceiverGuard.Check refused = guard(false, false).check(URI.create("http://127.0.0.1:9999/hook"));
        assertTrue(refused.refusal().isPresent());
        assertEquals(List.of(), refused.addresses(), "nothing to connect to when refused");
    }
}
