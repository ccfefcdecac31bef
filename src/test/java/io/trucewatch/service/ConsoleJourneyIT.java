package io.trucewatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trucewatch.access.As;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's Chromium, headless, driven by chromedriver; installed by
 * .ci/run) against the packaged service, as its users work in it. Every page visited is checked to
 * have loaded nothing from anywhere but the service. A failed journey leaves a screenshot under
 * target/console-screenshots/.
 */
class ConsoleJourneyIT {

    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    /** A user who both monitors and audits, to meet the four-eyes rule (the hash of "duo-dev-password"). */
    static final String DUO_HASH = "pbkdf2-sha256$600000$8lhVLqVYlFZp/OJxDH2Gsg$xC5oDemFoWQaJo6R5pOlXJAv3qYnjONyn4yCE4VQbOM";

    static Path work;
    static Process service;
    static int port;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    /** Where this journey's browser saves downloads. */
    Path downloads;

    WebDriver browser;
    WebDriverWait wait;
    String testName;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                try {
                    Files.createDirectories(SCREENSHOTS);
                    String name = context.getDisplayName().replaceAll("\\W+", "_");
                    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
                    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
                    Files.writeString(SCREENSHOTS.resolve(name + ".txt"), browser.getCurrentUrl() + "\n"
                            + String.join("\n", browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                                    .map(Object::toString).toList()));
                } catch (IOException | RuntimeException e) {
                    // the failure itself is what matters
                }
            }
            quit();
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            quit();
        }
    };

    @BeforeAll
    static void startService() throws Exception {
        if (Files.isDirectory(SCREENSHOTS)) {
            try (var old = Files.list(SCREENSHOTS)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        work = Files.createTempDirectory("trucewatch-console");
        port = PackagedService.freePort();
        service = PackagedService.start(work, port, Path.of("rules"), Path.of("config"), List.of(
                "-Dtrucewatch.auth.users.duo.roles=monitor,auditor",
                "-Dtrucewatch.auth.users.duo.password-hash=" + DUO_HASH,
                "-Dtrucewatch.rules.watch=false"));
        PackagedService.awaitReady(http, port);
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
    }

    @BeforeEach
    void openBrowser(TestInfo info) throws IOException {
        testName = info.getDisplayName();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        downloads = Files.createTempDirectory(work, "downloads");
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium"));
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /**
     * Waits until the page has rendered every card: the console fills a page in as its requests
     * answer (the audit card, with the chain's verification, comes last) and marks it aria-busy
     * until then.
     */
    private void pageRendered() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#page:not([aria-busy])")));
    }

    private void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    // --- journeys ---------------------------------------------------------------------------

    @Test
    void an_auditor_filters_the_queue_opens_a_barrel_bomb_report_and_confirms_it() throws Exception {
        String id = submit(As.MONITOR, """
                {"external_id":"console-barrel-1","event_date":"2016-04-11","event_type":"Explosions/Remote violence",
                 "sub_event_type":"Air/drone strike","actor1":"Military Forces of Syria (2000-)","actor2":"Civilians (Syria)",
                 "civilian_targeting":true,"weapon":"barrel bomb","country":"Syria","admin1":"Aleppo","admin2":"Jebel Saman",
                 "location":"Masaken Hanano","latitude":36.222,"longitude":37.186,"fatalities":4,"notes":"Barrel bombs on a market"}""");
        submit(As.MONITOR, """
                {"external_id":"console-other-1","event_date":"2016-04-12","event_type":"Explosions/Remote violence",
                 "sub_event_type":"Shelling/artillery/missile attack","actor1":"Military Forces of Syria (2000-)",
                 "actor2":"Civilians (Syria)","civilian_targeting":true,"country":"Syria","admin1":"Idleb","location":"Saraqib"}""");
        signIn(As.AUDITOR);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-count")));
        pageRendered();
        int before = count(browser.findElement(By.id("queue-count")).getText());

        browser.findElement(By.id("f-admin1")).sendKeys("Aleppo");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("admin1=Aleppo"));
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-id='" + id + "']")));
        assertTrue(browser.findElements(By.cssSelector("#queue-table tbody tr")).stream()
                .allMatch(r -> r.getText().contains("Aleppo")), "the filter keeps Aleppo only");
        pageShot("queue");
        assertAccessible("the review queue");
        row.findElement(By.tagName("a")).click();

        WebElement finding = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".truce[data-truce='syria-coh-2016'] .finding.finding-PROBABLE_VIOLATION")));
        assertTrue(finding.getText().contains("clause"), finding.getText());
        assertTrue(!finding.findElement(By.cssSelector("blockquote.clause")).getText().isBlank(), "the clause's text is shown");
        pageRendered();
        assertTrue(browser.findElement(By.id("chain-mark")).getText().contains("intact"), "the chain is verified");
        pageShot("incident");
        assertAccessible("the report page");

        new Select(browser.findElement(By.id("decision"))).selectByValue("CONFIRMED");
        browser.findElement(By.id("reason")).sendKeys("Barrel bombs on a residential market: confirmed by two sources");
        browser.findElement(By.cssSelector("#decide button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reviews"), "audrey"));

        browser.get(base() + "/#/queue");
        WebElement after = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-count")));
        assertEquals(before - 1, count(after.getText()), "the queue shrank by the decided report");
        assertOnlyTheServiceWasReached();
    }

    @Test
    void the_submitter_is_refused_the_review_with_the_four_eyes_explanation() throws Exception {
        String id = submit("duo", """
                {"external_id":"console-duo-1","event_date":"2016-04-11","event_type":"Explosions/Remote violence",
                 "sub_event_type":"Air/drone strike","actor1":"Military Forces of Syria (2000-)","actor2":"Civilians (Syria)",
                 "civilian_targeting":true,"weapon":"barrel bomb","country":"Syria","admin1":"Aleppo","location":"Al-Shaar"}""");
        signIn("duo");
        browser.get(base() + "/#/incident/" + id);
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("four-eyes")));
        assertTrue(note.getText().contains("four eyes"), note.getText());
        browser.findElement(By.id("reason")).sendKeys("I would like to confirm my own report");
        browser.findElement(By.cssSelector("#decide button[type=submit]")).click();
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#decision-result .alert")));
        assertTrue(refusal.getText().toLowerCase().contains("four"), "the service's refusal explains four eyes: " + refusal.getText());
        assertOnlyTheServiceWasReached();
    }

    @Test
    void a_monitor_does_not_see_the_auditors_controls() throws Exception {
        String id = submit(As.MONITOR, """
                {"external_id":"console-mona-1","event_date":"2016-04-11","event_type":"Battles",
                 "sub_event_type":"Armed clash","actor1":"Military Forces of Syria (2000-)","actor2":"Jaysh al-Islam",
                 "country":"Syria","admin1":"Rif Dimashq","location":"Douma"}""");
        signIn(As.MONITOR);
        browser.get(base() + "/#/incident/" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdicts-h")));
        pageRendered(); // so that the form's absence is not merely its not having rendered yet
        assertTrue(browser.findElements(By.id("decide")).isEmpty(), "no decision form for a monitor");
        assertTrue(browser.findElements(By.cssSelector("nav a[href='#/queue']")).isEmpty(), "no queue in a monitor's navigation");
        browser.findElement(By.cssSelector(".who button")).click();
        wait.until(ExpectedConditions.urlContains("/login.html"));
        browser.get(base() + "/#/mine");
        wait.until(ExpectedConditions.urlContains("/login.html"));
        assertOnlyTheServiceWasReached();
    }

    @Test
    void the_root_answers_the_console_as_html_and_a_stranger_is_sent_to_sign_in() throws Exception {
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, root.statusCode());
        assertTrue(root.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), root.headers().toString());
        browser.get(base() + "/");
        wait.until(ExpectedConditions.urlContains("/login.html"));
        browser.findElement(By.id("j_username")).sendKeys(As.AUDITOR);
        browser.findElement(By.id("j_password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertAccessible("the sign-in page");
        assertOnlyTheServiceWasReached();
    }


    @Test
    void a_monitor_submits_a_report_with_two_bad_fields_and_sees_both_errors_beside_them() throws Exception {
        signIn(As.MONITOR);
        browser.get(base() + "/#/submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-external_id"))).sendKeys("console-bad-1");
        new Select(browser.findElement(By.id("submit-event_type"))).selectByValue("Explosions/Remote violence");
        new Select(browser.findElement(By.id("submit-sub_event_type"))).selectByValue("Air/drone strike");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('submit-event_date').value = '2016-04-11'");
        browser.findElement(By.id("submit-actor1")).sendKeys("Military Forces of Syria (2000-)");
        browser.findElement(By.id("submit-country")).sendKeys("Syria");
        browser.findElement(By.id("submit-admin1")).sendKeys("Aleppo");
        browser.findElement(By.id("submit-latitude")).sendKeys("236.2");
        browser.findElement(By.id("submit-longitude")).sendKeys("37.1");
        browser.findElement(By.id("submit-fatalities")).sendKeys("-3");
        browser.findElement(By.cssSelector("form.submit-form button[type=submit]")).click();
        WebElement latitude = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-latitude-error")));
        WebElement fatalities = browser.findElement(By.id("submit-fatalities-error"));
        assertTrue(!latitude.getText().isBlank() && fatalities.isDisplayed() && !fatalities.getText().isBlank(),
                "both errors beside their fields: " + latitude.getText() + " / " + fatalities.getText());
        assertEquals("true", browser.findElement(By.id("submit-latitude")).getAttribute("aria-invalid"));
        assertAccessible("the report form with its errors");
        assertTrue(browser.findElement(By.id("submit-summary")).getText().contains("latitude")
                || browser.findElement(By.id("submit-summary")).getText().toLowerCase().contains("latitude"),
                "the summary names the field");
        assertOnlyTheServiceWasReached();
    }

    @Test
    void a_monitor_imports_a_csv_and_sees_the_progress_and_the_rejected_row() throws Exception {
        Path csv = work.resolve("console-import.csv");
        Files.writeString(csv, """
                event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,civilian_targeting,country,admin1,location,latitude,longitude,fatalities
                CIMP1,12 May 2016,Explosions/Remote violence,Air/drone strike,Military Forces of Syria (2000-),Civilians (Syria),Civilian targeting,Syria,Aleppo,Al-Haidariyah,36.228,37.183,12
                CIMP2,12 May 2016,Battles,Armed clash,Military Forces of Syria (2000-),Free Syrian Army,,Syria,Hama,Kafr Zita,,,3
                CIMP3,12 May 2016,Battles,Air/drone strike,Military Forces of Syria (2000-),Civilians (Syria),,Syria,Aleppo,,,,0
                """);
        signIn(As.MONITOR);
        browser.get(base() + "/#/import");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-file"))).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        WebElement progress = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("progress")));
        wait.until(driver -> {
            WebElement bar = driver.findElement(By.cssSelector("progress"));
            return bar.getAttribute("max") != null && bar.getAttribute("value") != null
                    && bar.getAttribute("max").equals(bar.getAttribute("value"));
        });
        assertEquals("3", progress.getAttribute("max"), "three rows in the file");
        WebElement rejected = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-rejected-table")));
        assertTrue(rejected.getText().contains("CIMP3"), "the rejected row is named: " + rejected.getText());
        assertTrue(rejected.getText().contains("sub_event_type"), "with its field: " + rejected.getText());
        assertAccessible("the import page");
        assertOnlyTheServiceWasReached();
    }

    @Test
    void the_map_shows_the_reports_of_a_day_as_points() throws Exception {
        submit(As.MONITOR, """
                {"external_id":"console-map-1","event_date":"2016-04-13","event_type":"Explosions/Remote violence",
                 "sub_event_type":"Air/drone strike","actor1":"Military Forces of Syria (2000-)","actor2":"Civilians (Syria)",
                 "civilian_targeting":true,"country":"Syria","admin1":"Aleppo","location":"Al-Sakhour",
                 "latitude":36.215,"longitude":37.19}""");
        signIn(As.AUDITOR);
        browser.get(base() + "/#/map?truce=syria-coh-2016&day=2016-04-13");
        WebElement point = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg a.map-incident")));
        pageRendered();
        assertTrue(point.getAttribute("href") != null || point.getAttribute("xlink:href") != null, "a point links to its report");
        assertTrue(!browser.findElements(By.cssSelector("svg .map-points *")).isEmpty(), "the settlements of that day are drawn");
        assertTrue(browser.findElement(By.id("map-incidents")).getText().contains("Al-Sakhour"), "and listed beneath");
        pageShot("map");
        assertAccessible("the map");
        assertOnlyTheServiceWasReached();
    }

    @Test
    void an_admin_validates_a_broken_rule_file_and_sees_its_file_and_line() throws Exception {
        String attacks = Files.readString(Path.of("rules/syria-cessation/attacks.drl"));
        String broken = attacks.replaceFirst("HostileAct\\(\\)", "HostileAct( ,");
        int line = 1 + (int) broken.substring(0, broken.indexOf("HostileAct( ,")).chars().filter(c -> c == '\n').count();
        Path file = work.resolve("attacks.drl");
        Files.writeString(file, broken);
        signIn(As.ADMIN);
        browser.get(base() + "/#/rules");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rules-files-input"))).sendKeys(file.toAbsolutePath().toString());
        WebElement path = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rules-path-0")));
        wait.until(driver -> !path.getAttribute("value").isEmpty() || true);
        if (path.getAttribute("value").isEmpty()) {
            path.sendKeys("rules/syria-cessation/attacks.drl");
        }
        browser.findElement(By.cssSelector("#rules-candidate button[type=submit]")).click();
        WebElement errors = new WebDriverWait(browser, Duration.ofSeconds(90)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.rules-errors")));
        assertTrue(errors.getText().contains("rules/syria-cessation/attacks.drl"), errors.getText());
        assertTrue(errors.getText().contains(String.valueOf(line)), "line " + line + " named: " + errors.getText());
        assertAccessible("the rules page");
        assertOnlyTheServiceWasReached();
    }

    @Test
    void a_monitor_corrects_the_date_of_a_report_and_sees_the_new_verdict_and_what_changed() throws Exception {
        // Dated the day before the cessation: outside it. The monitor corrects the date in the
        // console; the report is judged again under the truce.
        String id = submit(As.MONITOR, barrelBomb("console-correct-1", "2016-02-20", "Masaken Hanano", 36.222, 37.186));
        signIn(As.MONITOR);
        browser.get(base() + "/#/incident/" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".truce[data-truce='syria-coh-2016'] .finding.finding-OUT_OF_SCOPE")));
        pageRendered();
        browser.findElement(By.cssSelector("a[href='#/correct/" + id + "']")).click();

        WebElement date = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-event_date")));
        assertEquals("2016-02-20", date.getAttribute("value"), "the form holds the stored report");
        assertEquals("true", browser.findElement(By.id("submit-external_id")).getDomProperty("readOnly"),
                "the report's own id cannot be changed");
        // A date input takes typed digits in the browser's locale order; its value is what is sent.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2016-04-14'", date);
        assertAccessible("the correction form");
        browser.findElement(By.cssSelector("form.submit-form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("#/incident/" + id));
        WebElement finding = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".truce[data-truce='syria-coh-2016'] .finding.finding-PROBABLE_VIOLATION")));
        assertTrue(finding.getText().contains("clause"), finding.getText());
        pageRendered();
        assertEquals(2, new Select(browser.findElement(By.id("version"))).getOptions().size(), "two versions to choose from");
        List<WebElement> changed = browser.findElements(By.cssSelector("dl.fields dd.changed"));
        assertEquals(1, changed.size(), "one field changed from version 1");
        assertEquals("2016-04-14", changed.get(0).getText());
        assertTrue(changed.get(0).getAttribute("title").contains("2016-02-20"), "the earlier value is given: " + changed.get(0).getAttribute("title"));
        pageShot("correction");
        assertOnlyTheServiceWasReached();
    }

    @Test
    void an_auditor_charts_a_day_the_counts_match_the_verdicts_given_and_the_exports_download() throws Exception {
        // A day no other journey writes on, so the chart holds these reports alone.
        List<String> reports = List.of(barrelBomb("console-chart-1", "2016-04-21", "Masaken Hanano", 36.222, 37.186),
                barrelBomb("console-chart-2", "2016-04-21", "Al-Sakhour", 36.215, 37.19), """
                {"external_id":"console-chart-3","event_date":"2016-04-21","event_type":"Explosions/Remote violence",
                 "sub_event_type":"Shelling/artillery/missile attack","actor1":"Military Forces of Syria (2000-)",
                 "actor2":"Civilians (Syria)","civilian_targeting":true,"country":"Syria","admin1":"Idleb","location":"Saraqib"}""");
        // admin1 -> [reports, probable violations], as the page's table by governorate counts them
        java.util.Map<String, List<Integer>> expected = new java.util.TreeMap<>();
        for (String report : reports) {
            JsonNode stored = JSON.readTree(submitted(As.MONITOR, report));
            String verdict = truceVerdict(stored, "syria-coh-2016");
            if (!"OUT_OF_SCOPE".equals(verdict)) {
                expected.merge(stored.path("incident").path("admin1").asText(),
                        List.of(1, "PROBABLE_VIOLATION".equals(verdict) ? 1 : 0),
                        (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
            }
        }
        assertTrue(!expected.isEmpty(), "the reports are inside the cessation");
        signIn(As.AUDITOR);
        browser.get(base() + "/#/charts?truce=syria-coh-2016&from=2016-04-21&to=2016-04-21");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#charts-verdicts-svg rect.charts-bar")));
        pageRendered();
        java.util.Map<String, List<Integer>> shown = new java.util.TreeMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#charts-admin1 tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            shown.put(row.findElement(By.tagName("th")).getText(),
                    List.of(Integer.parseInt(cells.get(0).getText()), Integer.parseInt(cells.get(1).getText())));
        }
        assertEquals(expected, shown, "per governorate: reports and probable violations");
        assertTrue(!browser.findElements(By.cssSelector("#charts-parties-svg rect.charts-bar")).isEmpty(), "the bars by party are drawn");
        pageShot("charts");
        assertAccessible("the charts page");

        // The exports need an Accept header a link cannot send: the page fetches them and hands
        // them over as files, which must hold what the API gives.
        String period = "truce=syria-coh-2016&from=2016-04-21&to=2016-04-21";
        List<WebElement> buttons = browser.findElements(By.cssSelector(".charts-downloads button"));
        assertEquals(2, buttons.size(), "a CSV and a GeoJSON download");
        buttons.get(0).click();
        assertEquals(fetched(As.AUDITOR, "/api/reports/daily?" + period, "text/csv"),
                downloaded("daily-syria-coh-2016-2016-04-21-2016-04-21.csv"), "the CSV as the API gives it");
        buttons.get(1).click();
        String geojson = downloaded("incidents-syria-coh-2016-2016-04-21-2016-04-21.geojson");
        assertEquals(fetched(As.AUDITOR, "/api/incidents?" + period, "application/geo+json"), geojson, "the GeoJSON as the API gives it");
        assertEquals(reports.size(), JSON.readTree(geojson).path("features").size(), "one feature per report of the day");
        assertTrue(browser.findElement(By.id("charts-download-status")).getText().contains(".geojson"), "the page says it is downloaded");
        assertOnlyTheServiceWasReached();
    }

    @Test
    void an_admin_dry_runs_an_earlier_end_and_sees_which_stored_reports_would_change() throws Exception {
        submit(As.MONITOR, barrelBomb("console-dry-1", "2016-04-11", "Masaken Hanano", 36.222, 37.186));
        String terms = Files.readString(Path.of("config/truces/syria-coh-2016.yaml"));
        assertTrue(terms.contains("ends: 2016-07-06T00:00"), "the cessation's end as the candidate changes it");
        Path file = work.resolve("syria-coh-2016.yaml");
        Files.writeString(file, terms.replace("ends: 2016-07-06T00:00", "ends: 2016-04-01T00:00"));
        signIn(As.ADMIN);
        browser.get(base() + "/#/rules");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rules-files-input"))).sendKeys(file.toAbsolutePath().toString());
        WebElement path = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rules-path-0")));
        if (path.getAttribute("value").isEmpty()) {
            path.sendKeys("config/truces/syria-coh-2016.yaml");
        }
        browser.findElement(By.cssSelector("#rules-candidate .rules-buttons button[type=button]")).click();
        WebElement changes = new WebDriverWait(browser, Duration.ofSeconds(90)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rules-changes")));
        WebElement row = changes.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains("console-dry-1")).findFirst()
                .orElseThrow(() -> new AssertionError("the report dated after the new end is listed: " + changes.getText()));
        assertTrue(row.getText().toLowerCase(java.util.Locale.ROOT).contains("out of scope"), "it would fall outside: " + row.getText());
        assertTrue(browser.findElement(By.id("rules-matrix")).findElements(By.cssSelector("td.changed")).size() >= 1,
                "the matrix counts the change");
        String stored = fetched(As.AUDITOR, "/api/incidents?external_id=console-dry-1", "application/json");
        assertTrue(stored.contains("PROBABLE_VIOLATION"), "a dry-run changes nothing stored: " + stored);
        pageShot("dry-run");
        assertAccessible("the rules page with a dry-run");
        assertOnlyTheServiceWasReached();
    }

    @Test
    void an_admin_reloads_the_rules_only_after_confirming_and_is_told_what_is_in_service() throws Exception {
        signIn(As.ADMIN);
        browser.get(base() + "/#/rules");
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id("rules-reload-button")));
        pageRendered();
        button.click();
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals("", browser.findElement(By.id("rules-reload-status")).getText(), "a dismissed confirmation reloads nothing");
        assertTrue(browser.findElements(By.cssSelector("#rules-reload-result .alert")).isEmpty(), "and says nothing");

        button.click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        WebElement result = new WebDriverWait(browser, Duration.ofSeconds(120)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rules-reload-result .alert.ok")));
        // The service was started on these very files: the reload finds them in service already.
        JsonNode versions = JSON.readTree(fetched(As.ADMIN, "/api/rulesets?size=50", "application/json"));
        String active = null;
        for (JsonNode version : versions.path("items")) {
            if (version.path("active").asBoolean()) {
                active = version.path("version").asText();
            }
        }
        assertTrue(active != null, "a version is in service: " + versions);
        String hash = active.substring(active.indexOf(':') + 1);
        assertTrue(result.getText().contains(hash.substring(0, 12)), "the version in service is named: " + result.getText());
        assertTrue(result.getText().contains("nothing changed"), result.getText());
        assertAccessible("the rules page after a reload");
        assertOnlyTheServiceWasReached();
    }

    @Test
    void the_live_banner_announces_a_new_verdict_with_a_link_to_it() throws Exception {
        signIn(As.AUDITOR);
        pageRendered();
        WebElement live = browser.findElement(By.id("live"));
        List<String> ids = new java.util.ArrayList<>();
        // The stream tells what commits after it connected: a report sent before the browser's
        // EventSource was open is not announced, so another is sent until one is.
        for (int attempt = 0; attempt < 5 && live.findElements(By.tagName("a")).isEmpty(); attempt++) {
            ids.add(submit(As.MONITOR,
                    barrelBomb("console-live-" + attempt, "2016-04-22", "Bustan al-Qasr", 36.192, 37.135)));
            try {
                new WebDriverWait(browser, Duration.ofSeconds(4)).until(d -> !live.findElements(By.tagName("a")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // next attempt
            }
        }
        WebElement link = live.findElement(By.tagName("a"));
        String href = link.getAttribute("href");
        assertTrue(ids.stream().anyMatch(id -> href.endsWith("#/incident/" + id)), "the banner links the new report: " + href);
        assertTrue(live.getText().contains("Bustan al-Qasr"), "and names its place: " + live.getText());
        link.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".truce[data-truce='syria-coh-2016']")));
        assertOnlyTheServiceWasReached();
    }

    // --- helpers ----------------------------------------------------------------------------

    String base() {
        return "http://127.0.0.1:" + port;
    }

    void signIn(String user) {
        browser.get(base() + "/login.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username"))).sendKeys(user);
        browser.findElement(By.id("j_password")).sendKeys(As.password(user));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".who button")));
    }

    /** A picture of the page as the journey left it (target/console-pages/, for the README). */
    void pageShot(String name) throws IOException {
        Path pages = Files.createDirectories(Path.of("target/console-pages"));
        Files.write(pages.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The page as it stands passes axe-core's WCAG 2 A and AA rules with no serious or critical
     * violation (axe injected from the test class path, not served by the service).
     */
    void assertAccessible(String page) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            try (var in = ConsoleJourneyIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                js.executeScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        assertEquals(List.of(), found, page + ": accessibility violations");
        assertNoStrayValues(page);
    }

    /**
     * No text on the page is a value the code failed to turn into words: "null", "undefined",
     * "NaN" or "[object Object]" standing alone (what DOM append and template strings write for
     * a missing value).
     */
    void assertNoStrayValues(String page) {
        Object stray = ((JavascriptExecutor) browser).executeScript("""
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const found = [];
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const text = node.textContent.trim();
                  if (["null", "undefined", "NaN", "[object Object]"].includes(text)) {
                    found.push(text + " in <" + node.parentElement.tagName.toLowerCase()
                      + (node.parentElement.id ? " id=" + node.parentElement.id : "") + ">");
                  }
                }
                return found;
                """);
        assertEquals(List.of(), stray, page + ": stray values in the text");
    }

    /** Every resource the page loaded came from the service: no CDN, no font service, no tiles. */
    void assertOnlyTheServiceWasReached() {
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);");
        for (String url : urls) {
            assertTrue(url.startsWith(base() + "/"), "a page reached beyond the service: " + url);
        }
    }

    /** Submits a report; its stored id. */
    String submit(String user, String json) throws Exception {
        String body = submitted(user, json);
        String id = JSON.readTree(body).path("id").asText();
        assertTrue(!id.isEmpty(), body);
        return id;
    }

    /** A government barrel-bomb strike on civilians in Aleppo, as a monitor reports it, at the caller's place and day. */
    static String barrelBomb(String externalId, String day, String location, double latitude, double longitude) {
        return """
                {"external_id":"%s","event_date":"%s","event_type":"Explosions/Remote violence",
                 "sub_event_type":"Air/drone strike","actor1":"Military Forces of Syria (2000-)","actor2":"Civilians (Syria)",
                 "civilian_targeting":true,"weapon":"barrel bomb","country":"Syria","admin1":"Aleppo",
                 "location":"%s","latitude":%s,"longitude":%s}""".formatted(externalId, day, location, latitude, longitude);
    }

    /** What {@code user} gets from the API at {@code path} in the given representation. */
    String fetched(String user, String path, String accept) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", As.basicHeader(user)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    /** The text of a file the browser saved, once it is complete. */
    String downloaded(String name) throws Exception {
        Path file = downloads.resolve(name);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Files.exists(file)
                && !Files.exists(downloads.resolve(name + ".crdownload")));
        return Files.readString(file);
    }

    /** The stored report as the API answers a submission. */
    String submitted(String user, String json) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/incidents"))
                .header("Authorization", As.basicHeader(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(created.statusCode() == 201 || created.statusCode() == 200, created.body());
        return created.body();
    }

    static String truceVerdict(JsonNode stored, String truce) {
        for (JsonNode evaluation : stored.path("evaluations")) {
            if (truce.equals(evaluation.path("truce").asText())) {
                return evaluation.path("verdict").asText();
            }
        }
        throw new AssertionError("no verdict of " + truce + " in " + stored);
    }

    static int count(String text) {
        Matcher number = Pattern.compile("(\\d+)").matcher(text);
        assertTrue(number.find(), text);
        return Integer.parseInt(number.group(1));
    }
}
