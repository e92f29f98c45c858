package dev.firebreak.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.telemetry.MetricName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatorFaultCatalogueTests {

    private static final int WINDOW = 120;
    /** Long enough for the slow faults (a leak, a filling disk) to move at their default rate. */
    private static final int FAULT_WINDOW = 300;
    private static final double MIN_RELATIVE_CHANGE = 0.10;

    @ParameterizedTest
    @EnumSource(FaultType.class)
    void everyFaultTypeMovesSignalOfTargetOrNeighbours(FaultType type) {
        SimulationHarness h = SimulationHarness.quietAfternoon(11);
        h.run(WINDOW);
        String target = targetFor(type);
        List<Integer> handles = handlesAround(h, target);
        double[] before = new double[handles.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = meanOf(h.store.recent(handles.get(i), 60).values());
        }

        h.simulator.inject(new FaultSpec(type, target, peerFor(type), type.defaultMagnitude(), h.clock.instant(),
                Duration.ofMinutes(10)));
        h.run(FAULT_WINDOW);

        double largestChange = 0;
        String moved = "nothing";
        for (int i = 0; i < before.length; i++) {
            for (double value : h.store.recent(handles.get(i), FAULT_WINDOW).values()) {
                double change = Math.abs(value - before[i]) / Math.max(Math.abs(before[i]), 1);
                if (change > largestChange) {
                    largestChange = change;
                    moved = h.store.key(handles.get(i)).toString();
                }
            }
        }
        assertThat(largestChange).as("largest relative change (%s) after %s on %s", moved, type, target)
                .isGreaterThan(MIN_RELATIVE_CHANGE);
    }

    private static String targetFor(FaultType type) {
        return switch (type) {
            case DISK_FILL -> "postgres";
            case CLOCK_SKEW -> "auth";
            case NETWORK_PARTITION, DEPENDENCY_FAILURE -> "web";
            default -> "catalog";
        };
    }

    private static Optional<String> peerFor(FaultType type) {
        return switch (type) {
            case NETWORK_PARTITION -> Optional.of("catalog");
            case DEPENDENCY_FAILURE -> Optional.of("auth");
            default -> Optional.empty();
        };
    }

    private static List<Integer> handlesAround(SimulationHarness h, String target) {
        int index = h.index(target);
        List<Integer> components = new ArrayList<>();
        components.add(index);
        for (int caller : h.topology.callersOf(index)) {
            components.add(caller);
        }
        for (int callee : h.topology.calleesOf(index)) {
            components.add(callee);
        }
        List<Integer> handles = new ArrayList<>();
        for (int component : components) {
            for (MetricName metric : MetricName.values()) {
                int handle = h.simulator.seriesHandle(component, metric);
                if (handle >= 0) {
                    handles.add(handle);
                }
            }
        }
        return handles;
    }

    private static double meanOf(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
