package io.trucewatch.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file's content, stored once however many versions share it. */
@Entity
@Table(name = "ruleset_blob")
public class StoredBlob extends PanacheEntityBase {

    @Id
    public String sha256;

    @Column(nullable = false, columnDefinition = "CLOB")
    public String content;
}
