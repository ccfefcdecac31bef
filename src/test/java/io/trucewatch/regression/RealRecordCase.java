package io.trucewatch.regression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One real incident of the regression set (src/test/resources/regression/, labelled by METHOD.md
 * before the service judged it): the report a monitor would submit, the verdict the method gives,
 * and the verdicts a monitor would also accept.
 */
record RealRecordCase(String id, String source, String summary, String label, List<String> acceptable,
        String methodRule, String basis, JsonNode report) {

    /** The YAML shape of a case file. */
    record File(List<RealRecordCase> cases) {
    }
}
