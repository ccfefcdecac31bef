package io.trucewatch.access;

import io.trucewatch.web.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 429 for a sign-in refused by {@link SignInThrottle} or {@link PasswordCheckGate}, as problem+json
 * with Retry-After. One answer for every refusal: it does not tell whether the user exists, nor
 * which limit was reached.
 */
public class SignInThrottledMapper {

    static final String TYPE = "/problems/sign-ins-limited";

    @ServerExceptionMapper
    public Response throttled(SignInThrottledException e, HttpServerRequest request) {
        if (FormSignIn.posted(request)) {
            return FormSignIn.backToSignIn("limited");
        }
        long seconds = e.retryAfterSeconds();
        Problem problem = new Problem(TYPE, "Too many sign-in attempts", 429,
                "Sign-ins are temporarily limited; try again in " + seconds + " s", List.of());
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", Long.toString(seconds))
                .build();
    }
}
