package dev.firebreak.engine.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HaltableFaultsTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    /** Keeps what it is given, as a simulator keeps scheduled and acting faults. */
    private static final class Recorded implements FaultInjector {
        final List<ActiveFault> faults = new ArrayList<>();

        @Override
        public ActiveFault inject(FaultSpec spec) {
            ActiveFault fault = new ActiveFault(faults.size() + 1, spec);
            faults.add(fault);
            return fault;
        }

        @Override
        public boolean cancel(long faultId) {
            return faults.removeIf(f -> f.id() == faultId);
        }

        @Override
        public List<ActiveFault> faults() {
            return List.copyOf(faults);
        }
    }

    private static FaultSpec latency(Instant start) {
        return new FaultSpec(FaultType.LATENCY, "catalog", Optional.empty(), 200, start, Duration.ofMinutes(10));
    }

    @Test
    void whileHaltIsLatchedNoFaultIsInjectedAndTheRefusalSaysWhy() {
        Recorded simulator = new Recorded();
        Optional<String>[] halted = new Optional[] {Optional.of("by ana: the game day went wrong")};
        HaltableFaults faults = new HaltableFaults(simulator, () -> halted[0]);

        assertThatThrownBy(() -> faults.inject(latency(NOW))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HALT is latched (by ana: the game day went wrong)");
        halted[0] = Optional.empty();
        faults.inject(latency(NOW));

        assertThat(simulator.faults()).hasSize(1);
    }

    @Test
    void endingAllCancelsTheActingAndTheScheduledFaults() {
        Recorded simulator = new Recorded();
        HaltableFaults faults = new HaltableFaults(simulator, Optional::empty);
        faults.inject(latency(NOW));
        faults.inject(latency(NOW.plus(Duration.ofMinutes(20))));

        List<ActiveFault> ended = faults.endAll();

        assertThat(ended).extracting(ActiveFault::id).containsExactly(1L, 2L);
        assertThat(simulator.faults()).isEmpty();
    }
}
