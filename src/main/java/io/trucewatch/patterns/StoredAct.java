package io.trucewatch.patterns;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.patterns.facts.Act;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An act as stored (V11): a judged report as the pattern rules of one truce count it, for one party. */
@Entity
@Table(name = "pattern_act")
@IdClass(StoredAct.Key.class)
public class StoredAct extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public String incidentId;

    @Id
    @Column(name = "truce_id")
    public String truceId;

    @Id
    public String party;

    @Column(name = "act_at", nullable = false)
    public long at;

    @Column(name = "act_json", nullable = false, length = 100_000)
    public String json;

    static StoredAct of(Act act) {
        StoredAct stored = new StoredAct();
        stored.incidentId = act.incidentId();
        stored.truceId = act.truce();
        stored.party = act.party();
        stored.at = act.at();
        stored.json = CanonicalJson.write(act);
        return stored;
    }

    static Act act(String json) {
        return CanonicalJson.read(json, Act.class);
    }

    public static class Key implements Serializable {
        public String incidentId;
        public String truceId;
        public String party;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(incidentId, k.incidentId) && Objects.equals(truceId, k.truceId)
                    && Objects.equals(party, k.party);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, truceId, party);
        }
    }
}
