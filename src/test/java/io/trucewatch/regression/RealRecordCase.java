package io.trucewatch.regression;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Reads the regression set's YAML files (case files, second labels) strictly: an unknown field is an error. */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The cases of one file. */
    static List<RealRecordCase> read(Path file) throws IOException {
        return YAML.readValue(Files.readString(file), File.class).cases();
    }
}
