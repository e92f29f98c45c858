package dev.firebreak.bench;

import dev.firebreak.app.assembly.EngineSession;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Where the seeded fault trials inject a fault of each type, so every harness picks targets the same way. */
public final class FaultTargets {

    private FaultTargets() {
    }

    /** Any component for most faults; one with a callee for those that need a peer; one with a disk to fill. */
    public static int pick(FaultType type, EngineSession engine, SplittableRandom random) {
        Topology topology = engine.topology();
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < topology.size(); c++) {
            boolean suitable = switch (type) {
                case NETWORK_PARTITION, DEPENDENCY_FAILURE -> topology.calleesOf(c).length > 0;
                case DISK_FILL -> engine.simulator().seriesHandle(c, MetricName.DISK_USED) >= 0;
                default -> true;
            };
            if (suitable) {
                candidates.add(c);
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }
}
