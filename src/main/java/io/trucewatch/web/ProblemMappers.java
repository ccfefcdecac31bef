package io.trucewatch.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.trucewatch.access.FormSignIn;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json; nothing internal (no stack trace) ever reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(PlainProblems.plain(e.toProblem()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No representation of this resource in the media type asked for";
            case 413 -> "The request body is too large";
            // ContentTypeCheck answers the endpoints it knows, naming their types; this is the fallback.
            case 415 -> "This endpoint does not take a body of this media type; the API description (/q/openapi) "
                    + "names the one it takes";
            default -> title;
        };
        return respond(new Problem("/problems/http-" + status, title, status, detail, List.of()));
    }

    /** No credentials, or credentials that did not check out: 401 with the schemes that would. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders request, HttpServerRequest http) {
        if (FormSignIn.posted(http)) {
            return FormSignIn.backToSignIn("error");
        }
        Problem problem = new Problem("/problems/unauthenticated", "Authentication required", 401,
                "Send HTTP Basic credentials of a configured user, or a bearer JWT; in a browser, sign in at /login.html",
                List.of());
        Response.ResponseBuilder answer = Response.status(401).type(Problem.MEDIA_TYPE).entity(problem);
        // A Basic challenge makes a browser open its own password dialog, even for a script's
        // request; the console (which says so with X-Requested-With) signs in with its form instead.
        boolean console = request != null && (request.getHeaderString(CONSOLE_HEADER) != null
                || request.getCookies().containsKey(SESSION_COOKIE));
        if (!console) {
            answer.header("WWW-Authenticate", "Basic realm=\"trucewatch\"");
        }
        return answer.header("WWW-Authenticate", "Bearer").build();
    }

    /** The console's session cookie (quarkus.http.auth.form.cookie-name, left at its default). */
    static final String SESSION_COOKIE = "quarkus-credential";

    /** Sent by the console's scripts with every call to the API. */
    public static final String CONSOLE_HEADER = "X-Requested-With";

    /** Authenticated, but the role this endpoint declares is not among the caller's. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem("/problems/forbidden", "Forbidden", 403,
                "Your roles do not allow this; see the README's table of who may do what", List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error answering a request", e);
        return respond(new Problem("/problems/internal", "Internal error", 500,
                "The service could not answer this request; the error is logged", List.of()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
