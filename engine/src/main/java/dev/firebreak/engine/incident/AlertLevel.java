package dev.firebreak.engine.incident;

/** How loud an alert is, before impact is assessed; only WARNING and CRITICAL open incidents. */
public enum AlertLevel {
    INFO, WARNING, CRITICAL;

    public boolean opensIncident() {
        return this != INFO;
    }
}
