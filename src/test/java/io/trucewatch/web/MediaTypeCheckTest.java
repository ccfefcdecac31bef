package io.trucewatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The media types of each endpoint, read from @Consumes, and what a request must declare to match one. */
class MediaTypeCheckTest {

    /** Read for its annotations only; never deployed (Quarkus would serve any @Path class of the tests). */
    @io.quarkus.arc.profile.IfBuildProfile("never-deployed")
    @Path("/api/things/{id}")
    public static class Things {
        @POST
        @Consumes({"text/csv", "application/csv"})
        public void upload(byte[] body) {
        }

        @POST
        @Path("/notes/{n: [0-9]+}")
        @Consumes("application/json; charset=UTF-8")
        public void note(byte[] body) {
        }

        @GET
        public void read() {
        }

        @POST
        @Path("/touch")
        public void touch() {
        }
    }

    @Test
    void endpoints_are_found_with_their_templates_and_types() {
        List<ConsumedMediaTypes.Endpoint> endpoints = ConsumedMediaTypes.scan(List.of(Things.class));
        assertEquals(2, endpoints.size(), "only methods that declare @Consumes take a body");
        ConsumedMediaTypes.Endpoint upload = endpoints.stream().filter(e -> e.mediaTypes().size() == 2).findFirst()
                .orElseThrow();
        assertEquals("POST", upload.method());
        assertEquals(List.of("text/csv", "application/csv"), upload.mediaTypes());
        assertTrue(upload.path().matcher("api/things/42").matches());
        assertFalse(upload.path().matcher("api/things/42/more").matches());
        ConsumedMediaTypes.Endpoint note = endpoints.stream().filter(e -> e.mediaTypes().size() == 1).findFirst()
                .orElseThrow();
        assertEquals(List.of("application/json"), note.mediaTypes(), "parameters are not part of the type");
        assertTrue(note.path().matcher("api/things/a.b/notes/7").matches(), "the dot is literal text, not any char");
        assertFalse(note.path().matcher("api/things/a/notes/x").matches(), "{n: [0-9]+} keeps its regex");
    }

    @Test
    void only_a_declared_concrete_type_matches() {
        List<String> csv = List.of("text/csv", "application/csv");
        assertTrue(ContentTypeCheck.isOneOf("text/csv", csv));
        assertTrue(ContentTypeCheck.isOneOf(ConsumedMediaTypes.essence("Text/CSV; charset=ISO-8859-1"), csv));
        assertFalse(ContentTypeCheck.isOneOf("application/json", csv));
        assertFalse(ContentTypeCheck.isOneOf("*/*", csv));
        assertFalse(ContentTypeCheck.isOneOf("text/*", csv));
        assertFalse(ContentTypeCheck.isOneOf("", csv));
        assertFalse(ContentTypeCheck.isOneOf("garbage", csv));
        assertTrue(ContentTypeCheck.isOneOf("text/plain", List.of("text/*")), "a wildcard endpoint takes any text");
        assertFalse(ContentTypeCheck.isOneOf("*/*", List.of("*/*")), "but a request must still say what it sends");
    }

    @Test
    void the_415_names_this_endpoints_types_and_what_was_sent() {
        Problem problem = ContentTypeCheck.unsupported(null, List.of("text/csv", "application/csv"));
        assertEquals(415, problem.status());
        assertTrue(problem.detail().contains("text/csv or application/csv") && problem.detail().contains("none"),
                problem.detail());
        assertEquals("Content-Type", problem.errors().get(0).field());
        Problem echoed = ContentTypeCheck.unsupported("application/json\u0000" + "x".repeat(500), List.of("text/csv"));
        assertTrue(echoed.detail().contains("'application/json?x") && echoed.detail().length() < 300, echoed.detail());
    }
}
