package dev.firebreak.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SteadyLoadTests {

    @Test
    void loadMultipliesByFanOutAndAddsUpAtSharedCallees() {
        Topology topology = new Topology("t", List.of(
                component("a", 100), component("b", 100), component("c", 1000), component("db", 400)), List.of(
                dependency("a", "db", 2.0), dependency("b", "c", 3.0), dependency("c", "db", 0.5)));

        SteadyLoad load = SteadyLoad.of(topology, 200);

        // a and b are both entry points and get 100 each; db gets 100*2 from a and 300*0.5 from c.
        assertThat(load.requestsPerSecond(topology.indexOf("c"))).isCloseTo(300, within(1e-9));
        assertThat(load.requestsPerSecond(topology.indexOf("db"))).isCloseTo(350, within(1e-9));
        assertThat(load.utilisation(topology.indexOf("db"))).isCloseTo(350.0 / 400, within(1e-9));
    }

    @Test
    void entryTrafficSplitsOverEntryPointsByCapacity() {
        Topology topology = new Topology("t", List.of(component("big", 300), component("small", 100)), List.of());

        SteadyLoad load = SteadyLoad.of(topology, 400);

        assertThat(load.requestsPerSecond(topology.indexOf("big"))).isCloseTo(300, within(1e-9));
        assertThat(load.requestsPerSecond(topology.indexOf("small"))).isCloseTo(100, within(1e-9));
    }

    @Test
    void cachePassesOnlyItsMissesToWhatIsBehindIt() {
        Topology topology = new Topology("t", List.of(component("app", 100),
                component("cache", ComponentKind.CACHE, 1000, Optional.empty()), component("db", 100)), List.of(
                dependency("app", "cache", 2.0), dependency("cache", "db", 1.0)));

        SteadyLoad load = SteadyLoad.of(topology, 100);

        assertThat(load.requestsPerSecond(topology.indexOf("cache"))).isCloseTo(200, within(1e-9));
        assertThat(load.requestsPerSecond(topology.indexOf("db")))
                .isCloseTo(200 * (1 - SteadyLoad.CACHE_HIT_RATIO), within(1e-9));
    }

    @Test
    void replicaAppliesItsPrimarysWritesWhicheverComesFirstInTheOrder() {
        // the reader is listed first, so the topological order reaches the replica before its primary
        Topology topology = new Topology("t", List.of(component("reader", 100), component("writer", 100),
                component("replica", ComponentKind.DATABASE, 1000, Optional.of("primary")),
                component("primary", ComponentKind.DATABASE, 1000, Optional.empty())), List.of(
                dependency("reader", "replica", 1.0), dependency("writer", "primary", 2.0)));

        SteadyLoad load = SteadyLoad.of(topology, 200);

        assertThat(load.requestsPerSecond(topology.indexOf("primary"))).isCloseTo(200, within(1e-9));
        assertThat(load.requestsPerSecond(topology.indexOf("replica")))
                .isCloseTo(100 + SteadyLoad.REPLICA_WRITE_FRACTION * 200, within(1e-9));
    }

    @Test
    void ofRejectsNonPositiveEntryRate() {
        Topology topology = new Topology("t", List.of(component("a", 1)), List.of());

        assertThatIllegalArgumentException().isThrownBy(() -> SteadyLoad.of(topology, 0)).withMessageContaining("entry rate");
    }

    private static Component component(String id, double capacity) {
        return component(id, ComponentKind.SERVICE, capacity, Optional.empty());
    }

    private static Component component(String id, ComponentKind kind, double capacity, Optional<String> replicaOf) {
        return new Component(id, id, kind, 0, 1, "team", "test", capacity, "1", replicaOf);
    }

    private static Dependency dependency(String from, String to, double callsPerRequest) {
        return new Dependency(from, to, callsPerRequest, Duration.ofSeconds(1), true);
    }
}
