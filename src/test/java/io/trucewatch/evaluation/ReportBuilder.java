package io.trucewatch.evaluation;

import io.trucewatch.incidents.IncidentReport;
import java.time.Instant;
import java.time.LocalDate;

/** Builds incident reports for rule tests; defaults describe nothing in particular. */
public final class ReportBuilder {

    private LocalDate eventDate = LocalDate.of(2016, 4, 10);
    private Instant occurredAt;
    private Integer timePrecision;
    private String eventType = "Explosions/Remote violence";
    private String subEventType = "Shelling/artillery/missile attack";
    private String actor1;
    private String assocActor1;
    private String actor2;
    private String assocActor2;
    private Boolean civilianTargeting;
    private String weapon;
    private String country = "Syria";
    private String admin1;
    private String admin2;
    private String location;
    private Double latitude;
    private Double longitude;

    public static ReportBuilder report() {
        return new ReportBuilder();
    }

    public ReportBuilder on(String isoDate) {
        this.eventDate = LocalDate.parse(isoDate);
        return this;
    }

    public ReportBuilder at(String isoInstant) {
        this.occurredAt = java.time.OffsetDateTime.parse(isoInstant).toInstant();
        return this;
    }

    public ReportBuilder precision(int timePrecision) {
        this.timePrecision = timePrecision;
        return this;
    }

    public ReportBuilder event(String eventType, String subEventType) {
        this.eventType = eventType;
        this.subEventType = subEventType;
        return this;
    }

    public ReportBuilder by(String actor1) {
        this.actor1 = actor1;
        return this;
    }

    public ReportBuilder besideActor1(String assocActor1) {
        this.assocActor1 = assocActor1;
        return this;
    }

    public ReportBuilder against(String actor2) {
        this.actor2 = actor2;
        return this;
    }

    public ReportBuilder besideActor2(String assocActor2) {
        this.assocActor2 = assocActor2;
        return this;
    }

    public ReportBuilder targetingCivilians() {
        this.civilianTargeting = true;
        return this;
    }

    public ReportBuilder with(String weapon) {
        this.weapon = weapon;
        return this;
    }

    public ReportBuilder in(String country, String admin1) {
        this.country = country;
        this.admin1 = admin1;
        return this;
    }

    public ReportBuilder admin2(String admin2) {
        this.admin2 = admin2;
        return this;
    }

    public ReportBuilder location(String location) {
        this.location = location;
        return this;
    }

    public ReportBuilder point(double latitude, double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
        return this;
    }

    public IncidentReport build() {
        return new IncidentReport(null, occurredAt == null ? eventDate : null, occurredAt, timePrecision, eventType,
                subEventType, actor1, assocActor1, actor2, assocActor2, civilianTargeting, weapon, country, admin1,
                admin2, null, location, latitude, longitude, null, null, null, null, null);
    }
}
