-- Two indexes no query uses, each one more B-tree that H2 rewrites pages of at every commit of a
-- new report (performance issue: commits are most of what storing a report costs).
-- outbox_event (occurred_at): the outbox is read by seq only.
-- incident_version (incident_id, content_hash): the duplicate check reads one incident's few
-- versions, which the primary key (incident_id, number) already finds.
DROP INDEX outbox_event_time;
DROP INDEX incident_version_hash;
