package dev.firebreak.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalHealthRuleTests {

    private static final double P50 = 20;
    private static final double P99 = 100;

    private final SignalHealthRule rule = new SignalHealthRule(1, SignalHealthRule.Thresholds.defaults());

    private HealthState feed(int ticks, double errors, double latencyFactor, double availability, double saturation) {
        HealthState state = null;
        for (int i = 0; i < ticks; i++) {
            state = rule.evaluate(0, errors, P50 * latencyFactor, P99 * latencyFactor, availability, saturation);
        }
        return state;
    }

    @Test
    void normalSignalsStayHealthy() {
        assertThat(feed(100, 0.001, 1, 1, 0.5)).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void errorsAboveCriticalThresholdMakeComponentCritical() {
        feed(60, 0.001, 1, 1, 0.5);

        assertThat(feed(1, 0.3, 1, 1, 0.5)).isEqualTo(HealthState.HEALTHY);
        assertThat(feed(5, 0.3, 1, 1, 0.5)).isEqualTo(HealthState.CRITICAL);
        assertThat(rule.reason(0)).contains("error rate 30.0%");
    }

    @Test
    void noAvailabilityFailsImmediately() {
        feed(60, 0.001, 1, 1, 0.5);

        assertThat(feed(1, 1, 1, 0, 0)).isEqualTo(HealthState.FAILED);
    }

    @Test
    void latencyFarAboveBaselineDegrades() {
        feed(60, 0.001, 1, 1, 0.5);

        assertThat(feed(5, 0.001, 3, 1, 0.5)).isEqualTo(HealthState.DEGRADED);
    }

    @Test
    void signalHoveringAroundThresholdDoesNotFlap() {
        feed(60, 0.001, 1, 1, 0.5);
        feed(5, 0.03, 1, 1, 0.5);
        List<HealthState> states = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            states.add(feed(1, i % 2 == 0 ? 0.025 : 0.018, 1, 1, 0.5));
        }

        assertThat(states).containsOnly(HealthState.DEGRADED);
    }

    @Test
    void improvingComponentRecoversBeforeBecomingHealthy() {
        feed(60, 0.001, 1, 1, 0.5);
        feed(10, 0.5, 1, 1, 0.5);

        HealthState afterImproving = feed(15, 0.001, 1, 1, 0.5);
        HealthState afterWhile = feed(100, 0.001, 1, 1, 0.5);

        assertThat(afterImproving).isEqualTo(HealthState.RECOVERING);
        assertThat(afterWhile).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void baselineIsNotLearnedDuringIncident() {
        feed(60, 0.001, 1, 1, 0.5);
        double baseline = rule.baselineLatencyMs(0);

        feed(600, 0.001, 4, 1, 0.5);

        assertThat(rule.baselineLatencyMs(0)).isEqualTo(baseline);
        assertThat(rule.state(0)).isEqualTo(HealthState.DEGRADED);
    }
}
