package dev.firebreak.engine.assess;

import dev.firebreak.engine.check.HealthVerdict;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.health.HealthState;
import java.util.Objects;

/**
 * How detection and health checks combine into the health the console shows (ADR 0025), as a pure function:
 * <ol>
 * <li>a comprehensive check failed (its verdict escalates): {@link HealthState#FAILED} at
 *     {@link Severity#CRITICAL}, whatever detection sees: a scripted user flow is broken, which is user impact by
 *     definition, and the seed sends it to people;</li>
 * <li>the checks see nothing worse than detection: detection's state, at its severity;</li>
 * <li>detection sees users affected (degraded or worse) and the checks see worse: the checks' state, at its
 *     severity (a failing deep check turns a degraded component critical);</li>
 * <li>the checks alone see trouble (detection healthy or recovering): {@link HealthState#DEGRADED} at
 *     {@link Severity#LOW}, whatever the checks' own state: a lost replica while the others carry the load, or
 *     memory rising toward its limit, is worth showing but not a page. The checks' verdict (and whether it asks
 *     for remediation) stays as the seed's rule gives it, beside the assessment.</li>
 * </ol>
 * Severities of states: healthy none, recovering info, degraded medium, critical high, failed critical, as
 * detection maps them ({@code HealthConfig}: degraded at medium, critical at high).
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
        if (checked.escalate()) {
            return new HealthAssessment(HealthState.FAILED, Severity.CRITICAL,
                    detected == HealthState.FAILED ? HealthSource.BOTH : HealthSource.CHECKS, detected, fromChecks,
                    "checks: " + checked.reason());
        }
        if (!fromChecks.isWorseThan(detected)) {
            String reason = detected == HealthState.HEALTHY && fromChecks == HealthState.HEALTHY ? ALL_CLEAR
                    : fromChecks == HealthState.HEALTHY ? detectedReason
                    : detectedReason + "; checks: " + checked.reason();
            return new HealthAssessment(detected, severityOf(detected), HealthSource.DETECTION, detected, fromChecks,
                    reason);
        }
        if (usersAffected(detected)) {
            return new HealthAssessment(fromChecks, severityOf(fromChecks), HealthSource.BOTH, detected, fromChecks,
                    "checks: " + checked.reason() + "; " + detectedReason);
        }
        return new HealthAssessment(HealthState.DEGRADED, Severity.LOW, HealthSource.CHECKS, detected, fromChecks,
                "checks only, no user-visible signal: " + checked.reason());
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

    /** Whether detection sees the component's users affected: degraded or worse (recovering is on the way back). */
    private static boolean usersAffected(HealthState detected) {
        return detected.severity() >= HealthState.DEGRADED.severity();
    }
}
