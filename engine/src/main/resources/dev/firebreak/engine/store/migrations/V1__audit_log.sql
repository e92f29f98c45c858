-- Append-only, hash-chained audit log; see dev.firebreak.engine.store.AuditLog.
CREATE TABLE audit_log (
    seq           BIGINT PRIMARY KEY,
    recorded_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    action        VARCHAR(200) NOT NULL,
    subject       VARCHAR(1000) NOT NULL,
    details       CHARACTER LARGE OBJECT NOT NULL,
    previous_hash CHAR(64) NOT NULL,
    hash          CHAR(64) NOT NULL
);

-- The newest entry, rewritten on every append in the same transaction, so that entries removed from
-- the end of the log (which leaves a valid but shorter chain) are still detected.
CREATE TABLE audit_head (
    id   INT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash CHAR(64) NOT NULL
);
