package dev.firebreak.engine.check;

import java.util.List;
import java.util.Objects;

/**
 * A component's health checks, their last results and the verdict {@link HealthStateRule} gives them: a copy,
 * consistent at the moment it was taken.
 *
 * @param componentId the component
 * @param verdict     what the checks say together
 * @param checks      each check, in the order they were given
 */
public record ComponentChecks(String componentId, HealthVerdict verdict, List<CheckStatus> checks) {
    public ComponentChecks {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(verdict, "verdict");
        checks = List.copyOf(checks);
    }

    /** The checks of one tier, in order. */
    public List<CheckStatus> tier(CheckTier tier) {
        return checks.stream().filter(check -> check.tier() == tier).toList();
    }
}
