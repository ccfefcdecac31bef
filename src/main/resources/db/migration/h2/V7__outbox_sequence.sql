-- Outbox sequence numbers come from a sequence instead of the identity column. Hibernate must run
-- an identity insert at once to learn its key, and first runs every insert queued before it: in a
-- group commit that meant one round of single inserts per report. A sequence value is fetched
-- without that, so the inserts of a commit go to the database in JDBC batches. It still counts on
-- from the identity's last value, and is still taken under the audit head lock (commit order).
CREATE SEQUENCE outbox_event_seq;
ALTER SEQUENCE outbox_event_seq RESTART WITH (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox_event);
ALTER TABLE outbox_event ALTER COLUMN seq SET DEFAULT NEXT VALUE FOR outbox_event_seq;
