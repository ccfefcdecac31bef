package io.trucewatch.web;

import static io.trucewatch.web.Refusal.assertRefused;
import static io.trucewatch.web.Refusal.message;
import static io.trucewatch.web.StrictBodiesTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trucewatch.access.As;
import io.trucewatch.imports.ImportJob;
import org.junit.jupiter.api.Test;

/**
 * The NUL character (U+0000) reaches no query and no row: PostgreSQL refuses text holding it, so
 * a path, a query or a file carrying it is refused up front with a problem naming where it was,
 * on every database alike. Requests without it are served as before.
 */
@QuarkusTest
class NulRefusalTest {

    @Test
    void a_path_or_query_holding_an_encoded_nul_is_refused_and_one_without_is_served() {
        assertRefused(As.auditor().urlEncodingEnabled(false).get("/api/incidents/abc%00def"), 400, "(uri)");
        assertRefused(As.auditor().urlEncodingEnabled(false).get("/api/incidents?submitted_by=x%00"), 400, "(uri)");
        As.auditor().urlEncodingEnabled(false).get("/api/incidents/abc-def").then().statusCode(404);
        As.auditor().urlEncodingEnabled(false).get("/api/incidents?submitted_by=x%20y").then().statusCode(200);
    }

    @Test
    void an_import_file_holding_nul_is_refused_whole_naming_its_line() {
        long jobs = QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
        JsonPath problem = assertRefused(As.monitor().contentType("text/csv")
                .body(utf8("external_id,notes\nx1,fine\nx2,bad\u0000byte\n")).post("/api/imports"), 400, "(body)");
        assertTrue(message(problem, "(body)").contains("line 3"), problem.prettify());
        assertEquals(jobs, QuarkusTransaction.requiringNew().call(() -> ImportJob.count()), "nothing queued");
        As.monitor().contentType("text/csv").body(utf8("external_id,notes\n")).post("/api/imports").then()
                .statusCode(202);
    }
}
