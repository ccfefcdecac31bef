package io.trucewatch.incidents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One version of a report, as received and as judged then. Written once, never updated. */
@Entity
@Table(name = "incident_version")
@IdClass(IncidentVersion.Key.class)
public class IncidentVersion extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public String incidentId;

    @Id
    public int number;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    /** The report as received in this version, and how it was judged then. */
    @Embedded
    public JudgedReport judged;

    static List<IncidentVersion> of(String incidentId) {
        return list("incidentId = ?1 order by number", incidentId);
    }

    public static class Key implements Serializable {
        public String incidentId;
        public int number;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.number == number && Objects.equals(k.incidentId, incidentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, number);
        }
    }
}
