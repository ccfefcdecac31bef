package io.trucewatch.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.incidents.ReportParser;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.RequestBodies;
import io.trucewatch.web.StrictJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a report taken from Kafka: the same JSON body, checked the same way, as POST /api/incidents
 * takes, except that external_id is required. A refusal is a {@link ProblemException} naming every
 * offending field, as the API's 400 would.
 */
final class ReportRecords {

    static final Problem.FieldError EXTERNAL_ID_REQUIRED = new Problem.FieldError("external_id",
            "required for reports taken from Kafka, so that redelivery adds nothing");

    private ReportRecords() {
    }

    static IncidentReport read(byte[] value, int maxBytes) {
        if (value == null) {
            throw ProblemException.invalid("(body)", "the record has no value; a report is the JSON body that "
                    + "POST /api/incidents takes");
        }
        String text = RequestBodies.text(value, maxBytes, "report");
        ObjectNode body = StrictJson.object(text);
        boolean withoutExternalId = absent(body.get("external_id"));
        IncidentReport report;
        try {
            report = ReportParser.parse(text);
        } catch (ProblemException invalid) {
            // Every offending field at once, the missing external_id among them.
            if (withoutExternalId && invalid.status() == 400) {
                List<Problem.FieldError> errors = new ArrayList<>(invalid.toProblem().errors());
                errors.add(EXTERNAL_ID_REQUIRED);
                throw ProblemException.invalid(errors);
            }
            throw invalid;
        }
        if (withoutExternalId) {
            throw ProblemException.invalid(List.of(EXTERNAL_ID_REQUIRED));
        }
        return report;
    }

    /** As ReportParser reads "absent": missing, null or blank. */
    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || (node.isTextual() && node.asText().isBlank());
    }
}
