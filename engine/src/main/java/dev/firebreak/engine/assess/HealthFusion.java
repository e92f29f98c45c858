package dev.firebreak.engine.assess;

import dev.firebreak.engine.check.HealthVerdict;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.health.HealthState;
import java.util.Objects;

/**
 * How detection and health checks combine into the health the console shows (ADR 0025), as a pure function:
 * <b>the worse of detection's state and the checks' state capped at degraded</b>; the severity is detection's
 * while detection sees anything, and {@link Severity#LOW} when the checks alone do. In cases:
 * <ol>
 * <li>a comprehensive check failed (its verdict escalates): {@link HealthState#FAILED} at
 *     {@link Severity#CRITICAL}, whatever detection sees: a scripted user flow is broken, which is user impact by
 *     definition, and the seed sends it to people;</li>
 * <li>detection sees trouble (degraded or worse): detection's state, at its severity, whatever the checks say
 *     (they confirm it, or they lag behind it); how urgent a problem is follows what users see;</li>
 * <li>the checks alone see trouble (detection healthy or recovering): {@link HealthState#DEGRADED} at
 *     {@link Severity#LOW}, however many checks fail: a lost replica while the others carry the load, or memory
 *     rising toward its limit, is worth showing but not a page;</li>
 * <li>neither sees trouble: detection's state (healthy, or recovering at info).</li>
 * </ol>
 * The checks' own verdict (and whether it asks for remediation or escalation) stays as the seed's rule gives it,
 * beside the assessment. Severities of states: healthy none, recovering info, degraded medium, critical high,
 * failed critical, as detection maps them ({@code HealthConfig}: degraded at medium, critical at high).
 */
public final class HealthFusion {

    /** The reason of a component both judgements find healthy. */
    public static final String ALL_CLEAR = "signals within their bands and every check passing";

    private HealthFusion() {
    }

    /**
     * @param detected       detection's state of the component
     * @param detectedReason why detection says so (its last health change's reason)
     * @param checked        the verdict of the component's checks
     */
    public static HealthAssessment combine(HealthState detected, String detectedReason, HealthVerdict checked) {
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(detectedReason, "detectedReason");
        Objects.requireNonNull(checked, "checked");
        HealthState fromChecks = checked.state();
        boolean checksSeeTrouble = troubled(fromChecks);
        if (checked.escalate()) {
            return new HealthAssessment(HealthState.FAILED, Severity.CRITICAL,
                    detected == HealthState.FAILED ? HealthSource.BOTH : HealthSource.CHECKS, detected, fromChecks,
                    "checks: " + checked.reason());
        }
        if (troubled(detected)) {
            return new HealthAssessment(detected, severityOf(detected),
                    checksSeeTrouble ? HealthSource.BOTH : HealthSource.DETECTION, detected, fromChecks,
                    checksSeeTrouble ? detectedReason + "; checks: " + checked.reason() : detectedReason);
        }
        if (checksSeeTrouble) {
            return new HealthAssessment(HealthState.DEGRADED, Severity.LOW, HealthSource.CHECKS, detected, fromChecks,
                    "checks only, no user-visible signal: " + checked.reason());
        }
        return new HealthAssessment(detected, severityOf(detected), HealthSource.DETECTION, detected, fromChecks,
                detected == HealthState.HEALTHY ? ALL_CLEAR : detectedReason);
    }

    /** The severity of a state detection gives: healthy none, recovering info, then medium, high, critical. */
    public static Severity severityOf(HealthState state) {
        return switch (Objects.requireNonNull(state, "state")) {
            case HEALTHY -> Severity.NONE;
            case RECOVERING -> Severity.INFO;
            case DEGRADED -> Severity.MEDIUM;
            case CRITICAL -> Severity.HIGH;
            case FAILED -> Severity.CRITICAL;
        };
    }

    /** Degraded or worse (recovering is on the way back). */
    private static boolean troubled(HealthState state) {
        return state.severity() >= HealthState.DEGRADED.severity();
    }
}
