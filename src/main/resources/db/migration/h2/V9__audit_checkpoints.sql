-- Signed checkpoints of the audit chain: (seq, head hash, time) signed with the service's Ed25519
-- key, which lives in a file next to the database and never in it. A copy of every checkpoint is
-- also appended to a file beside the key, so deleting these rows is noticed by verify too.
CREATE TABLE audit_checkpoint (
    seq        BIGINT                   PRIMARY KEY,
    head_hash  VARCHAR(64)              NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id     VARCHAR(64)              NOT NULL,
    signature  VARCHAR(200)             NOT NULL
);
