-- Corroboration (package io.trucewatch.corroboration): which event each report is linked to.
-- report_json is what linking reads of the report (LinkableReport); anchor: the report began the
-- event (its id is the event's). Rows are replaced when the report changes and relinked day by day.
CREATE TABLE report_link (
    incident_id   VARCHAR(36)     PRIMARY KEY,
    event_id      VARCHAR(36)     NOT NULL,
    anchor        BOOLEAN         NOT NULL,
    country       VARCHAR(256)    NOT NULL,
    event_type    VARCHAR(256)    NOT NULL,
    event_day     DATE            NOT NULL,
    report_json   VARCHAR(100000) NOT NULL
);
CREATE INDEX report_link_by_day ON report_link (country, event_type, event_day);
CREATE INDEX report_link_by_event ON report_link (event_id);

-- An auditor's decision about one report's link, overriding the linking rule: SEPARATE (the report
-- is an event of its own) or JOIN (it belongs to the event of join_with). The latest decision per
-- report stands; every decision is in the audit trail.
CREATE TABLE link_decision (
    incident_id   VARCHAR(36)     PRIMARY KEY,
    decision      VARCHAR(16)     NOT NULL,
    join_with     VARCHAR(36),
    reason        VARCHAR(10000)  NOT NULL,
    decided_by    VARCHAR(256)    NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
