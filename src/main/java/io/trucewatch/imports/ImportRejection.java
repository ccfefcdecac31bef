package io.trucewatch.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A row of an import that was not accepted, with every error the validation named. */
@Entity
@Table(name = "import_rejection")
@IdClass(ImportRejection.Key.class)
public class ImportRejection extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public String jobId;

    /** 1-based, counting data rows (the header is row 0). */
    @Id
    @Column(name = "row_number")
    public int rowNumber;

    @Column(name = "external_id")
    public String externalId;

    /** JSON array of {field, message}. */
    @Column(nullable = false, length = 1_000_000)
    public String errors;

    public static class Key implements Serializable {
        public String jobId;
        public int rowNumber;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.rowNumber == rowNumber && Objects.equals(k.jobId, jobId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, rowNumber);
        }
    }
}
