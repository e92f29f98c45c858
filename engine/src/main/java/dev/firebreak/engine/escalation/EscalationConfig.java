package dev.firebreak.engine.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Escalation policies (the first that applies wins, so the catch-all goes last), on-call rotations, and the
 * thresholds of the auto-escalation triggers.
 *
 * @param policies             in order of precedence
 * @param rotations            by name
 * @param remediationAttempts  failed remediations before moving up a level (seed: 3)
 * @param blastRadiusFactor    affected components beyond this many times the initial count raise to P1 (seed: 2)
 * @param prolongedAfter       an incident still open this long after detection moves up a level (seed: 1 h)
 * @param customerReports      customer reports beyond this many raise to P1 (seed: 10)
 */
public record EscalationConfig(List<EscalationPolicy> policies, Map<String, OnCallRotation> rotations,
        int remediationAttempts, double blastRadiusFactor, Duration prolongedAfter, int customerReports) {

    public EscalationConfig {
        policies = List.copyOf(policies);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one escalation policy is needed");
        }
        rotations = Map.copyOf(new TreeMap<>(rotations));
        if (remediationAttempts < 1) {
            throw new IllegalArgumentException("remediationAttempts must be at least 1, was " + remediationAttempts);
        }
        if (!(blastRadiusFactor > 1)) {
            throw new IllegalArgumentException("blastRadiusFactor must be above 1, was " + blastRadiusFactor);
        }
        Objects.requireNonNull(prolongedAfter, "prolongedAfter");
        if (customerReports < 1) {
            throw new IllegalArgumentException("customerReports must be at least 1, was " + customerReports);
        }
    }

    public Optional<OnCallRotation> rotation(String name) {
        return Optional.ofNullable(rotations.get(name));
    }
}
