package dev.firebreak.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.check.HealthStateRule;
import dev.firebreak.engine.check.HealthVerdict;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.health.HealthState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HealthFusionTests {

    private static final HealthVerdict ALL_PASS = HealthStateRule.evaluate(0, 0, 0);
    private static final HealthVerdict ONE_SHALLOW = HealthStateRule.evaluate(1, 0, 0);
    private static final HealthVerdict THREE_SHALLOW = HealthStateRule.evaluate(3, 0, 0);
    private static final HealthVerdict DEEP = HealthStateRule.evaluate(0, 1, 0);
    private static final HealthVerdict FLOW = HealthStateRule.evaluate(0, 0, 1);

    private static HealthVerdict verdict(String name) {
        return switch (name) {
            case "pass" -> ALL_PASS;
            case "1-shallow" -> ONE_SHALLOW;
            case "3-shallow" -> THREE_SHALLOW;
            case "deep" -> DEEP;
            case "flow" -> FLOW;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The worse of detection's state and the checks' capped at degraded; low severity when the checks alone see it. */
    @ParameterizedTest(name = "detected {0}, checks {1} -> {2} at {3} from {4}")
    @CsvSource({
        "HEALTHY,    pass,      HEALTHY,    NONE,     DETECTION",
        "DEGRADED,   pass,      DEGRADED,   MEDIUM,   DETECTION",
        "CRITICAL,   1-shallow, CRITICAL,   HIGH,     BOTH",
        "RECOVERING, pass,      RECOVERING, INFO,     DETECTION",
        "HEALTHY,    1-shallow, DEGRADED,   LOW,      CHECKS",
        "HEALTHY,    3-shallow, DEGRADED,   LOW,      CHECKS",
        "HEALTHY,    deep,      DEGRADED,   LOW,      CHECKS",
        "RECOVERING, 3-shallow, DEGRADED,   LOW,      CHECKS",
        "DEGRADED,   3-shallow, DEGRADED,   MEDIUM,   BOTH",
        "DEGRADED,   deep,      DEGRADED,   MEDIUM,   BOTH",
        "FAILED,     3-shallow, FAILED,     CRITICAL, BOTH",
        "HEALTHY,    flow,      FAILED,     CRITICAL, CHECKS",
        "FAILED,     flow,      FAILED,     CRITICAL, BOTH",
    })
    void assessmentFollowsTheRuleOfAdr0025(HealthState detected, String checks, HealthState state, Severity severity,
            HealthSource source) {
        HealthAssessment assessment = HealthFusion.combine(detected, "detection: something", verdict(checks));

        assertThat(assessment.state()).isEqualTo(state);
        assertThat(assessment.severity()).isEqualTo(severity);
        assertThat(assessment.source()).isEqualTo(source);
        assertThat(assessment.detected()).isEqualTo(detected);
        assertThat(assessment.checked()).isEqualTo(verdict(checks).state());
    }

    @Test
    void checkOnlyDegradationSaysNoUserVisibleSignalAndWhatTheChecksFound() {
        HealthVerdict instanceDown = new HealthVerdict(HealthState.CRITICAL, true, true, false,
                "3 shallow failures: unhealthy (critical), remediation may act (failing: cart/instances)");

        HealthAssessment assessment = HealthFusion.combine(HealthState.HEALTHY, "detection: nothing seen", instanceDown);

        assertThat(assessment.reason()).isEqualTo("checks only, no user-visible signal: 3 shallow failures: unhealthy"
                + " (critical), remediation may act (failing: cart/instances)");
    }

    @Test
    void healthyByBothSaysSo() {
        assertThat(HealthFusion.combine(HealthState.HEALTHY, "detection: signals back within their bands", ALL_PASS)
                .reason()).isEqualTo(HealthFusion.ALL_CLEAR);
    }

    @Test
    void severityOfEveryStateMatchesDetectionsMapping() {
        assertThat(HealthFusion.severityOf(HealthState.DEGRADED)).isEqualTo(Severity.MEDIUM);
        assertThat(HealthFusion.severityOf(HealthState.CRITICAL)).isEqualTo(Severity.HIGH);
        assertThat(HealthFusion.severityOf(HealthState.FAILED)).isEqualTo(Severity.CRITICAL);
    }
}
