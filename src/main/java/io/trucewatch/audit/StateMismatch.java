package io.trucewatch.audit;

/**
 * A stored value of an incident that its audit entries contradict.
 *
 * @param incidentId the incident
 * @param field      what differs, e.g. {@code verdict}, {@code review_status}, {@code truce_verdicts[syria-coh-2016]},
 *                   {@code versions[2].verdict}
 * @param stored     the value in the database (shortened if long)
 * @param chain      the value the audit chain says it must have (shortened if long)
 * @param chainSeq   the audit entry that says so, when one does
 */
public record StateMismatch(String incidentId, String field, String stored, String chain, Long chainSeq) {

    static final String NONE = "(none)";
    private static final int SHOWN = 160;

    static StateMismatch of(String incidentId, String field, Object stored, Object chain, Long chainSeq) {
        return new StateMismatch(incidentId, field, shown(stored), shown(chain), chainSeq);
    }

    String describe() {
        return "incident " + incidentId + ": " + field + " is " + stored + " in the database, but the audit chain says "
                + chain + (chainSeq == null ? "" : " (entry " + chainSeq + ")");
    }

    private static String shown(Object value) {
        if (value == null) {
            return NONE;
        }
        String text = value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + text.length() + " characters)";
    }
}
