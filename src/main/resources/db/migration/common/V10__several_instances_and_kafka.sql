-- Several instances on one database, and Kafka.
-- An import job is worked by one instance at a time: the one holding its lease. A lease that ran
-- out (its instance died) lets another instance take the job over from its last checkpoint.
ALTER TABLE import_job ADD COLUMN claimed_by VARCHAR(128);
ALTER TABLE import_job ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

-- How far the Kafka publisher has published the outbox (one row; locked by the publishing round,
-- so one instance publishes at a time, in sequence order).
CREATE TABLE kafka_cursor (
    id             INT    PRIMARY KEY,
    published_seq  BIGINT NOT NULL
);
INSERT INTO kafka_cursor (id, published_seq) VALUES (1, 0);
