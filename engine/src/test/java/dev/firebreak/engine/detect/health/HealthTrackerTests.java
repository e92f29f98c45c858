package dev.firebreak.engine.detect.health;

import static org.assertj.core.api.Assertions.assertThat;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.composite.CompositeScore;
import dev.firebreak.engine.detect.composite.Explanation;
import dev.firebreak.engine.health.HealthState;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthTrackerTests {

    private final HealthConfig config = HealthConfig.ofDefaults();
    private final HealthTracker tracker = new HealthTracker(config);

    private static CompositeScore score(double value) {
        return new CompositeScore(value, Severity.ofScore(value), new Explanation(List.of(), List.of()));
    }

    private HealthState feed(double value, int ticks) {
        HealthState state = tracker.state();
        for (int i = 0; i < ticks; i++) {
            state = tracker.update(score(value));
        }
        return state;
    }

    @Test
    void criticalComponentStaysCriticalWhileItsScoreStillShowsADeviation() {
        feed(0.8, 5);

        // the onset detectors have stopped firing, the statistical ones still see the fault
        HealthState state = feed(0.6, 600);

        assertThat(state).isEqualTo(HealthState.CRITICAL);
    }

    @Test
    void componentRecoversAndThenBecomesHealthyOnceItsSignalsAreBack() {
        feed(0.8, 5);

        HealthState recovering = feed(0.05, config.improveTicks());
        HealthState healthy = feed(0.05, config.recoveredTicks());

        assertThat(recovering).isEqualTo(HealthState.RECOVERING);
        assertThat(healthy).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void shortQuietDipsDuringAFaultDoNotCountTowardsRecovery() {
        feed(0.8, 5);

        for (int i = 0; i < 20; i++) {
            feed(0.05, config.improveTicks() - 1);
            feed(0.6, 1);
        }

        assertThat(tracker.state()).isEqualTo(HealthState.CRITICAL);
    }
}
