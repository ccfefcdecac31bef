package io.trucewatch.incidents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One truce's verdict on a report: the index behind the truce filter. */
@Entity
@Table(name = "incident_truce_verdict")
@IdClass(IncidentTruceVerdict.Key.class)
public class IncidentTruceVerdict extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public String incidentId;

    @Id
    @Column(name = "truce_id")
    public String truceId;

    @Column(nullable = false)
    public String verdict;

    /** Composite key, as JPA's @IdClass wants it: a class with equals and hashCode. */
    public static class Key implements Serializable {
        public String incidentId;
        public String truceId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && Objects.equals(incidentId, other.incidentId)
                    && Objects.equals(truceId, other.truceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, truceId);
        }
    }
}
