package io.trucewatch.reports;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.trucewatch.access.Roles;
import io.trucewatch.incidents.CsvCells;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reports/daily")
@Tag(name = "Reports", description = "Summaries monitors hand to others")
public class DailyReportResource {

    private static final CsvMapper CSV = new CsvMapper();

    @Inject
    DailyReports reports;

    @Inject
    ActiveRuleset rulesets;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Operation(summary = "Per day, acting party and admin1: reports counted by the truce's verdict and by review status, "
            + "and the events they are of",
            description = "Days are event days (event_date, or the UTC day of occurred_at); reports outside the "
                    + "truce's scope are left out. Ask for text/csv for the same rows as a table.")
    @APIResponse(responseCode = "200", description = "The daily report",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailyReport.class)),
                    @Content(mediaType = "text/csv")})
    public DailyReport daily(@QueryParam("truce") String truce, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return build(truce, from, to);
    }

    @GET
    @Produces("text/csv;qs=0.5")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response dailyCsv(@QueryParam("truce") String truce, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        DailyReport report = build(truce, from, to);
        StreamingOutput body = out -> {
            try (SequenceWriter rows = CSV.writer(schema()).writeValues(out)) {
                for (DailyRow row : report.rows()) {
                    // Names come from stored reports: written well formed and formula-safe, like the exports.
                    List<Object> cells = new ArrayList<>(List.of(row.date().toString(), CsvCells.exported(row.party()),
                            row.admin1() == null ? "" : CsvCells.exported(row.admin1()), row.total(), row.events()));
                    DailyReports.VERDICTS.forEach(v -> cells.add(row.verdicts().get(v)));
                    DailyReports.REVIEWS.forEach(r -> cells.add(row.reviews().get(r)));
                    rows.write(cells);
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"daily-" + truce + ".csv\"").build();
    }

    private DailyReport build(String truce, String from, String to) {
        QueryParams params = new QueryParams();
        if (truce == null || truce.isBlank()) {
            params.error("truce", "required: the id of a truce, e.g. syria-coh-2016");
        } else if (!rulesets.get().terms().truces().containsKey(truce.strip())) {
            params.error("truce", "'" + truce + "' is not a truce in service: " + rulesets.get().terms().truces().keySet());
        }
        LocalDate first = params.date("from", from);
        LocalDate last = params.date("to", to);
        if (from == null || from.isBlank()) {
            params.error("from", "required: the first day, YYYY-MM-DD");
        }
        if (to == null || to.isBlank()) {
            params.error("to", "required: the last day, YYYY-MM-DD");
        }
        if (first != null && last != null && last.isBefore(first)) {
            params.error("to", "must not be before from");
        }
        params.check();
        return reports.build(truce.strip(), first, last);
    }

    private static CsvSchema schema() {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true)
                .addColumn("date").addColumn("party").addColumn("admin1").addColumn("total").addColumn("events");
        DailyReports.VERDICTS.forEach(schema::addColumn);
        DailyReports.REVIEWS.forEach(v -> schema.addColumn("review_" + v));
        return schema.build();
    }
}
