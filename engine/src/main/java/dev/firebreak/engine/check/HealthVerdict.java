package dev.firebreak.engine.check;

import dev.firebreak.engine.health.HealthState;
import java.util.Objects;

/**
 * What a component's check results mean, and what should happen next.
 *
 * @param state       the health the checks give
 * @param triggerDeep run the deep checks now (shallow checks are failing)
 * @param remediate   the component is unhealthy: automatic remediation may act
 * @param escalate    a comprehensive flow failed: people must look
 * @param reason      why, in words
 */
public record HealthVerdict(HealthState state, boolean triggerDeep, boolean remediate, boolean escalate,
        String reason) {
    public HealthVerdict {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }
}
