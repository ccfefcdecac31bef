package io.trucewatch.alerts;

import io.trucewatch.alerts.SpecialAddresses.Classification;
import io.trucewatch.alerts.SpecialAddresses.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard: a webhook must not make this service call into its own network. A URL is refused
 * when its host is not written plainly ({@link HostSyntax}), or when any address it resolves to is
 * in a special-purpose block ({@link SpecialAddresses}): loopback unless {@code allow-loopback},
 * private and otherwise internal networks unless {@code allow-private}, and the blocks no receiver
 * can be in (unspecified, broadcast, multicast, documentation, benchmarking, reserved, ...) always.
 * An IPv6 address carrying an IPv4 address is judged by both.
 *
 * <p>Checked when a subscription is made and again before every attempt (DNS can change in
 * between). For an attempt, {@link #check} resolves the host once and hands back the addresses it
 * checked, and the dispatcher connects to one of those: resolving again to connect would let a DNS
 * answer that changed in between (rebinding) reach an address nobody checked.
 */
@ApplicationScoped
public class ReceiverGuard {

    @Inject
    WebhookConfig config;

    /** The outcome of checking a receiver URL: why it is refused, or the addresses it may be called at. */
    public record Check(Optional<String> refusal, List<InetAddress> addresses) {

        static Check refused(String reason) {
            return new Check(Optional.of(reason), List.of());
        }

        /** The checked address to connect to: the first, as Java's own resolution would pick. */
        InetAddress address() {
            return addresses.get(0);
        }
    }

    /** Why this URL may not be called, or empty if it may. */
    public Optional<String> refuse(URI url) {
        return check(url).refusal();
    }

    /** Checks the URL, resolving its host once; every address it resolves to must pass. */
    public Check check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Check.refused("only http and https receivers are allowed");
        }
        String host = HostSyntax.hostOf(url);
        if (host == null || url.getRawUserInfo() != null || url.getRawAuthority().contains("@")) {
            return Check.refused("the URL needs a host and no user-info");
        }
        Optional<String> badHost = HostSyntax.refuse(host);
        if (badHost.isPresent()) {
            return Check.refused(badHost.get());
        }
        if (url.getHost() == null) {
            return Check.refused("host '" + host + "' is not a valid host name");
        }
        if (url.getPort() == 0 || url.getPort() > 65535) {
            return Check.refused("port " + url.getPort() + " is not a TCP port");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Check.refused("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refuse(address);
            if (refused.isPresent()) {
                return Check.refused(refused.get());
            }
        }
        return new Check(Optional.empty(), List.of(addresses));
    }

    Optional<String> refuse(InetAddress address) {
        Classification classification = SpecialAddresses.classify(address);
        Optional<String> own = classification.block().flatMap(block -> refuse(block.kind())
                .map(sentence -> ownReason(classification, sentence)));
        if (own.isPresent()) {
            return own;
        }
        for (Classification carried : classification.carried()) {
            Optional<String> inner = carried.block().flatMap(block -> refuse(block.kind())
                    .map(sentence -> address.getHostAddress() + " carries " + carried.address().getHostAddress() + " ("
                            + classification.block().orElseThrow() + "), and " + carried.address().getHostAddress()
                            + " is " + sentence + " (" + carried.block().orElseThrow() + ")"));
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    /** What refuses a block of this kind under the configuration, as the end of "x is ...". */
    private Optional<String> refuse(Kind kind) {
        return switch (kind) {
            case LOOPBACK -> config.allowLoopback() ? Optional.empty() : Optional.of("a loopback address");
            case INTERNAL -> config.allowPrivate() ? Optional.empty()
                    : Optional.of("a private, link-local or otherwise internal address");
            case NEVER -> Optional.of("a special-purpose address that is never a webhook receiver");
            case CARRIES_IPV4 -> Optional.empty();
        };
    }

    private static String ownReason(Classification classification, String sentence) {
        String reason = classification.address().getHostAddress() + " is " + sentence;
        SpecialAddresses.Block block = classification.block().orElseThrow();
        if (block.kind() != Kind.INTERNAL || !classification.carried().isEmpty()) {
            // Internal addresses keep the sentence they always had: clients (and the API tests)
            // match "x is a private, link-local or otherwise internal address" as it is.
            reason += " (" + block + ")";
        }
        String carriedSpecial = classification.carried().stream().filter(c -> c.block().isPresent())
                .map(c -> ", carrying " + c.describe()).findFirst().orElse("");
        return reason + carriedSpecial;
    }
}
