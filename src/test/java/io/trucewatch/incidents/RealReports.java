package io.trucewatch.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every report of the real-data regression set: the largest and most varied reports there are. */
final class RealReports {

    private RealReports() {
    }

    static List<IncidentReport> all() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<IncidentReport> reports = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/regression"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode c : yaml.readTree(file.toFile()).path("cases")) {
                    reports.add(ReportParser.parse(c.path("report").toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reports;
    }
}
