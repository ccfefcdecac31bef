package io.trucewatch.web;

import io.netty.util.NetUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key a client address is counted under, wherever clients are limited (arriving bodies,
 * failed sign-ins): IPv4 as itself (also when written IPv4-mapped), IPv6 by its /64, because one
 * subscriber is commonly handed a whole /64 and could otherwise take a fresh address for every few
 * attempts. Parsed without any name lookup (this runs on I/O threads); text that is not an address
 * literal is its own key, kept as a digest when long so that each costs the same memory.
 */
public final class ClientKey {

    /** Longer keys (names or hosts an attacker made up) are kept as a digest. */
    public static final int MAX_KEY_CHARS = 64;

    private ClientKey() {
    }

    public static String of(String host) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
        if (bytes == null) {
            return bounded("host " + host);
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** Text as a key of at most about {@link #MAX_KEY_CHARS} characters, distinct texts staying distinct. */
    public static String bounded(String text) {
        if (text.length() <= MAX_KEY_CHARS) {
            return text;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256 " + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
