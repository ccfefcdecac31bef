-- ACLED CSV imports: the file is stored when accepted (so a restart cannot lose it) and processed
-- row by row in the background; progress is checkpointed so an interrupted job resumes.
CREATE TABLE import_job (
    id            VARCHAR(36)              PRIMARY KEY,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(128)             NOT NULL,
    file_sha256   VARCHAR(64)              NOT NULL,
    content       CLOB                     NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    total_rows    INT                      NOT NULL,
    rows_done     INT                      NOT NULL,
    accepted      INT                      NOT NULL,
    duplicates    INT                      NOT NULL,
    rejected      INT                      NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX import_job_status ON import_job (status, created_at);

CREATE TABLE import_rejection (
    job_id       VARCHAR(36)  NOT NULL REFERENCES import_job (id),
    row_number   INT          NOT NULL,
    external_id  VARCHAR(1000),
    errors       CLOB         NOT NULL,
    PRIMARY KEY (job_id, row_number)
);
