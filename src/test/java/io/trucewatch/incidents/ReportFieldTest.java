package io.trucewatch.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.trucewatch.audit.CanonicalJson;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ReportField is the one list of the report's fields: a report with every field filled in, read
 * by the parser and written as it is stored, has exactly those names, and reads back the same.
 */
class ReportFieldTest {

    private static final String EVERY_FIELD = """
            {"external_id":"rf-1","event_date":"2016-04-10","occurred_at":"2016-04-10T08:30:00+03:00",
             "time_precision":1,"event_type":"Explosions/Remote violence","sub_event_type":"Air/drone strike",
             "actor1":"SAA","assoc_actor_1":"NDF","actor2":"Civilians (Syria)","assoc_actor_2":"Free Syrian Army",
             "civilian_targeting":true,"weapon":"barrel bomb","country":"Syria","admin1":"Aleppo",
             "admin2":"Jebel Saman","admin3":"Aleppo","location":"Al-Haidariyah","latitude":36.228,
             "longitude":37.183,"geo_precision":1,"fatalities":12,"source":"SOHR","source_scale":"National",
             "notes":"market hit"}""";

    @Test
    void a_report_with_every_field_is_stored_under_exactly_the_listed_names_and_reads_back_the_same() {
        IncidentReport report = ReportParser.parse(EVERY_FIELD);
        JsonNode stored = CanonicalJson.tree(report);
        Set<String> written = new TreeSet<>();
        stored.fieldNames().forEachRemaining(written::add);
        Set<String> listed = Arrays.stream(ReportField.values()).map(ReportField::wireName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(listed, written);
        assertEquals(report, ReportParser.parse(CanonicalJson.write(report)));
    }
}
