package io.trucewatch.corroboration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.trucewatch.audit.CanonicalJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Which event a report is linked to (V12); written only by {@link EventLinks}. */
@Entity
@Table(name = "report_link")
public class ReportLink extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public String incidentId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public boolean anchor;

    @Column(nullable = false)
    public String country;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "event_day", nullable = false)
    public LocalDate eventDay;

    @Column(name = "report_json", nullable = false, length = 100_000)
    public String reportJson;

    static ReportLink of(LinkableReport report) {
        ReportLink link = new ReportLink();
        link.incidentId = report.incidentId();
        link.eventId = report.incidentId();
        link.anchor = true;
        link.country = report.country();
        link.eventType = report.eventType();
        link.eventDay = report.day();
        link.reportJson = CanonicalJson.write(report);
        return link;
    }

    LinkableReport report() {
        return CanonicalJson.read(reportJson, LinkableReport.class);
    }
}
