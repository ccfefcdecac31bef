package io.trucewatch.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.trucewatch.audit.AuditEntry;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.evaluation.SyriaRulesFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new entry's hash is taken over its data's canonical text as it is (AuditEntry.hashOfCanonicalData);
 * the chain's verification parses the stored data and writes it again (expectedHash). The two must
 * agree on every entry the service writes: here, the two entries of every real report of the
 * regression set (their reports and evaluations are the largest and most varied data there is).
 */
class AuditHashTest {

    private static AuditEntry entry(long seq, String type, String incidentId, CanonicalJson.Text data) {
        AuditEntry entry = new AuditEntry();
        entry.seq = seq;
        entry.recordedAt = Instant.parse("2016-04-10T12:00:00.123Z").plusMillis(seq);
        entry.type = type;
        entry.incidentId = incidentId;
        entry.principal = "monitor@example.org";
        entry.previousHash = "0".repeat(64);
        entry.data = data.json();
        return entry;
    }

    @Test
    void theHashOfCanonicalDataIsTheHashTheVerificationExpects() {
        List<IncidentReport> reports = RealReports.all();
        assertEquals(true, reports.size() > 500, "the regression set's reports: " + reports.size());
        long seq = 0;
        for (IncidentReport report : reports) {
            Evaluation evaluation = Evaluator.evaluate(report, SyriaRulesFixture.ruleset());
            String contentHash = CanonicalJson.sha256Hex(CanonicalJson.write(report));
            // With an incident id and without one (steps that concern no report).
            for (String incidentId : new String[] {"inc-" + seq, null}) {
                AuditEntry received = entry(++seq, AuditTrail.REPORT_RECEIVED, incidentId,
                        CanonicalJson.text(IncidentService.received(report, contentHash, Instant.parse("2026-12-01T17:00:00.123456Z"))));
                assertEquals(received.expectedHash(), received.hashOfCanonicalData(), () -> report.externalId() + " received");
                AuditEntry evaluated = entry(++seq, AuditTrail.REPORT_EVALUATED, incidentId,
                        CanonicalJson.text(IncidentService.evaluated(1, evaluation)));
                assertEquals(evaluated.expectedHash(), evaluated.hashOfCanonicalData(), () -> report.externalId() + " evaluated");
            }
        }
    }

    @Test
    void dataNotWrittenCanonicallyHashesDifferentlySoOnlyCanonicalTextIsTakenAsItIs() {
        AuditEntry entry = entry(1, AuditTrail.REVIEW_DECIDED, "inc-1", CanonicalJson.text(java.util.Map.of("b", 1, "a", 2)));
        assertEquals(entry.expectedHash(), entry.hashOfCanonicalData());
        entry.data = "{\"b\": 1, \"a\": 2}";
        assertNotEquals(entry.expectedHash(), entry.hashOfCanonicalData(),
                "the verification reads any form; the fast path is for CanonicalJson.Text only");
    }
}
