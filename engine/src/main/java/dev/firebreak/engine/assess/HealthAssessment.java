package dev.firebreak.engine.assess;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.health.HealthState;
import java.util.Objects;

/**
 * A component's health with what it rests on (ADR 0025).
 *
 * @param state    the health the console shows
 * @param severity how urgent: {@link Severity#LOW} for what the checks alone see while users are unaffected (not
 *                 a page), the detected state's severity otherwise
 * @param source   which judgement set the state
 * @param detected detection's state of the component
 * @param checked  the state its health checks give
 * @param reason   why, in words a person can read
 */
public record HealthAssessment(HealthState state, Severity severity, HealthSource source, HealthState detected,
        HealthState checked, String reason) {

    public HealthAssessment {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(reason, "reason");
    }

    /** Healthy by both judgements, before anything was seen. */
    public static HealthAssessment healthy() {
        return new HealthAssessment(HealthState.HEALTHY, Severity.NONE, HealthSource.DETECTION, HealthState.HEALTHY,
                HealthState.HEALTHY, HealthFusion.ALL_CLEAR);
    }
}
