package dev.firebreak.views.session;

import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.health.HealthState;

/** Each component's health as the engine judges it, and the detection history behind the judgement. */
public interface HealthStatus {

    HealthState health(int componentIndex);

    /** A copy of every component's state, indexed like the topology. */
    HealthState[] healthSnapshot();

    /** Expected bands, scores and explained anomaly markers of the recent past, from the detection that gives health. */
    DetectionHistory detectionHistory();
}
