package io.trucewatch.incidents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An actor a report names, as written and as resolved: the index behind the actor filter. */
@Entity
@Table(name = "incident_actor")
@IdClass(IncidentActor.Key.class)
public class IncidentActor extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public String incidentId;

    @Id
    public int position;

    @Column(nullable = false)
    public String role;

    @Column(name = "as_written", nullable = false)
    public String asWritten;

    @Column(name = "actor_id")
    public String actorId;

    /** Composite key, as JPA's @IdClass wants it: a class with equals and hashCode. */
    public static class Key implements Serializable {
        public String incidentId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && Objects.equals(incidentId, other.incidentId)
                    && position == other.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, position);
        }
    }
}
