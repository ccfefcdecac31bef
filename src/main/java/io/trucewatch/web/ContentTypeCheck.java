package io.trucewatch.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An endpoint that takes a body takes it only under a media type it declares: a request without
 * {@code Content-Type}, with a wildcard ({@code *}{@code /*}) or with another type is refused with a
 * 415 naming the types this endpoint takes. JAX-RS routing alone lets a missing or wildcard type
 * through, and its own 415 cannot say which type was wanted.
 *
 * <p>Parameters are not judged: a body is read as UTF-8 whatever charset it declares, and one
 * that is not UTF-8 is refused by {@link RequestBodies#text} with the offset of the first bad byte.
 */
public class ContentTypeCheck {

    /** "type/subtype", each an RFC 9110 token. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+");

    @Inject
    ConsumedMediaTypes consumed;

    /** Before routing: a request the router would refuse or wave through is answered here, in our words. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireDeclaredMediaType(ContainerRequestContext request) {
        return check(request, consumed.of(request.getMethod(), request.getUriInfo().getPath()));
    }

    /**
     * After routing, from the matched method's own {@code @Consumes}: the same rule again, so that
     * a missing or wildcard type is refused even for an endpoint the index above does not know.
     */
    @ServerRequestFilter
    public Optional<Response> requireDeclaredMediaTypeOfMatched(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Consumes consumes = method == null ? null : method.isAnnotationPresent(Consumes.class)
                ? method.getAnnotation(Consumes.class) : resource.getResourceClass().getAnnotation(Consumes.class);
        return check(request, consumes == null ? List.of() : ConsumedMediaTypes.mediaTypes(consumes));
    }

    private static Optional<Response> check(ContainerRequestContext request, List<String> accepted) {
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (declared != null && isOneOf(ConsumedMediaTypes.essence(declared), accepted)) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.respond(unsupported(declared, accepted)));
    }

    /** Whether a concrete media type (no wildcard) is one of {@code accepted}, which may hold wildcards. */
    static boolean isOneOf(String mediaType, List<String> accepted) {
        if (!MEDIA_TYPE.matcher(mediaType).matches() || mediaType.contains("*")) {
            return false;
        }
        String type = mediaType.substring(0, mediaType.indexOf('/'));
        for (String candidate : accepted) {
            if (candidate.equals(mediaType) || candidate.equals("*/*") || candidate.equals(type + "/*")) {
                return true;
            }
        }
        return false;
    }

    static Problem unsupported(String declared, List<String> accepted) {
        String wanted = String.join(" or ", accepted);
        String sent = declared == null || declared.isBlank() ? "the request declares none"
                : "the request declares '" + printable(declared) + "'";
        return new Problem("/problems/unsupported-media-type", "Unsupported media type", 415,
                "This endpoint takes a body of type " + wanted + "; " + sent,
                List.of(new Problem.FieldError(HttpHeaders.CONTENT_TYPE, "must be " + wanted)));
    }

    /** A header value as it may be echoed: printable ASCII, at most 100 characters. */
    private static String printable(String value) {
        String visible = value.replaceAll("[^\\x20-\\x7E]", "?");
        return visible.length() <= 100 ? visible : visible.substring(0, 100) + "…";
    }
}
