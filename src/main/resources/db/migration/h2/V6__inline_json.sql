-- JSON kept in rows, not as LOBs: H2 stores a CLOB value in a separate LOB store (several extra
-- B-tree writes per value at every commit). These values are a few kilobytes — a report is at most
-- 64 KiB — so inline CHARACTER VARYING is both smaller and faster. Content is unchanged, so audit
-- hashes still verify. Stored rule files and imported CSV files stay CLOBs (they can be large).
ALTER TABLE incident ALTER COLUMN report_json SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE incident ALTER COLUMN evaluation_json SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE incident_version ALTER COLUMN report_json SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE incident_version ALTER COLUMN evaluation_json SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE audit_entry ALTER COLUMN data SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE outbox_event ALTER COLUMN payload SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE review ALTER COLUMN reason SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE review ALTER COLUMN violating_parties SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE subscription ALTER COLUMN filter_json SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE import_rejection ALTER COLUMN errors SET DATA TYPE CHARACTER VARYING(1000000);
