package io.trucewatch.access;

import io.quarkus.security.AuthenticationException;

/**
 * A sign-in refused before its password was looked at: too many failures from that address (or for
 * that user from that address), or too many password checks at once. Answered 429 with Retry-After
 * by {@link SignInThrottledMapper}. It says nothing of whether the user exists.
 *
 * <p>On a path guarded by an HTTP permission rather than an endpoint (e.g. {@code /q/metrics}) the
 * refusal happens outside the REST layer; Quarkus hands such authentication failures to the REST
 * exception mappers all the same. Being an {@link AuthenticationException}, it would at worst be
 * answered 401 by Quarkus's own error handler, never 500.
 */
public class SignInThrottledException extends SecurityException implements AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    SignInThrottledException(long waitMillis) {
        super("sign-ins are temporarily limited");
        this.retryAfterSeconds = Math.max(1, (waitMillis + 999) / 1000);
    }

    /** Whole seconds to wait, rounded up, at least 1: the value of the Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Thrown at the rate of a flood and never a bug: a stack trace would only cost time. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
