package io.trucewatch.incidents;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.trucewatch.access.As;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases of the seed article (Middle East Eye, 11 Apr 2016) end to end over HTTP: submitted as
 * a monitor would, judged by the real rules, stored, and read back.
 */
@QuarkusTest
class SeedArticleTest {

    static ValidatableResponse submit(Map<String, Object> report) {
        return As.monitor().contentType(ContentType.JSON).body(report).when().post("/api/incidents").then();
    }

    @Test
    void governmentBarrelBombsOnRebelHeldAleppoAreAProbableViolationByTheGovernment() {
        String id = submit(Json.of(
                "event_date", "2016-04-10", "time_precision", 1,
                "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
                "actor1", "Military Forces of Syria (2000-)", "actor2", "Civilians (Syria)",
                "civilian_targeting", true, "weapon", "barrel bomb",
                "country", "Syria", "admin1", "Aleppo", "location", "Al-Haidariyah",
                "latitude", 36.228, "longitude", 37.183, "source", "AFP; SOHR"))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/incidents/[0-9a-f-]{36}$"))
                .body("verdict", equalTo("PROBABLE_VIOLATION"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.truce", equalTo("syria-coh-2016"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.violating_parties", contains("Government of Syria"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", hasItem("indiscriminate-weapon-on-civilians"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.clause", hasItem("2"))
                .body("ruleset_version", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("review_status", equalTo("PENDING"))
                .body("incident.resolved_actors[0].actor_id", equalTo("syrian-government-forces"))
                .extract().path("id");

        As.monitor().when().get("/api/incidents/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("verdict", equalTo("PROBABLE_VIOLATION"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.violating_parties", contains("Government of Syria"))
                .body("incident.weapon", equalTo("barrel bomb"));
    }

    @Test
    void nusraAndAlliedRebelsSeizingALatakiaHilltopNeedsReview() {
        submit(Json.of("event_date", "2016-04-11", "event_type", "Battles",
                "sub_event_type", "Non-state actor overtakes territory",
                "actor1", "Jabhat al-Nusra", "assoc_actor_1", "Free Syrian Army; Ahrar al-Sham",
                "actor2", "Military Forces of Syria (2000-)", "country", "Syria", "admin1", "Lattakia"))
                .statusCode(201)
                .body("verdict", equalTo("NEEDS_REVIEW"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.violating_parties", empty())
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", hasItem("party-fighting-beside-excluded-group"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", hasItem("act-by-excluded-group"))
                .body("incident.assoc_actor_1", equalTo("Free Syrian Army; Ahrar al-Sham"));
    }

    @Test
    void islamicStateRetakingAlRaiFromRebelsIsNotAViolation() {
        submit(Json.of("event_date", "2016-04-11", "event_type", "Battles",
                "sub_event_type", "Non-state actor overtakes territory", "actor1", "Islamic State (Syria)",
                "actor2", "Opposition Rebels (Syria)", "country", "Syria", "admin1", "Aleppo", "location", "Al-Rai",
                "latitude", 36.612, "longitude", 37.447))
                .statusCode(201)
                .body("verdict", equalTo("NOT_A_VIOLATION"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", contains("act-by-excluded-group"));
    }

    @Test
    void rebelsTakingAlRaiFromIslamicStateIsNotAViolation() {
        submit(Json.of("event_date", "2016-04-07", "event_type", "Battles",
                "sub_event_type", "Non-state actor overtakes territory", "actor1", "Free Syrian Army",
                "actor2", "ISIS", "country", "Syria", "admin1", "Aleppo", "location", "Al-Rai"))
                .statusCode(201)
                .body("verdict", equalTo("NOT_A_VIOLATION"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", hasItem("action-against-excluded-group"));
    }

    @Test
    void turkishArtilleryFromKilisShellingIslamicStateIsNotAViolation() {
        submit(Json.of("event_date", "2016-04-11", "event_type", "Explosions/Remote violence",
                "sub_event_type", "Shelling/artillery/missile attack", "actor1", "Military Forces of Turkey (2002-2016)",
                "actor2", "Islamic State (Syria)", "weapon", "howitzer", "country", "Syria", "admin1", "Aleppo",
                "location", "Al-Rai", "notes", "Howitzers positioned in Kilis fired across the border on IS positions (NTV)"))
                .statusCode(201)
                .body("verdict", equalTo("NOT_A_VIOLATION"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", hasItem("action-against-excluded-group"));
    }

    @Test
    void clashesAroundAleppoBetweenProGovernmentForcesAndNusraWithRebelsNeedReview() {
        submit(Json.of("event_date", "2016-04-10", "event_type", "Battles", "sub_event_type", "Armed clash",
                "actor1", "pro-government forces", "actor2", "Al-Nusra Front", "assoc_actor_2", "allied rebel groups",
                "country", "Syria", "admin1", "Aleppo", "fatalities", 35))
                .statusCode(201)
                .body("verdict", equalTo("NEEDS_REVIEW"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", hasItem("armed-clash-initiator-unknown"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", hasItem("party-fighting-beside-excluded-group"));
    }

    @Test
    void aRussianAirStrikeOnANusraOnlyPositionIsNotAViolation() {
        submit(Json.of("event_date", "2016-04-12", "event_type", "Explosions/Remote violence",
                "sub_event_type", "Air/drone strike", "actor1", "Russian Aerospace Forces", "actor2", "Nusra Front",
                "weapon", "air strike", "country", "Syria", "admin1", "Latakia"))
                .statusCode(201)
                .body("verdict", equalTo("NOT_A_VIOLATION"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", contains("exempt-action-against-excluded-group"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings[0].clause", equalTo("exemption"));
    }

    @Test
    void timeZoneEdgesAreDamascusTime() {
        Map<String, Object> strike = Json.of("event_type", "Explosions/Remote violence",
                "sub_event_type", "Air/drone strike", "actor1", "SAA", "actor2", "Civilians (Syria)",
                "civilian_targeting", true, "weapon", "barrel bomb", "country", "Syria", "admin1", "Aleppo",
                "location", "Al-Haidariyah");
        submit(Json.with(strike, "occurred_at", "2016-02-26T22:30:00Z")).statusCode(201)
                .body("verdict", equalTo("PROBABLE_VIOLATION"));
        submit(Json.with(strike, "occurred_at", "2016-02-26T21:30:00Z")).statusCode(201)
                .body("verdict", equalTo("OUT_OF_SCOPE"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", contains("before-truce-took-effect"));
        submit(Json.with(strike, "event_date", "2016-02-26")).statusCode(201)
                .body("verdict", equalTo("OUT_OF_SCOPE"));
        submit(Json.with(strike, "event_date", "2016-02-27")).statusCode(201)
                .body("verdict", equalTo("PROBABLE_VIOLATION"));
        submit(Json.with(strike, "occurred_at", "2016-02-27T01:30:00+03:00")).statusCode(201)
                .body("verdict", equalTo("PROBABLE_VIOLATION"))
                .body("incident.occurred_at", startsWith("2016-02-26T22:30:00"));
    }
}
