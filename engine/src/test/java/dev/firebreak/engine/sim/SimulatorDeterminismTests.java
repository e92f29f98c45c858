package dev.firebreak.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.telemetry.MetricName;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorDeterminismTests {

    /** A noisy weekday morning with bursts and routine deployments, plus a fault, so every random path runs. */
    private static SimulationHarness run(long seed) {
        SimulationConfig config = new SimulationConfig(seed, Instant.parse("2026-11-03T09:30:00Z"), 1200, 0.1, 0.5, true);
        SimulationHarness h = new SimulationHarness(config);
        h.simulator.inject(new FaultSpec(FaultType.PACKET_LOSS, "catalog", Optional.empty(), 0.2,
                h.clock.instant().plusSeconds(300), Duration.ofMinutes(5)));
        h.run(900);
        return h;
    }

    @Test
    void sameSeedGivesBitIdenticalSeries() {
        SimulationHarness first = run(42);
        SimulationHarness second = run(42);

        assertThat(second.store.seriesCount()).isEqualTo(first.store.seriesCount());
        for (int handle = 0; handle < first.store.seriesCount(); handle++) {
            assertThat(second.store.key(handle)).isEqualTo(first.store.key(handle));
            assertThat(second.store.all(handle)).as(first.store.key(handle).toString()).isEqualTo(first.store.all(handle));
        }
        assertThat(second.events).hasSameSizeAs(first.events);
    }

    @Test
    void differentSeedGivesDifferentSeries() {
        SimulationHarness first = run(42);
        SimulationHarness second = run(43);

        int handle = first.handle("gateway", MetricName.REQUEST_RATE);
        assertThat(second.store.all(handle)).isNotEqualTo(first.store.all(handle));
    }
}
