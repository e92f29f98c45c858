package dev.firebreak.engine.incident;

import dev.firebreak.engine.assess.HealthFusion;
import dev.firebreak.engine.check.HealthStateRule;
import dev.firebreak.engine.health.HealthState;
import java.time.Instant;

/** Health alerts as the intake makes them from detection's verdict while every check passes. */
final class DetectedAlerts {

    private DetectedAlerts() {
    }

    static Alert health(Instant at, String componentId, HealthState state, String reason) {
        return AlertIntake.fromHealth(at, componentId, HealthFusion.combine(state, reason, HealthStateRule.evaluate(0, 0, 0)));
    }
}
