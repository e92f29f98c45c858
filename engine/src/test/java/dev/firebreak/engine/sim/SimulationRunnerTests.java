package dev.firebreak.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulationRunnerTests {

    @Test
    void runForAdvancesExactlyTheSimulatedDuration() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);

        SimulationRunner.runFor(h.simulator, Duration.ofMinutes(2));

        assertThat(h.simulator.ticks()).isEqualTo(120);
        assertThat(h.clock.instant()).isEqualTo(SimulationHarness.AFTERNOON.plusSeconds(120));
    }

    @Test
    void speedOutsideRangeIsRejected() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);

        assertThatThrownBy(() -> new SimulationRunner(h.simulator, 0.05)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed");
        try (SimulationRunner runner = new SimulationRunner(h.simulator, 1)) {
            assertThatThrownBy(() -> runner.setSpeed(4000)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> runner.setSpeed(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            runner.setSpeed(60);
            assertThat(runner.speed()).isEqualTo(60);
        }
    }

    @Test
    void pauseAndResumeToggleState() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);
        try (SimulationRunner runner = new SimulationRunner(h.simulator, 1)) {
            assertThat(runner.isPaused()).isFalse();

            runner.pause();
            assertThat(runner.isPaused()).isTrue();
            runner.resume();

            assertThat(runner.isPaused()).isFalse();
        }
    }

    @Test
    void closeStopsTheSimulationThread() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);
        SimulationRunner runner = new SimulationRunner(h.simulator, 1);
        runner.pause();
        runner.start();
        assertThat(runner.isRunning()).isTrue();

        runner.close();

        assertThat(runner.isRunning()).isFalse();
        assertThatThrownBy(runner::start).isInstanceOf(IllegalStateException.class);
    }
}
