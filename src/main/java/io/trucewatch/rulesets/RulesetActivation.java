package io.trucewatch.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One putting-into-service of a ruleset version. */
@Entity
@Table(name = "ruleset_activation")
public class RulesetActivation extends PanacheEntityBase {

    /** What put a version into service. */
    public enum Trigger { STARTUP, RELOAD, FILE_WATCHER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String version;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    @Column(name = "activated_by", nullable = false)
    public String activatedBy;

    @Column(name = "trigger_kind", nullable = false)
    public String trigger;
}
