package dev.firebreak.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fault-free steady state: the load, pools and resources a topology sized for its peak settles into. */
class SimulatorSteadyStateTests {

    /** A weekday at 15:00 UTC: the daily peak, where the seasonal factor is exactly 1. */
    private static final Instant PEAK = Instant.parse("2026-11-02T15:00:00Z");
    private static final double PEAK_RPS = 12_000;
    /** Pools are provisioned at five times the connections in use at the design peak. */
    private static final double POOL_USE_AT_DESIGN_PEAK_PERCENT = 100.0 / 5;

    @Test
    void poolsAreSizedForTheWritesAReplicaAppliesEvenWhenItComesBeforeItsPrimary() {
        // the reader is listed first, so the topological order puts the replica before its primary
        Topology topology = new Topology("replicated", List.of(
                component("reader", ComponentKind.SERVICE, 10_000, Optional.empty()),
                component("writer", ComponentKind.SERVICE, 10_000, Optional.empty()),
                component("replica", ComponentKind.DATABASE, 10_000, Optional.of("primary")),
                component("primary", ComponentKind.DATABASE, 10_000, Optional.empty())), List.of(
                new Dependency("reader", "replica", 1, Duration.ofSeconds(1), true),
                new Dependency("writer", "primary", 1, Duration.ofSeconds(1), true)));
        SimulationHarness h = new SimulationHarness(topology,
                SimulationConfig.defaults(3).withStart(PEAK).withPeakEntryRps(PEAK_RPS).quiet());

        h.run(60);

        // the replica serves 6,000 reads plus 30 % of the primary's 6,000: busier, so slower, than reads alone
        assertThat(h.latest("replica", MetricName.REQUEST_RATE)).isCloseTo(7_800, within(10.0)); // plus a few retries of background errors
        assertThat(h.latest("reader", MetricName.CONNECTIONS)).isCloseTo(POOL_USE_AT_DESIGN_PEAK_PERCENT, within(1.0));
        assertThat(h.latest("writer", MetricName.CONNECTIONS)).isCloseTo(POOL_USE_AT_DESIGN_PEAK_PERCENT, within(1.0));
    }

    @Test
    void diskFillsWithUtilisationNotWithAbsoluteTraffic() {
        // two stores at the same utilisation, one serving a hundred times the other's traffic
        Topology topology = new Topology("two-sizes", List.of(
                component("small-app", ComponentKind.SERVICE, 1_000, Optional.empty()),
                component("big-app", ComponentKind.SERVICE, 100_000, Optional.empty()),
                component("small-db", ComponentKind.DATABASE, 1_000, Optional.empty()),
                component("big-db", ComponentKind.DATABASE, 100_000, Optional.empty())), List.of(
                new Dependency("small-app", "small-db", 1, Duration.ofSeconds(1), true),
                new Dependency("big-app", "big-db", 1, Duration.ofSeconds(1), true)));
        SimulationHarness h = new SimulationHarness(topology,
                SimulationConfig.defaults(3).withStart(PEAK).withPeakEntryRps(50_500).quiet());
        h.run(1);
        double smallBefore = h.latest("small-db", MetricName.DISK_USED);
        double bigBefore = h.latest("big-db", MetricName.DISK_USED);

        h.run(3_600);

        double smallGrowth = h.latest("small-db", MetricName.DISK_USED) - smallBefore;
        double bigGrowth = h.latest("big-db", MetricName.DISK_USED) - bigBefore;
        assertThat(smallGrowth).isPositive();
        assertThat(bigGrowth).isCloseTo(smallGrowth, within(smallGrowth * 0.01));
    }

    private static Component component(String id, ComponentKind kind, double capacity, Optional<String> replicaOf) {
        return new Component(id, id, kind, kind == ComponentKind.SERVICE ? 0 : 1, 1, "team", "test", capacity, "1",
                replicaOf);
    }
}
