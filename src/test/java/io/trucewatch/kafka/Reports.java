package io.trucewatch.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import io.trucewatch.incidents.Incident;
import io.trucewatch.incidents.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Valid reports (Palmyra, 2016), as request bodies and as Kafka record values. */
final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {
    }

    /** Valid; {@code fatalities} makes versions of one report differ. */
    static Map<String, Object> report(String externalId, int fatalities) {
        return Json.of("external_id", externalId, "event_date", "2016-03-20",
                "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
                "actor1", "Russian warplanes", "actor2", "Civilians (Syria)", "country", "Syria",
                "admin1", "Homs", "location", "Palmyra", "latitude", 34.5505, "longitude", 38.2684,
                "fatalities", fatalities);
    }

    static byte[] bytes(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** POST /api/incidents as the monitor; the new incident's id. */
    static String submit(Map<String, Object> body) {
        return As.monitor().contentType(ContentType.JSON).body(body).post("/api/incidents").then()
                .statusCode(201).extract().path("id");
    }

    /** A new version of the monitor's report. */
    static void correct(String id, Map<String, Object> body) {
        As.monitor().contentType(ContentType.JSON).body(body).post("/api/incidents/" + id + "/versions").then()
                .statusCode(201);
    }

    static long storedWith(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.count("externalId", externalId));
    }

    static Incident stored(String externalId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Incident.<Incident>find("externalId", externalId).firstResult());
    }
}
