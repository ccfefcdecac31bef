package io.trucewatch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.alerts.SpecialAddresses.Block;
import io.trucewatch.alerts.SpecialAddresses.Classification;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The special-purpose table: the right block for an address, unwrapped IPv4, nothing for public ones. */
class SpecialAddressesTest {

    static Classification classify(String literal) throws Exception {
        return SpecialAddresses.classify(InetAddress.getByName(literal));
    }

    static String prefixOf(String literal) throws Exception {
        return classify(literal).block().map(Block::prefix).orElse("public");
    }

    static String lastAddress(byte[] network, int length) throws Exception {
        byte[] last = network.clone();
        for (int bit = length; bit < last.length * 8; bit++) {
            last[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return InetAddress.getByAddress(last).getHostAddress();
    }

    @Test
    void the_most_specific_block_names_an_address() throws Exception {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("0.0.0.1", "0.0.0.0/8"),
                Map.entry("0.0.0.0", "0.0.0.0/32"),
                Map.entry("255.255.255.255", "255.255.255.255/32"),
                Map.entry("240.0.0.1", "240.0.0.0/4"),
                Map.entry("198.19.255.254", "198.18.0.0/15"),
                Map.entry("192.0.0.100", "192.0.0.0/24"),
                Map.entry("192.0.0.9", "192.0.0.9/32"),
                Map.entry("192.88.99.2", "192.88.99.2/32"),
                Map.entry("192.88.99.1", "192.88.99.0/24"),
                Map.entry("169.254.169.254", "169.254.0.0/16"),
                Map.entry("100.100.100.200", "100.64.0.0/10"),
                Map.entry("239.255.255.250", "224.0.0.0/4"),
                Map.entry("2001:db8::1", "2001:db8::/32"),
                Map.entry("2001::1", "2001::/32"),
                Map.entry("2001:1::3", "2001:1::3/128"),
                Map.entry("2001:1::4", "2001::/23"),
                Map.entry("100:0:0:1::1", "100:0:0:1::/64"),
                Map.entry("3fff:fff::1", "3fff::/20"),
                Map.entry("5f00::1", "5f00::/16"),
                Map.entry("fd12:3456::1", "fc00::/7"),
                Map.entry("fec0::1", "fec0::/10"),
                Map.entry("ff02::1", "ff00::/8"),
                Map.entry("::", "::/128"),
                Map.entry("::1", "::1/128"),
                Map.entry("::2", "::/96"),
                Map.entry("4000::1", "4000::/3"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), prefixOf(e.getKey()), e.getKey());
        }
    }

    @Test
    void public_addresses_are_in_no_block() throws Exception {
        for (String address : List.of("93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:2800:220:1:248:1893:25c8:1946",
                "2a00:1450:4001:82b::200e", "198.20.0.1", "192.0.1.1", "3fff:1000::1")) {
            assertEquals(Optional.empty(), classify(address).block(), address);
        }
    }

    @Test
    void ipv6_forms_carrying_ipv4_are_unwrapped() throws Exception {
        Map<String, String> wrappingLoopback = Map.of(
                "::127.0.0.1", "::/96",
                "64:ff9b::7f00:1", "64:ff9b::/96",
                "64:ff9b:1::7f00:1", "64:ff9b:1::/48",
                "2002:7f00:0001::", "2002::/16",
                // Teredo keeps the client address inverted: ~80ff:fffe = 127.0.0.1.
                "2001:0:4136:e378:8000:63bf:80ff:fffe", "2001::/32");
        for (Map.Entry<String, String> e : wrappingLoopback.entrySet()) {
            Classification c = classify(e.getKey());
            assertEquals(e.getValue(), c.block().orElseThrow().prefix(), e.getKey());
            assertEquals(1, c.carried().size(), e.getKey());
            assertEquals(InetAddress.getByName("127.0.0.1"), c.carried().get(0).address(), e.getKey());
            assertEquals("127.0.0.0/8", c.carried().get(0).block().orElseThrow().prefix(), e.getKey());
        }
        Classification nat64Public = classify("64:ff9b::808:808");
        assertEquals(SpecialAddresses.Kind.CARRIES_IPV4, nat64Public.block().orElseThrow().kind());
        assertEquals(Optional.empty(), nat64Public.carried().get(0).block(), "8.8.8.8 inside NAT64 is public");
        assertEquals(List.of(), classify("2001:db8::1").carried(), "documentation carries nothing");
    }

    @Test
    void the_table_is_well_formed() throws Exception {
        Set<String> prefixes = new HashSet<>();
        for (Block block : SpecialAddresses.blocks()) {
            assertTrue(prefixes.add(block.prefix()), "listed once: " + block.prefix());
            assertTrue(block.rfc().matches("RFC \\d+.*"), "an RFC for " + block.prefix());
            assertTrue(!block.name().isBlank(), "a name for " + block.prefix());
            String[] parts = block.prefix().split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int length = Integer.parseInt(parts[1]);
            for (int bit = length; bit < network.length * 8; bit++) {
                assertEquals(0, network[bit / 8] & (0x80 >>> (bit % 8)), "no host bits set in " + block.prefix());
            }
            // Its last address is in it too, named by it or by a more specific block inside it.
            String last = prefixOf(lastAddress(network, length));
            assertTrue(!last.equals("public"), "the end of " + block.prefix() + " is special");
        }
        assertTrue(prefixes.containsAll(List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
                "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24",
                "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24",
                "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32", "::/128", "::1/128",
                "::ffff:0:0/96", "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001::/32",
                "2001:db8::/32", "2001:10::/28", "2001:20::/28", "2002::/16", "3fff::/20", "5f00::/16", "fc00::/7",
                "fe80::/10", "fec0::/10", "ff00::/8")), "every block the registries list");
    }
}
