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
