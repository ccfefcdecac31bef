package io.trucewatch.access;

import java.util.Set;

/**
 * The three roles of the service. A user may hold several.
 * <ul>
 * <li>{@code monitor}: submits and corrects reports, reads reports and verdicts, imports files;</li>
 * <li>{@code auditor}: review queue, reviews, audit trail, exports and daily reports;</li>
 * <li>{@code admin}: users, truce terms and rules.</li>
 * </ul>
 */
public final class Roles {

    public static final String MONITOR = "monitor";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(MONITOR, AUDITOR, ADMIN);

    private Roles() {
    }
}
