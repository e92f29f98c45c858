package dev.firebreak.views.session;

import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.check.ComponentChecks;
import dev.firebreak.engine.health.HealthState;
import java.util.Optional;

/**
 * Each component's health as the engine judges it (detection and the component's health checks combined, ADR
 * 0025), and what the judgement rests on: the detection history and the checks' last results.
 */
public interface HealthStatus {

    HealthState health(int componentIndex);

    /** A copy of every component's state, indexed like the topology. */
    HealthState[] healthSnapshot();

    /** How a component's health was reached: detection's state, the checks' state, severity and why. */
    HealthAssessment assessment(int componentIndex);

    /** A component's health checks per tier with their last results and verdict; empty if none speaks for it. */
    Optional<ComponentChecks> checks(String componentId);

    /** Expected bands, scores and explained anomaly markers of the recent past, from the detection that gives health. */
    DetectionHistory detectionHistory();
}
