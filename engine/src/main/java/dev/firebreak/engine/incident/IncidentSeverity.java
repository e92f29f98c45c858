package dev.firebreak.engine.incident;

import java.time.Duration;
import java.util.Optional;

/**
 * Severity from user impact, as the incident playbook's matrix defines it, with how often the commander owes
 * stakeholders a status update. Lower ordinal is worse: P0 is a complete outage.
 */
public enum IncidentSeverity {
    P0("Complete outage", "All users affected", Duration.ofMinutes(15)),
    P1("Major degradation", "More than half of users affected", Duration.ofMinutes(30)),
    P2("Minor degradation", "Fewer than half of users affected", Duration.ofHours(1)),
    /** Updated at the end of the (UTC) day rather than on a fixed cadence. */
    P3("Low impact", "Fewer than a tenth of users affected", null),
    P4("Informational", "No user impact", null);

    private final String title;
    private final String impact;
    private final Duration updateEvery;

    IncidentSeverity(String title, String impact, Duration updateEvery) {
        this.title = title;
        this.impact = impact;
        this.updateEvery = updateEvery;
    }

    public String title() {
        return title;
    }

    public String impact() {
        return impact;
    }

    /** The fixed status-update cadence (P0 15 min, P1 30 min, P2 hourly); empty for P3 (end of day) and P4. */
    public Optional<Duration> updateEvery() {
        return Optional.ofNullable(updateEvery);
    }

    public boolean isWorseThan(IncidentSeverity other) {
        return ordinal() < other.ordinal();
    }

    /** "P1 - Major degradation". */
    public String label() {
        return name() + " - " + title;
    }
}
