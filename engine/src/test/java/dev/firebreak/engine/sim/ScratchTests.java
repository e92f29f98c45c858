package dev.firebreak.engine.sim;

import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.telemetry.MetricName;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScratchTests {
    @Test
    void dump() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);
        h.run(120);
        print(h, "baseline");
        String t = System.getProperty("fault", "LATENCY");
        String target = System.getProperty("target", "catalog");
        FaultType type = FaultType.valueOf(t);
        h.simulator.inject(new FaultSpec(type, target, type.needsPeer() ? Optional.of(System.getProperty("peer", "redis")) : Optional.empty(),
                Double.parseDouble(System.getProperty("mag", String.valueOf(type.defaultMagnitude()))), h.clock.instant(), Duration.ofMinutes(10)));
        h.run(Integer.getInteger("secs", 60));
        print(h, "fault");
        h.run(700);
        print(h, "after");
        System.out.println(h.eventsOf(dev.firebreak.engine.health.ComponentHealthChanged.class));
    }

    static void print(SimulationHarness h, String label) {
        System.out.println("== " + label);
        for (var c : h.topology.components()) {
            int i = h.index(c.id());
            StringBuilder sb = new StringBuilder(String.format("%-18s", c.id()));
            for (MetricName m : MetricName.values()) {
                int hd = h.simulator.seriesHandle(i, m);
                if (hd >= 0) sb.append(String.format(" %s=%.2f", m.name().toLowerCase().replace("latency_", ""), h.store.latest(hd)));
            }
            sb.append(" ").append(h.simulator.health(i));
            System.out.println(sb);
        }
    }
}
