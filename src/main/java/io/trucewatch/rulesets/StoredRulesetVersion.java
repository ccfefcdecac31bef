package io.trucewatch.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A ruleset version that has been used; its files are rows of ruleset_file. */
@Entity
@Table(name = "ruleset_version")
public class StoredRulesetVersion extends PanacheEntityBase {

    @Id
    public String version;

    @Column(name = "first_used_at", nullable = false)
    public Instant firstUsedAt;

    @Column(name = "file_count", nullable = false)
    public int fileCount;
}
