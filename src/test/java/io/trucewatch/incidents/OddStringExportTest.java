package io.trucewatch.incidents;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trucewatch.access.As;
import io.trucewatch.web.WellFormedText;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever text is stored, every export completes: the CSV, the GeoJSON and the JSON list. The
 * strings are stored through the service itself, as the API stored them before it refused some
 * (an unpaired surrogate made the CSV export fail after its 200, truncating it for everyone).
 * Each export is parsed back: every row present, the last one complete, each string as written,
 * except that an unpaired surrogate reads U+FFFD and a formula-like CSV cell starts with an apostrophe.
 */
@QuarkusTest
class OddStringExportTest {

    /**
     * Text the API now refuses (an unpaired surrogate, NUL) but stored before it did: only an H2
     * database can hold it (PostgreSQL cannot store either in text, and its support began after the
     * refusal), so it is stored directly only there; on every database the API refuses it.
     */
    static final Map<String, String> LEGACY = new LinkedHashMap<>();
    /** Every kind of text that has broken exports somewhere: keyed by what it is. */
    static final Map<String, String> COMMON = new LinkedHashMap<>();

    static {
        LEGACY.put("lone high surrogate", "barrel \ud800 bomb");
        LEGACY.put("lone low surrogate", "\udc00");
        LEGACY.put("high surrogate at the end", "Al-Rai \ud83d");
        LEGACY.put("low before high", "x\ude00\ud83dy");
        LEGACY.put("NUL", "before\u0000after");
        COMMON.put("control characters", "bell\u0007 esc\u001b del\u007f");
        COMMON.put("CR LF", "line one\r\nline two\rline three\nend");
        COMMON.put("quotes", "the \"barrel\" bomb, 'they' said");
        COMMON.put("commas and semicolons", "a,b;c,,d");
        COMMON.put("formula =", "=HYPERLINK(\"http://example.org\",\"click\")");
        COMMON.put("formula +", "+1+2");
        COMMON.put("formula -", "-2+3");
        COMMON.put("formula @", "@SUM(A1:A9)");
        COMMON.put("already guarded", "'=not a formula");
        COMMON.put("right-to-left override", "\u202Egnp.exe\u202C and \u200F marks \u200E");
        COMMON.put("emoji", "😀 👍🏽 👨‍👩‍👧 🇸🇾");
        COMMON.put("Arabic", "حلب الشرقية");
        COMMON.put("Cyrillic", "Донецьк");
        COMMON.put("combining marks", "e\u0301 n\u0303 a\u030A\u0323");
        COMMON.put("byte-order mark inside", "x\uFEFFy");
        COMMON.put("backslashes", "C:\\temp\\x \\u0041 \\");
        COMMON.put("long", "long ".repeat(1500));
    }

    @Inject
    IncidentService incidents;

    private String submitter;
    private final Map<String, String> externalIds = new LinkedHashMap<>();
    /** What this run stores: the common strings, and the legacy ones where the database can hold them. */
    private final Map<String, String> odd = new LinkedHashMap<>();

    /** One report per odd string, in notes, location, admin2, source and its external_id. */
    @BeforeEach
    void storeEveryOddString() {
        submitter = "odd-strings-" + UUID.randomUUID();
        if ("h2".equals(ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class))) {
            odd.putAll(LEGACY);
        }
        odd.putAll(COMMON);
        int i = 0;
        for (Map.Entry<String, String> text : odd.entrySet()) {
            String value = text.getValue();
            String externalId = "odd-" + (i++) + "-" + UUID.randomUUID().toString().substring(0, 8) + "-"
                    + value.substring(0, Math.min(value.length(), 40));
            externalIds.put(text.getKey(), externalId);
            IncidentReport report = new IncidentReport(externalId, LocalDate.of(2016, 8, 29), null, 1, "Protests",
                    "Peaceful protest", "Protesters (Syria)", null, null, null, false, null, "Syria", "Aleppo", value,
                    value, value, null, null, null, 0, value, "Other", value);
            assertTrue(incidents.submit(report, submitter).created(), text.getKey());
        }
    }

    /** What a string reads as after export: unpaired surrogates replaced, nothing else changed. */
    private static String expected(String stored) {
        return WellFormedText.of(stored);
    }

    private static String utf8Strictly(byte[] body) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    }

    private Response export(String mediaType) {
        return As.auditor().accept(mediaType).queryParam("submitted_by", submitter).queryParam("size", 200)
                .get("/api/incidents");
    }

    @Test
    void the_csv_export_completes_with_every_row_whole_and_every_string_safe() throws Exception {
        Response response = export("text/csv");
        response.then().statusCode(200).contentType("text/csv");
        String csv = utf8Strictly(response.asByteArray());
        List<Map<String, String>> rows = ExportTest.parse(csv);
        assertEquals(odd.size(), rows.size(), "every row present:\n" + csv);
        for (Map<String, String> row : rows) {
            assertTrue(row.get("ruleset_version").startsWith("sha256:"), "the row is complete: " + row);
        }
        for (Map.Entry<String, String> text : odd.entrySet()) {
            String externalId = CsvCells.exported(externalIds.get(text.getKey()));
            Map<String, String> row = rows.stream().filter(r -> r.get("external_id").equals(expected(externalId)))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + text.getKey() + ":\n" + csv));
            String cell = row.get("notes");
            assertEquals(CsvCells.exported(text.getValue()), cell, text.getKey());
            assertEquals(expected(text.getValue()), CsvCells.imported(cell), text.getKey() + " reads back as stored");
            assertTrue(!cell.matches("(?s)^[=+\\-@\\t\\r].*"), text.getKey() + " is no formula: " + cell);
            assertEquals(cell, row.get("location"), text.getKey());
            assertEquals(cell, row.get("source"), text.getKey());
        }
    }

    @Test
    void the_geojson_export_completes_as_valid_utf8_with_every_feature_and_string() throws Exception {
        Response response = export("application/geo+json");
        response.then().statusCode(200).contentType("application/geo+json");
        JsonNode collection = new ObjectMapper().readTree(utf8Strictly(response.asByteArray()));
        JsonNode features = collection.get("features");
        assertEquals(odd.size(), features.size());
        for (Map.Entry<String, String> text : odd.entrySet()) {
            String externalId = expected(externalIds.get(text.getKey()));
            JsonNode feature = null;
            for (JsonNode candidate : features) {
                if (externalId.equals(candidate.at("/properties/external_id").asText())) {
                    feature = candidate;
                }
            }
            assertTrue(feature != null, "a feature for " + text.getKey());
            assertEquals(expected(text.getValue()), feature.at("/properties/notes").asText(), text.getKey());
            assertEquals(expected(text.getValue()), feature.at("/properties/admin2").asText(), text.getKey());
            assertTrue(feature.at("/properties/ruleset_version").asText().startsWith("sha256:"));
        }
    }

    @Test
    void the_json_list_and_each_report_are_valid_utf8_with_every_string() throws Exception {
        Response list = export("application/json");
        list.then().statusCode(200);
        JsonNode page = new ObjectMapper().readTree(utf8Strictly(list.asByteArray()));
        assertEquals(odd.size(), page.get("total").asInt());
        for (JsonNode item : page.get("items")) {
            JsonNode incident = item.get("incident");
            String notes = incident.get("notes").asText();
            assertTrue(odd.values().stream().anyMatch(text -> expected(text).equals(notes)), notes);
            assertSame(item, WellFormedText.of(item), "no unpaired surrogate anywhere in " + item.get("id"));
            Response one = As.auditor().get("/api/incidents/" + item.get("id").asText());
            one.then().statusCode(200);
            assertEquals(notes, new ObjectMapper().readTree(utf8Strictly(one.asByteArray())).at("/incident/notes").asText());
        }
    }

    @Test
    void the_api_refuses_what_only_legacy_rows_hold_naming_the_field() {
        for (Map.Entry<String, String> legacy : LEGACY.entrySet()) {
            String body = "{\"event_date\":\"2016-08-29\",\"event_type\":\"Protests\","
                    + "\"sub_event_type\":\"Peaceful protest\",\"actor1\":\"Protesters (Syria)\","
                    + "\"country\":\"Syria\",\"admin1\":\"Aleppo\",\"location\":\"Aleppo\",\"notes\":\""
                    + jsonEscaped(legacy.getValue()) + "\"}";
            As.monitor().contentType("application/json").body(body).post("/api/incidents").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("notes"));
        }
        String accepted = "{\"event_date\":\"2016-08-29\",\"event_type\":\"Protests\","
                + "\"sub_event_type\":\"Peaceful protest\",\"actor1\":\"Protesters (Syria)\","
                + "\"country\":\"Syria\",\"admin1\":\"Aleppo\",\"location\":\"Aleppo\",\"notes\":\""
                + jsonEscaped(COMMON.get("control characters")) + "\"}";
        As.monitor().contentType("application/json").body(accepted).post("/api/incidents").then().statusCode(201);
    }

    /** Every char outside printable ASCII as a JSON \\u escape, so that the body carries it exactly. */
    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
