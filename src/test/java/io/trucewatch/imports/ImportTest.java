package io.trucewatch.imports;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trucewatch.access.As;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ACLED CSV files in: each row judged like a single report, rejected rows named, re-runs add nothing. */
@QuarkusTest
class ImportTest {

    /** As ACLED exports it: its own columns (year, iso, interaction…), its long date form, its flag. */
    static String acledFile(String prefix) {
        return """
                event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
                %1$s1,12 May 2016,2016,1,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Syria (2000-),,1,Civilians (Syria),,7,17,Civilian targeting,760,Middle East,Syria,Aleppo,Jebel Saman,,Al-Haidariyah,36.228,37.183,1,"AFP; SOHR",International,"Barrel bombs, market hit",12,,1462000000
                %1$s2,12 May 2016,2016,1,Political violence,Battles,Non-state actor overtakes territory,Islamic State (Syria),,2,Free Syrian Army,,2,22,,760,Middle East,Syria,Aleppo,Azaz,,Al-Rai,,,2,Reuters,International,,3,,1462000000
                %1$s3,12 May 2016,2016,1,Political violence,Battles,Air/drone strike,SAA,,1,Civilians (Syria),,7,17,,760,Middle East,Syria,Aleppo,,,,,,,,,,0,,1462000000
                ,12 May 2016,2016,1,Political violence,Battles,Armed clash,SAA,,1,Free Syrian Army,,2,12,,760,Middle East,Syria,Aleppo,,,,,,,,,,0,,1462000000
                """.formatted(prefix);
    }

    static JsonPath runToEnd(String csv) {
        String location = As.monitor().contentType("text/csv").body(csv).post("/api/imports").then()
                .statusCode(202).body("status", equalTo("QUEUED")).body("total_rows", equalTo(4))
                .extract().header("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = As.auditor().get(location).then().statusCode(200).extract().jsonPath();
            if ("DONE".equals(job.getString("status"))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import did not finish: " + location);
    }

    @Test
    void each_row_is_judged_like_a_report_and_rejected_rows_come_back_with_their_errors() {
        String prefix = "SYR" + UUID.randomUUID().toString().substring(0, 8) + "-";
        JsonPath job = runToEnd(acledFile(prefix));
        assertEquals(4, job.getInt("rows_done"));
        assertEquals(2, job.getInt("accepted"));
        assertEquals(0, job.getInt("duplicates"));
        assertEquals(2, job.getInt("rejected"));
        assertEquals(java.util.List.of(3, 4), job.getList("rejected_rows.row"));
        assertEquals(prefix + "3", job.getString("rejected_rows[0].external_id"));
        assertEquals(java.util.List.of("sub_event_type"), job.getList("rejected_rows[0].errors.field"));
        assertEquals(java.util.List.of("external_id"), job.getList("rejected_rows[1].errors.field"));

        As.auditor().queryParam("from", "2016-05-12").queryParam("to", "2016-05-12").queryParam("submitted_by", As.MONITOR)
                .queryParam("size", 200).get("/api/incidents").then().statusCode(200)
                .body("items.external_id", hasItem(prefix + "1"))
                .body("items.find { it.external_id == '" + prefix + "1' }.verdict", equalTo("PROBABLE_VIOLATION"))
                .body("items.find { it.external_id == '" + prefix + "1' }.incident.civilian_targeting", equalTo(true))
                .body("items.find { it.external_id == '" + prefix + "1' }.incident.event_date", equalTo("2016-05-12"))
                .body("items.find { it.external_id == '" + prefix + "1' }.incident.source", equalTo("AFP; SOHR"))
                .body("items.find { it.external_id == '" + prefix + "2' }.verdict", equalTo("NOT_A_VIOLATION"));
    }

    @Test
    void running_the_same_file_again_adds_nothing() {
        String prefix = "SYR" + UUID.randomUUID().toString().substring(0, 8) + "-";
        runToEnd(acledFile(prefix));
        JsonPath again = runToEnd(acledFile(prefix));
        assertEquals(0, again.getInt("accepted"));
        assertEquals(2, again.getInt("duplicates"));
        assertEquals(2, again.getInt("rejected"));
        As.auditor().queryParam("from", "2016-05-12").queryParam("to", "2016-05-12").queryParam("size", 200)
                .get("/api/incidents").then()
                .body("items.findAll { it.external_id == '" + prefix + "1' }.size()", equalTo(1));
    }

    @Test
    void a_file_with_unknown_columns_or_no_id_column_is_refused_whole_and_nothing_is_queued() {
        int auditBefore = As.auditor().get("/api/audit").then().extract().path("total");
        As.monitor().contentType("text/csv").body("event_id_cnty,event_date,colour,actor1\nX1,2016-05-12,red,SAA\n")
                .post("/api/imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("colour"));
        As.monitor().contentType("text/csv").body("event_date,actor1\n2016-05-12,SAA\n")
                .post("/api/imports").then().statusCode(400).body("errors.field", contains("external_id"));
        As.monitor().contentType("text/csv").body("").post("/api/imports").then().statusCode(400)
                .body("errors.field", contains("(body)"));
        As.auditor().contentType("text/csv").body("external_id\nx\n").post("/api/imports").then().statusCode(403);
        As.auditor().get("/api/imports/" + UUID.randomUUID()).then().statusCode(404);
        As.auditor().get("/api/audit").then().body("total", equalTo(auditBefore));
    }

    @Test
    void imported_reports_are_submitted_in_the_uploaders_name() {
        String prefix = "SYR" + UUID.randomUUID().toString().substring(0, 8) + "-";
        runToEnd(acledFile(prefix));
        As.auditor().queryParam("submitted_by", As.MONITOR).queryParam("from", "2016-05-12")
                .queryParam("to", "2016-05-12").queryParam("size", 200).get("/api/incidents").then()
                .body("items.external_id", org.hamcrest.Matchers.hasItems(prefix + "1", prefix + "2"));
        As.auditor().queryParam("submitted_by", As.SECOND_MONITOR).queryParam("from", "2016-05-12")
                .queryParam("to", "2016-05-12").get("/api/incidents").then()
                .body("items.external_id", org.hamcrest.Matchers.not(hasItem(prefix + "1")));
    }
}
