package dev.firebreak.engine.incident;

/** Where an alert came from. */
public enum AlertSource {
    /** Detection moved a component's health. */
    HEALTH,
    /** Detection reported an anomaly episode or its escalation. */
    ANOMALY,
    /** Forecasting predicts a breach. */
    PREDICTION,
    /** A health check's verdict changed. */
    CHECK,
    /** An external system (e.g. Alertmanager) sent it. */
    EXTERNAL
}
