package io.trucewatch.alerts;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The spelling of a receiver URL's host, checked before anything resolves it. IPv4 literals have
 * many spellings that clients read differently: {@code 0177.0.0.1} is 127.0.0.1 to curl, browsers
 * and glibc (octal) but 177.0.0.1 to Java's {@code InetAddress}; {@code 127.1}, {@code 0x7f.1} and
 * {@code 2130706433} are loopback to a browser, and Java hands some of them to the system resolver,
 * which reads them again its own way. A guard that reads an address one way while anybody else
 * reads it another is no guard, so only canonical dotted-decimal is accepted: four decimal numbers
 * 0-255 without leading zeros. A host counts as an IPv4 literal as soon as its last label is a
 * number, as the WHATWG URL standard decides it ({@code example.123} is not a name to a browser).
 */
final class HostSyntax {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final Pattern OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    private HostSyntax() {
    }

    /**
     * The host as written in the URL, IPv6 literals in brackets; also when {@link URI#getHost()}
     * gives up (Java's URI parser takes {@code 127.1} or {@code a..b} for a registry-based authority
     * and says there is no host), so that the refusal can say what is wrong with it. Null if the
     * URL has no authority at all.
     */
    static String hostOf(URI url) {
        if (url.getHost() != null) {
            return url.getHost();
        }
        String authority = url.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Why this host is not acceptable as written, or empty if it is. */
    static Optional<String> refuse(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("the URL needs a host");
        }
        if (host.startsWith("[")) {
            return refuseIpv6Literal(host);
        }
        // A trailing dot makes the same host a different string: "127.0.0.1." is an IPv4 literal
        // to a browser and a name to Java, "example.com." gets no SNI and matches no certificate
        // in some TLS stacks, and it skips resolver search domains. Empty labels ("a..b", ".a")
        // are no DNS name at all. No receiver needs either, so both are refused outright.
        if (host.endsWith(".")) {
            return Optional.of("host '" + host + "' ends with a dot; write it without the trailing dot");
        }
        if (host.startsWith(".") || host.contains("..")) {
            return Optional.of("host '" + host + "' has an empty label");
        }
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (NUMBER.matcher(last).matches() && !canonicalIpv4(host)) {
            return Optional.of(nonCanonical(host));
        }
        return Optional.empty();
    }

    /** The host without the brackets of an IPv6 literal, as TLS and socket addresses want it. */
    static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Four decimal numbers 0-255 separated by dots, without leading zeros. */
    static boolean canonicalIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!OCTET.matcher(part).matches() || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> refuseIpv6Literal(String host) {
        if (!host.endsWith("]")) {
            return Optional.of("host '" + host + "' is not a complete IPv6 literal");
        }
        String literal = bare(host);
        if (literal.contains("%")) {
            // A zone names an interface of this machine: only link-local addresses have one.
            return Optional.of("host '" + host + "' has an IPv6 zone identifier; receivers are not on link-local addresses");
        }
        int dot = literal.indexOf('.');
        if (dot >= 0 && !canonicalIpv4(literal.substring(literal.lastIndexOf(':') + 1))) {
            // Java reads "::ffff:0177.0.0.1" as 177.0.0.1 where others read 127.0.0.1 or nothing.
            return Optional.of(nonCanonical(host));
        }
        return Optional.empty();
    }

    private static String nonCanonical(String host) {
        return "host '" + host + "' is an IPv4 address not written in canonical dotted-decimal (four decimal numbers "
                + "0-255 without leading zeros, e.g. 192.0.2.1); other spellings (octal, hexadecimal, shortened, a "
                + "single number) are read differently by different clients";
    }
}
