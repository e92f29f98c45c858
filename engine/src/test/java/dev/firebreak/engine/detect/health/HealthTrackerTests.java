package dev.firebreak.engine.detect.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.composite.CompositeScore;
import dev.firebreak.engine.detect.composite.Explanation;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.lifecycle.IllegalTransitionException;
import dev.firebreak.engine.lifecycle.StateMachine;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
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

    @Test
    void failedComponentPassesThroughRecoveringBeforeItIsHealthy() {
        feed(0.99, 1);
        assertThat(tracker.state()).isEqualTo(HealthState.FAILED);

        HealthState afterImproveTicks = feed(0.05, config.improveTicks());

        assertThat(afterImproveTicks).isEqualTo(HealthState.RECOVERING);
    }

    @Test
    void theTableRefusesAFailedComponentGoingStraightToHealthy() {
        StateMachine<HealthState> machine = new StateMachine<>(HealthTracker.TRANSITIONS, HealthState.FAILED);

        assertThatThrownBy(() -> machine.moveTo(HealthState.HEALTHY))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("illegal transition from FAILED to HEALTHY")
                .hasMessageContaining("only RECOVERING allowed");
        assertThat(machine.state()).isEqualTo(HealthState.FAILED);
    }

    @Test
    void theTableRefusesStepsDownThatAreStillADeviation() {
        assertThat(HealthTracker.TRANSITIONS.allows(HealthState.CRITICAL, HealthState.DEGRADED)).isFalse();
        assertThat(HealthTracker.TRANSITIONS.allows(HealthState.DEGRADED, HealthState.HEALTHY)).isFalse();
        assertThat(HealthTracker.TRANSITIONS.allows(HealthState.HEALTHY, HealthState.RECOVERING)).isFalse();
    }

    @Test
    void theTableListsExactlyTheMovesTrackersMake() {
        // short hysteresis so that random scores reach every state often; scores near every threshold
        HealthConfig quick = new HealthConfig(Severity.MEDIUM, Severity.HIGH, 0.97, 2, 3, 4);
        double[] levels = {0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99};
        Map<HealthState, Set<HealthState>> seen = new EnumMap<>(HealthState.class);
        for (HealthState state : HealthState.values()) {
            seen.put(state, EnumSet.noneOf(HealthState.class));
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int run = 0; run < 200; run++) {
            HealthTracker walker = new HealthTracker(quick);
            HealthState before = walker.state();
            for (int tick = 0; tick < 500; tick++) {
                // runs of one level, as a fault's score holds for a while
                double value = levels[random.nextInt(levels.length)];
                for (int k = random.nextInt(1, 8); k > 0; k--) {
                    HealthState after = walker.update(score(value));
                    if (after != before) {
                        seen.get(before).add(after);
                    }
                    before = after;
                }
            }
        }

        for (HealthState state : HealthState.values()) {
            assertThat(seen.get(state)).as("moves from %s", state).isEqualTo(HealthTracker.TRANSITIONS.from(state));
        }
    }
}
