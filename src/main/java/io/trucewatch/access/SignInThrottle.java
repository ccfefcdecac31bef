package io.trucewatch.access;

import io.trucewatch.web.ClientKey;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Limits failed sign-ins, counted in two {@link FailureLedger}s:
 * <ul>
 * <li>per user name <em>and</em> client address: someone guessing one user's password from one
 * place. The same user signing in from anywhere else is not held up, so a flood from other
 * addresses cannot lock the real user out;</li>
 * <li>per client address, whatever the names: someone trying one password on many users.</li>
 * </ul>
 * There is deliberately no limit per user alone: whoever can reach the service could then lock
 * any user out. Guessing from many addresses at once is slowed by {@link PasswordCheckGate}, which
 * also keeps such a flood off most of the CPU.
 *
 * <p>A refused sign-in is refused before its password is looked at, even the right one: if the
 * right password still got through, a refused guesser could go on guessing, answered fast, until
 * one answer came back 200. A right password forgives that user's failures from that address (only
 * those: one valid account must not reset the address's count for trying others). Refusals are not
 * counted: nothing was guessed.
 */
final class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class);

    private final FailureLedger pairs;
    private final FailureLedger addresses;
    private final LongSupplier clockMillis;
    private final AtomicBoolean warnedOfNoAddress = new AtomicBoolean();

    SignInThrottle(FailureLedger pairs, FailureLedger addresses, LongSupplier clockMillis) {
        this.pairs = pairs;
        this.addresses = addresses;
        this.clockMillis = clockMillis;
    }

    static SignInThrottle from(AuthConfig.Throttle config) {
        return new SignInThrottle(
                new FailureLedger(config.failuresPerUserAndAddress(), config.window(), config.coolDown(),
                        config.maxCoolDown(), config.maxTracked()),
                new FailureLedger(config.failuresPerAddress(), config.window(), config.coolDown(),
                        config.maxCoolDown(), config.maxTracked()),
                // Monotonic: a clock set back must not lift or stretch a cool-down.
                () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
    }

    /** Throws {@link SignInThrottledException} if this user at this address, or this address, must wait. */
    void checkAllowed(String user, String address) {
        if (unknown(address)) {
            return;
        }
        long now = clockMillis.getAsLong();
        long wait = Math.max(addresses.waitMillis(address, now), pairs.waitMillis(pairKey(user, address), now));
        if (wait > 0) {
            throw new SignInThrottledException(wait);
        }
    }

    void failed(String user, String address) {
        if (unknown(address)) {
            return;
        }
        long now = clockMillis.getAsLong();
        long pairWait = pairs.failed(pairKey(user, address), now);
        long addressWait = addresses.failed(address, now);
        // Logged once per cool-down, so a flood cannot flood the log. Name and address are the
        // caller's (or its proxy's) text, hence made printable and cut.
        if (addressWait > 0) {
            LOG.warnf("Sign-ins from %s refused for %d s: too many failed sign-ins from that address",
                    printable(address), addressWait / 1000);
        } else if (pairWait > 0) {
            LOG.warnf("Sign-ins as \"%s\" from %s refused for %d s: too many wrong passwords", printable(user),
                    printable(address), pairWait / 1000);
        }
    }

    void succeeded(String user, String address) {
        if (!unknown(address)) {
            pairs.forget(pairKey(user, address));
        }
    }

    /**
     * The ledger key of a user at an address. HTTP Basic user names cannot hold ':' (the first one
     * ends the name), so the key is unambiguous; long names are kept as a digest.
     */
    static String pairKey(String user, String address) {
        return ClientAddress.bounded(user) + ":" + address;
    }

    /**
     * Without an address there is no safe key: one shared key would let anyone lock everyone out.
     * Only {@link PasswordCheckGate} then applies. Basic sign-ins always come with their HTTP request,
     * so this would mean Quarkus changed how it passes it on: say so once.
     */
    private boolean unknown(String address) {
        if (address != null) {
            return false;
        }
        if (warnedOfNoAddress.compareAndSet(false, true)) {
            LOG.warn("A sign-in came without a client address: failed sign-ins are not limited per address"
                    + " for such requests");
        }
        return true;
    }

    private static String printable(String text) {
        String cut = text.length() > ClientKey.MAX_KEY_CHARS
                ? text.substring(0, ClientKey.MAX_KEY_CHARS) + "…"
                : text;
        return cut.replaceAll("\\p{Cntrl}", "?").replace("\"", "'");
    }
}
