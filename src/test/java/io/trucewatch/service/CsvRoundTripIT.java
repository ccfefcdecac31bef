package io.trucewatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.access.As;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV export re-imports: reports posted to one service, exported, imported into a second
 * service with a fresh database, and exported again give the same file, verdicts included.
 */
class CsvRoundTripIT {

    private static final List<String> REPORTS = List.of("""
            {"external_id":"rt-1","event_date":"2016-04-10","time_precision":1,"event_type":"Explosions/Remote violence",
             "sub_event_type":"Air/drone strike","actor1":"Military Forces of Syria (2000-)","actor2":"Civilians (Syria)",
             "civilian_targeting":true,"weapon":"barrel bomb","country":"Syria","admin1":"Aleppo","admin2":"Jebel Saman",
             "location":"Al-Haidariyah","latitude":36.228,"longitude":37.183,"geo_precision":1,"fatalities":12,
             "source":"AFP; SOHR","source_scale":"International","notes":"Market hit, \\"two barrels\\";\\nrescuers say 12 dead"}""",
            """
            {"external_id":"rt-2","occurred_at":"2016-04-11T06:30:00+03:00","event_type":"Battles",
             "sub_event_type":"Non-state actor overtakes territory","actor1":"Jabhat al-Nusra",
             "assoc_actor_1":"Free Syrian Army; Ahrar al-Sham","actor2":"Military Forces of Syria (2000-)",
             "country":"Syria","admin1":"Lattakia","location":"Tal al-Eis","civilian_targeting":false}""",
            """
            {"external_id":"rt-3","event_date":"2016-04-11","event_type":"Battles",
             "sub_event_type":"Non-state actor overtakes territory","actor1":"Islamic State","actor2":"Free Syrian Army",
             "country":"Syria","admin1":"Aleppo","location":"Al-Rai","fatalities":0}""",
            """
            {"external_id":"rt-4","event_date":"2016-02-20","event_type":"Explosions/Remote violence",
             "sub_event_type":"Shelling/artillery/missile attack","actor1":"Military Forces of Turkey","actor2":"Islamic State",
             "weapon":"artillery","country":"Syria","admin1":"Aleppo","location":"Dabiq"}""");

    private static final Pattern JOB_STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");

    @TempDir
    Path work;

    @Test
    void an_export_imported_into_a_fresh_database_gives_the_same_reports_and_verdicts() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Path first = Files.createDirectories(work.resolve("first"));
        Path second = Files.createDirectories(work.resolve("second"));
        int firstPort = PackagedService.freePort();
        Process a = PackagedService.start(first, firstPort, Path.of("rules"), Path.of("config"));
        String exported;
        try {
            PackagedService.awaitReady(http, firstPort);
            for (String report : REPORTS) {
                HttpResponse<String> created = http.send(request(firstPort, "/api/incidents", As.MONITOR)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(report)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, created.statusCode(), created.body());
            }
            exported = exportCsv(http, firstPort);
        } finally {
            a.destroy();
            a.waitFor();
        }
        assertEquals(REPORTS.size() + 1, exported.lines().count() - 1 /* the notes' newline */, exported);

        int secondPort = PackagedService.freePort();
        Process b = PackagedService.start(second, secondPort, Path.of("rules"), Path.of("config"));
        try {
            PackagedService.awaitReady(http, secondPort);
            HttpResponse<String> accepted = http.send(request(secondPort, "/api/imports", As.MONITOR)
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(exported)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, accepted.statusCode(), accepted.body());
            String job = awaitDone(http, secondPort, accepted.headers().firstValue("Location").orElseThrow());
            assertTrue(job.contains("\"accepted\":4") && job.contains("\"rejected\":0"), job);
            assertEquals(exported, exportCsv(http, secondPort));
        } finally {
            b.destroy();
            b.waitFor();
        }
    }

    private static String exportCsv(HttpClient http, int port) throws Exception {
        HttpResponse<String> csv = http.send(request(port, "/api/incidents", As.AUDITOR).header("Accept", "text/csv")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode(), csv.body());
        return csv.body();
    }

    private static String awaitDone(HttpClient http, int port, String location) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            String job = http.send(HttpRequest.newBuilder(URI.create(location))
                    .header("Authorization", As.basicHeader(As.AUDITOR)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher status = JOB_STATUS.matcher(job);
            if (status.find() && status.group(1).equals("DONE")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import did not finish");
    }

    private static HttpRequest.Builder request(int port, String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", As.basicHeader(user)).timeout(Duration.ofSeconds(30));
    }
}
