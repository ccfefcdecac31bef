package io.trucewatch.alerts;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which special-purpose block an IP address is in, from one table: every entry of the IANA IPv4
 * and IPv6 Special-Purpose Address Registries (RFC 6890 and the RFCs that added entries since,
 * registry state of 2025), plus the blocks that are special by other RFCs: multicast, the
 * deprecated IPv4-compatible and site-local IPv6 forms, and the IPv6 space that the IANA IPv6
 * Address Space registry has not allocated for global unicast (so that no IPv6 address outside
 * 2000::/3 can pass for a public one). The most specific block wins, so 2001:db8::1 is named as
 * Documentation and 192.0.0.9 as PCP Anycast rather than by their enclosing blocks.
 *
 * <p>An IPv6 address that carries an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 with either
 * prefix, 6to4, Teredo) is unwrapped and the IPv4 address classified as well: what such an
 * address reaches depends on the IPv4 address inside it as much as on the wrapper.
 */
final class SpecialAddresses {

    /** What a block means for a webhook receiver. */
    enum Kind {
        /** This host: a receiver here needs {@code allow-loopback}. */
        LOOPBACK,
        /** A private or otherwise internal network: a receiver here needs {@code allow-private}. */
        INTERNAL,
        /**
         * No webhook receiver can be here, whatever the configuration: unspecified, broadcast,
         * multicast, documentation, benchmarking, reserved, anycast services, deprecated forms.
         */
        NEVER,
        /** Only a way of writing an IPv4 address in IPv6: judged by the IPv4 address it carries. */
        CARRIES_IPV4
    }

    /** Where an IPv6 block keeps the IPv4 address it carries. */
    private enum Carrier {
        NONE,
        /** The last 32 bits (IPv4-mapped, IPv4-compatible, NAT64 with a /96 prefix). */
        LAST_32_BITS,
        /** Bits 16-47 (6to4, RFC 3056). */
        SIX_TO_FOUR,
        /** The last 32 bits inverted: Teredo's obfuscated client address (RFC 4380 section 4). */
        TEREDO_CLIENT
    }

    /** A special-purpose block: its prefix, its registry name and the RFC that made it. */
    record Block(String prefix, String name, String rfc, Kind kind) {
        @Override
        public String toString() {
            return prefix + " " + name + ", " + rfc;
        }
    }

    /** An address, the most specific block it is in (if any), and the IPv4 addresses it carries. */
    record Classification(InetAddress address, Optional<Block> block, List<Classification> carried) {

        /** The address with its block, e.g. {@code 127.0.0.1 (127.0.0.0/8 Loopback, RFC 1122)}. */
        String describe() {
            return address.getHostAddress() + block.map(b -> " (" + b + ")").orElse("");
        }
    }

    private record Entry(Block block, byte[] network, int length, Carrier carrier) {
    }

    private static final List<Entry> TABLE = List.of(
            // IANA IPv4 Special-Purpose Address Registry
            entry("0.0.0.0/8", "\"This network\"", "RFC 791", Kind.NEVER),
            entry("0.0.0.0/32", "\"This host on this network\"", "RFC 1122", Kind.NEVER),
            entry("10.0.0.0/8", "Private-Use", "RFC 1918", Kind.INTERNAL),
            entry("100.64.0.0/10", "Shared Address Space", "RFC 6598", Kind.INTERNAL),
            entry("127.0.0.0/8", "Loopback", "RFC 1122", Kind.LOOPBACK),
            entry("169.254.0.0/16", "Link Local", "RFC 3927", Kind.INTERNAL),
            entry("172.16.0.0/12", "Private-Use", "RFC 1918", Kind.INTERNAL),
            entry("192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890", Kind.NEVER),
            entry("192.0.0.0/29", "IPv4 Service Continuity Prefix", "RFC 7335", Kind.NEVER),
            entry("192.0.0.8/32", "IPv4 dummy address", "RFC 7600", Kind.NEVER),
            entry("192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723", Kind.NEVER),
            entry("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "RFC 8155", Kind.NEVER),
            entry("192.0.0.170/32", "NAT64/DNS64 Discovery", "RFC 8880, RFC 7050", Kind.NEVER),
            entry("192.0.0.171/32", "NAT64/DNS64 Discovery", "RFC 8880, RFC 7050", Kind.NEVER),
            entry("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737", Kind.NEVER),
            entry("192.31.196.0/24", "AS112-v4", "RFC 7535", Kind.NEVER),
            entry("192.52.193.0/24", "AMT", "RFC 7450", Kind.NEVER),
            entry("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "RFC 7526", Kind.NEVER),
            entry("192.88.99.2/32", "6a44-relay anycast address", "RFC 6751", Kind.NEVER),
            entry("192.168.0.0/16", "Private-Use", "RFC 1918", Kind.INTERNAL),
            entry("192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534", Kind.NEVER),
            entry("198.18.0.0/15", "Benchmarking", "RFC 2544", Kind.NEVER),
            entry("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737", Kind.NEVER),
            entry("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737", Kind.NEVER),
            entry("240.0.0.0/4", "Reserved", "RFC 1112", Kind.NEVER),
            entry("255.255.255.255/32", "Limited Broadcast", "RFC 919, RFC 8190", Kind.NEVER),
            // IPv4, special by other RFCs (IANA IPv4 Multicast Address Space registry)
            entry("224.0.0.0/4", "Multicast", "RFC 5771", Kind.NEVER),

            // IANA IPv6 Special-Purpose Address Registry
            entry("::/128", "Unspecified Address", "RFC 4291", Kind.NEVER),
            entry("::1/128", "Loopback Address", "RFC 4291", Kind.LOOPBACK),
            entry("::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291", Kind.CARRIES_IPV4, Carrier.LAST_32_BITS),
            // The well-known NAT64 prefix reaches the public IPv4 Internet through a translator,
            // so it is judged by the IPv4 address inside (RFC 6052 forbids non-global ones there).
            entry("64:ff9b::/96", "IPv4-IPv6 Translat.", "RFC 6052", Kind.CARRIES_IPV4, Carrier.LAST_32_BITS),
            // The local-use prefix is a translator of one's own network: internal, like 10/8. An
            // operator may carve a /48 to /96 out of it and the address does not say which; the
            // /96 layout (the IPv4 address last) is the one read, as the other layouts would read
            // bits of a /96 deployment's prefix as an IPv4 address.
            entry("64:ff9b:1::/48", "IPv4-IPv6 Translat.", "RFC 8215", Kind.INTERNAL, Carrier.LAST_32_BITS),
            entry("100::/64", "Discard-Only Address Block", "RFC 6666", Kind.NEVER),
            entry("100:0:0:1::/64", "Dummy IPv6 Prefix", "RFC 9780", Kind.NEVER),
            entry("2001::/23", "IETF Protocol Assignments", "RFC 2928", Kind.NEVER),
            entry("2001::/32", "TEREDO", "RFC 4380, RFC 8190", Kind.NEVER, Carrier.TEREDO_CLIENT),
            entry("2001:1::1/128", "Port Control Protocol Anycast", "RFC 7723", Kind.NEVER),
            entry("2001:1::2/128", "Traversal Using Relays around NAT Anycast", "RFC 8155", Kind.NEVER),
            entry("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast", "RFC 9665", Kind.NEVER),
            entry("2001:2::/48", "Benchmarking", "RFC 5180, RFC Errata 1752", Kind.NEVER),
            entry("2001:3::/32", "AMT", "RFC 7450", Kind.NEVER),
            entry("2001:4:112::/48", "AS112-v6", "RFC 7535", Kind.NEVER),
            entry("2001:10::/28", "Deprecated (previously ORCHID)", "RFC 4843", Kind.NEVER),
            entry("2001:20::/28", "ORCHIDv2", "RFC 7343", Kind.NEVER),
            entry("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "RFC 9374", Kind.NEVER),
            entry("2001:db8::/32", "Documentation", "RFC 3849", Kind.NEVER),
            // 6to4 is deprecated for new deployments (RFC 7526); no receiver needs it.
            entry("2002::/16", "6to4", "RFC 3056", Kind.NEVER, Carrier.SIX_TO_FOUR),
            entry("2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534", Kind.NEVER),
            entry("3fff::/20", "Documentation", "RFC 9637", Kind.NEVER),
            entry("5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602", Kind.NEVER),
            entry("fc00::/7", "Unique-Local", "RFC 4193, RFC 8190", Kind.INTERNAL),
            entry("fe80::/10", "Link-Local Unicast", "RFC 4291", Kind.INTERNAL),
            // IPv6, special by other RFCs
            entry("::/96", "IPv4-compatible IPv6 address (deprecated)", "RFC 4291 section 2.5.5.1", Kind.NEVER,
                    Carrier.LAST_32_BITS),
            entry("fec0::/10", "Site-Local Unicast (deprecated)", "RFC 3879", Kind.INTERNAL),
            entry("ff00::/8", "Multicast", "RFC 4291", Kind.NEVER),
            // IANA IPv6 Address Space registry: everything outside 2000::/3 (global unicast) that
            // is not named above is reserved by the IETF.
            entry("::/8", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("100::/8", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("200::/7", "Reserved by IETF", "RFC 4048", Kind.NEVER),
            entry("400::/6", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("800::/5", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("1000::/4", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("4000::/3", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("6000::/3", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("8000::/3", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("a000::/3", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("c000::/3", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("e000::/4", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("f000::/5", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("f800::/6", "Reserved by IETF", "RFC 4291", Kind.NEVER),
            entry("fe00::/9", "Reserved by IETF", "RFC 4291", Kind.NEVER));

    private SpecialAddresses() {
    }

    /** Every block of the table, for tests and documentation. */
    static List<Block> blocks() {
        return TABLE.stream().map(Entry::block).toList();
    }

    static Classification classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<Entry> entry = mostSpecific(bytes);
        List<Classification> carried = entry.map(e -> carriedIpv4(e.carrier(), bytes)).orElse(List.of()).stream()
                .map(ipv4 -> classify(ipv4Address(ipv4))).toList();
        return new Classification(address, entry.map(Entry::block), carried);
    }

    private static Optional<Entry> mostSpecific(byte[] address) {
        Entry best = null;
        for (Entry entry : TABLE) {
            if (entry.network().length == address.length && (best == null || entry.length() > best.length())
                    && inPrefix(address, entry.network(), entry.length())) {
                best = entry;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean inPrefix(byte[] address, byte[] network, int length) {
        for (int bit = 0; bit < length; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static List<byte[]> carriedIpv4(Carrier carrier, byte[] a) {
        return switch (carrier) {
            case NONE -> List.of();
            case LAST_32_BITS -> List.of(Arrays.copyOfRange(a, 12, 16));
            case SIX_TO_FOUR -> List.of(Arrays.copyOfRange(a, 2, 6));
            case TEREDO_CLIENT -> List.of(new byte[] {(byte) ~a[12], (byte) ~a[13], (byte) ~a[14], (byte) ~a[15]});
        };
    }

    private static InetAddress ipv4Address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Entry entry(String prefix, String name, String rfc, Kind kind) {
        return entry(prefix, name, rfc, kind, Carrier.NONE);
    }

    private static Entry entry(String prefix, String name, String rfc, Kind kind, Carrier carrier) {
        int slash = prefix.indexOf('/');
        String literal = prefix.substring(0, slash);
        try {
            InetAddress network = InetAddress.getByName(literal);
            byte[] bytes = network.getAddress();
            if (network instanceof Inet4Address && literal.contains(":")) {
                // Java turns an IPv4-mapped literal (::ffff:0:0) into an IPv4 address; the table
                // means the IPv6 block.
                bytes = new byte[16];
                bytes[10] = (byte) 0xff;
                bytes[11] = (byte) 0xff;
                System.arraycopy(network.getAddress(), 0, bytes, 12, 4);
            }
            return new Entry(new Block(prefix, name, rfc, kind), bytes, Integer.parseInt(prefix.substring(slash + 1)),
                    carrier);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + prefix, e);
        }
    }
}
