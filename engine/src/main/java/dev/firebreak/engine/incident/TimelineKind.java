package dev.firebreak.engine.incident;

/** What a timeline entry records. */
public enum TimelineKind {
    OPENED, ALERT, SUPPRESSED, SEVERITY, TYPE, STATE, HEALTH, ACKNOWLEDGED, ROLE, NOTE, NOTIFICATION, ESCALATION,
    STATUS_UPDATE, DIAGNOSIS, ACTION, RUNBOOK, MERGED
}
