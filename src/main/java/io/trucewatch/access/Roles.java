package io.trucewatch.access;

import java.util.Set;

/**
 * The roles of the service. A user may hold several.
 * <ul>
 * <li>{@code monitor}: submits and corrects reports, reads reports and verdicts, imports files;</li>
 * <li>{@code auditor}: review queue, reviews, audit trail, exports and daily reports;</li>
 * <li>{@code admin}: users, truce terms and rules;</li>
 * <li>{@code metrics}: reads {@code /q/metrics} and nothing else: for the account a Prometheus
 * scraper signs in with, whose password sits in the scraper's configuration file and so should open
 * no report or audit record if it leaks. Admins and auditors may read the metrics too
 * (application.properties, {@code quarkus.http.auth.policy.metrics-readers}).</li>
 * </ul>
 */
public final class Roles {

    public static final String MONITOR = "monitor";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    public static final String METRICS = "metrics";

    public static final Set<String> ALL = Set.of(MONITOR, AUDITOR, ADMIN, METRICS);

    private Roles() {
    }
}
