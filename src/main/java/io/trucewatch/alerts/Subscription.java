package io.trucewatch.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A receiver of webhooks: where, which events, and the secret its deliveries are signed with. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String url;

    public String description;

    @Column(name = "filter_json", nullable = false, length = 1_000_000)
    public String filterJson;

    /** Standard Webhooks form: "whsec_" + base64 of 32 random bytes. Shown once, when made. */
    @Column(nullable = false)
    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    /** Deleted subscriptions get nothing new but keep their delivery history. */
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
