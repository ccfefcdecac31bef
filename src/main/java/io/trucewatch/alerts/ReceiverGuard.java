package io.trucewatch.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard: a webhook must not make this service call into its own network. A URL whose host
 * resolves to a loopback, private, link-local (incl. cloud metadata 169.254.169.254), carrier-grade
 * NAT, unique-local, multicast or unspecified address is refused, unless configuration allows
 * loopback or private receivers. Checked when a subscription is made and again before every
 * attempt (DNS can change in between).
 */
@ApplicationScoped
public class ReceiverGuard {

    @Inject
    WebhookConfig config;

    /** Why this URL may not be called, or empty if it may. */
    public Optional<String> refuse(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https receivers are allowed");
        }
        if (url.getHost() == null || url.getUserInfo() != null) {
            return Optional.of("the URL needs a host and no user-info");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host '" + url.getHost() + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refuse(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    Optional<String> refuse(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return config.allowLoopback() ? Optional.empty()
                    : Optional.of(address.getHostAddress() + " is a loopback address");
        }
        boolean internal = address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || carrierGradeNat(address) || uniqueLocal(address);
        if (internal && !config.allowPrivate()) {
            return Optional.of(address.getHostAddress() + " is a private, link-local or otherwise internal address");
        }
        return Optional.empty();
    }

    private static boolean carrierGradeNat(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
