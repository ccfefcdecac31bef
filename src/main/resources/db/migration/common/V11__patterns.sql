-- Patterns over time (package io.trucewatch.patterns).
-- Each judged report as the pattern rules count it: one row per (report, truce, acting party),
-- replaced whole when the report is corrected or reviewed. act_at is event time (epoch ms), the
-- order acts enter a pattern session in; act_json the act itself.
CREATE TABLE pattern_act (
    incident_id  VARCHAR(36)     NOT NULL,
    truce_id     VARCHAR(128)    NOT NULL,
    party        VARCHAR(512)    NOT NULL,
    act_at       BIGINT          NOT NULL,
    act_json     VARCHAR(100000) NOT NULL,
    PRIMARY KEY (incident_id, truce_id, party)
);
CREATE INDEX pattern_act_by_time ON pattern_act (truce_id, act_at);

-- A pattern found in one period of a truce; its id is a function of (truce, pattern, party, key,
-- period). reports_json: each report it holds, with the version and review status counted (what a
-- replay reads again, with the ruleset version). Never deleted: a pattern the reports no longer make is WITHDRAWN, and every change is in
-- the audit trail with the reports it held.
CREATE TABLE pattern (
    id               VARCHAR(64)      PRIMARY KEY,
    truce_id         VARCHAR(128)     NOT NULL,
    pattern          VARCHAR(128)     NOT NULL,
    title            VARCHAR(1000)    NOT NULL,
    party            VARCHAR(512)     NOT NULL,
    group_key        VARCHAR(512)     NOT NULL,
    period_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    period_end       TIMESTAMP WITH TIME ZONE NOT NULL,
    first_act        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_act         TIMESTAMP WITH TIME ZONE NOT NULL,
    rule_name        VARCHAR(256)     NOT NULL,
    clause           VARCHAR(128),
    verdict          VARCHAR(32)      NOT NULL,
    status           VARCHAR(16)      NOT NULL,
    review_status    VARCHAR(16)      NOT NULL,
    explanation      VARCHAR(20000)   NOT NULL,
    reports_json     VARCHAR(1000000) NOT NULL,
    areas_json       VARCHAR(100000)  NOT NULL,
    ruleset_version  VARCHAR(128)     NOT NULL,
    revision         INT              NOT NULL,
    detected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pattern_by_period ON pattern (truce_id, pattern, period_start);
CREATE INDEX pattern_by_first_act ON pattern (first_act);

-- How far the pattern follower has read the outbox (one row; locked by each round, so one instance
-- finds patterns at a time and every report's change is taken exactly once, in sequence order).
CREATE TABLE pattern_cursor (
    id            INT    PRIMARY KEY,
    followed_seq  BIGINT NOT NULL
);
INSERT INTO pattern_cursor (id, followed_seq) VALUES (1, 0);
