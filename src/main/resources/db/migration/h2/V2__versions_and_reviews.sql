-- Corrections keep history: every version of a report, as received and as judged, is kept here and
-- never changed. The incident row holds the latest version's columns, for filtering and listing.
CREATE TABLE incident_version (
    incident_id      VARCHAR(36)              NOT NULL REFERENCES incident (id),
    number           INT                      NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by     VARCHAR(128)             NOT NULL,
    content_hash     VARCHAR(64)              NOT NULL,
    report_json      CLOB                     NOT NULL,
    verdict          VARCHAR(32)              NOT NULL,
    ruleset_version  VARCHAR(80)              NOT NULL REFERENCES ruleset_version (version),
    evaluation_json  CLOB                     NOT NULL,
    PRIMARY KEY (incident_id, number)
);
CREATE INDEX incident_version_hash ON incident_version (incident_id, content_hash);

-- Reports stored before versions existed become their own first version, submitted anonymously
-- (there was no authentication then).
INSERT INTO incident_version (incident_id, number, received_at, submitted_by, content_hash, report_json,
                              verdict, ruleset_version, evaluation_json)
SELECT id, 1, received_at, 'anonymous', content_hash, report_json, verdict, ruleset_version, evaluation_json
FROM incident;

ALTER TABLE incident ADD COLUMN submitted_by VARCHAR(128) DEFAULT 'anonymous' NOT NULL;
ALTER TABLE incident ADD COLUMN current_version INT DEFAULT 1 NOT NULL;

-- Only flagged reports wait for an auditor; the others need no review unless one is asked for.
UPDATE incident SET review_status = 'NOT_REQUIRED' WHERE verdict IN ('NOT_A_VIOLATION', 'OUT_OF_SCOPE');
CREATE INDEX incident_review_queue ON incident (review_status, received_at, id);

-- Auditors' decisions: appended, never edited; the latest decides the report's review_status.
CREATE TABLE review (
    id                 VARCHAR(36)              PRIMARY KEY,
    incident_id        VARCHAR(36)              NOT NULL REFERENCES incident (id),
    version            INT                      NOT NULL,
    decision           VARCHAR(16)              NOT NULL,
    reason             CLOB                     NOT NULL,
    violating_parties  CLOB,
    reviewer           VARCHAR(128)             NOT NULL,
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX review_incident ON review (incident_id, decided_at);
