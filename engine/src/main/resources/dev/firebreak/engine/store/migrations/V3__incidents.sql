-- Incidents and their hash-chained timelines; see dev.firebreak.engine.incident.
CREATE TABLE incident (
    id                BIGINT PRIMARY KEY,
    title             VARCHAR(2000) NOT NULL,
    severity          VARCHAR(2) NOT NULL,
    computed_severity VARCHAR(2) NOT NULL,
    severity_override VARCHAR(2000),
    incident_type     VARCHAR(40) NOT NULL,
    state             VARCHAR(40) NOT NULL,
    opened_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    acknowledged_by   VARCHAR(200),
    acknowledged_at   TIMESTAMP(3) WITH TIME ZONE,
    resolved_at       TIMESTAMP(3) WITH TIME ZONE,
    components        CHARACTER LARGE OBJECT NOT NULL,
    alert_count       BIGINT NOT NULL,
    roles             VARCHAR(2000) NOT NULL,
    last_activity     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    last_status_update TIMESTAMP(3) WITH TIME ZONE,
    head_seq          BIGINT NOT NULL,
    head_hash         CHAR(64) NOT NULL
);

CREATE TABLE incident_timeline (
    incident_id   BIGINT NOT NULL,
    seq           BIGINT NOT NULL,
    recorded_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    kind          VARCHAR(40) NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    text          CHARACTER LARGE OBJECT NOT NULL,
    previous_hash CHAR(64) NOT NULL,
    hash          CHAR(64) NOT NULL,
    PRIMARY KEY (incident_id, seq)
);
