package io.trucewatch.access;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The console's sign-in form posts to Quarkus form authentication ({@code /j_security_check}). A
 * refused sign-in there reaches the same exception mappers as the API's; a browser that posted a
 * form is sent back to the sign-in page with the reason in its address, not given JSON.
 */
public final class FormSignIn {

    /** quarkus.http.auth.form.post-location, left at its default. */
    static final String POST_LOCATION = "/j_security_check";

    private FormSignIn() {
    }

    public static boolean posted(HttpServerRequest request) {
        return request != null && POST_LOCATION.equals(request.path());
    }

    /** Back to the sign-in page: {@code reason} is "error" (wrong credentials) or "limited". */
    public static Response backToSignIn(String reason) {
        return Response.seeOther(URI.create("/login.html?" + reason)).build();
    }
}
