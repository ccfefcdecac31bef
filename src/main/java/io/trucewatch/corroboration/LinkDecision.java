package io.trucewatch.corroboration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An auditor's standing decision about one report's link (V12); history is in the audit trail. */
@Entity
@Table(name = "link_decision")
public class LinkDecision extends PanacheEntityBase {

    static final String SEPARATE = "SEPARATE";
    static final String JOIN = "JOIN";

    @Id
    @Column(name = "incident_id")
    public String incidentId;

    /** {@link #SEPARATE} or {@link #JOIN}. */
    @Column(nullable = false)
    public String decision;

    @Column(name = "join_with")
    public String joinWith;

    @Column(nullable = false, length = 10_000)
    public String reason;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    EventLinking.Decision asDecision() {
        return new EventLinking.Decision(incidentId, SEPARATE.equals(decision), JOIN.equals(decision) ? joinWith : null);
    }
}
