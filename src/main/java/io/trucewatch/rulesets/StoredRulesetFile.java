package io.trucewatch.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One file of a stored ruleset version, pointing at its content by SHA-256. */
@Entity
@Table(name = "ruleset_file")
@IdClass(StoredRulesetFile.Key.class)
public class StoredRulesetFile extends PanacheEntityBase {

    @Id
    public String version;

    @Id
    public String path;

    @Column(nullable = false)
    public String sha256;

    /** Composite key, as JPA's @IdClass wants it: a class with equals and hashCode. */
    public static class Key implements Serializable {
        public String version;
        public String path;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(version, other.version) && Objects.equals(path, other.path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, path);
        }
    }
}
