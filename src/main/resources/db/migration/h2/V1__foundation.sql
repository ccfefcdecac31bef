-- Ruleset versions: the exact files of rules/ and config/ that produced verdicts, content-addressed,
-- so that any verdict can be reproduced from what is stored here.
CREATE TABLE ruleset_blob (
    sha256      VARCHAR(64) PRIMARY KEY,
    content     CLOB        NOT NULL
);

CREATE TABLE ruleset_version (
    version         VARCHAR(80)              PRIMARY KEY,
    first_used_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    file_count      INT                      NOT NULL
);

CREATE TABLE ruleset_file (
    version     VARCHAR(80)  NOT NULL REFERENCES ruleset_version (version),
    path        VARCHAR(512) NOT NULL,
    sha256      VARCHAR(64)  NOT NULL REFERENCES ruleset_blob (sha256),
    PRIMARY KEY (version, path)
);

-- Incident reports as received (normalised), with their evaluation. Never updated in place
-- except review_status, which later reviews drive.
CREATE TABLE incident (
    id               VARCHAR(36)              PRIMARY KEY,
    external_id      VARCHAR(128)             UNIQUE,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    content_hash     VARCHAR(64)              NOT NULL,
    report_json      CLOB                     NOT NULL,
    event_day        DATE                     NOT NULL,
    admin1           VARCHAR(1000),
    verdict          VARCHAR(32)              NOT NULL,
    ruleset_version  VARCHAR(80)              NOT NULL REFERENCES ruleset_version (version),
    evaluation_json  CLOB                     NOT NULL,
    review_status    VARCHAR(32)              NOT NULL
);
CREATE INDEX incident_received ON incident (received_at, id);
CREATE INDEX incident_verdict ON incident (verdict);
CREATE INDEX incident_day ON incident (event_day);

-- Who a report names, resolved, for filtering by actor.
CREATE TABLE incident_actor (
    incident_id  VARCHAR(36)  NOT NULL REFERENCES incident (id),
    position     INT          NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    as_written   VARCHAR(1000) NOT NULL,
    actor_id     VARCHAR(100),
    PRIMARY KEY (incident_id, position)
);
CREATE INDEX incident_actor_actor ON incident_actor (actor_id);

-- Each truce's verdict on a report, for filtering by truce.
CREATE TABLE incident_truce_verdict (
    incident_id  VARCHAR(36)  NOT NULL REFERENCES incident (id),
    truce_id     VARCHAR(100) NOT NULL,
    verdict      VARCHAR(32)  NOT NULL,
    PRIMARY KEY (incident_id, truce_id)
);
CREATE INDEX incident_truce_verdict_truce ON incident_truce_verdict (truce_id, verdict);

-- The audit trail: append-only, hash-chained. Each entry's hash covers its own columns and the
-- previous entry's hash, so changing, removing or reordering any entry breaks the chain.
CREATE TABLE audit_entry (
    seq            BIGINT                   PRIMARY KEY,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    type           VARCHAR(64)              NOT NULL,
    incident_id    VARCHAR(36),
    principal      VARCHAR(128)             NOT NULL,
    data           CLOB                     NOT NULL,
    previous_hash  VARCHAR(64)              NOT NULL,
    hash           VARCHAR(64)              NOT NULL
);
CREATE INDEX audit_entry_incident ON audit_entry (incident_id, seq);

-- The head of the chain, one row, locked by every append: appends are serialised so that the
-- chain has exactly one order.
CREATE TABLE audit_head (
    id         INT         PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
