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
    void ofRejectsNonPositiveEntryRate() {
        Topology topology = new Topology("t", List.of(component("a", 1)), List.of());

        assertThatIllegalArgumentException().isThrownBy(() -> SteadyLoad.of(topology, 0)).withMessageContaining("entry rate");
    }

    private static Component component(String id, double capacity) {
        return new Component(id, id, ComponentKind.SERVICE, 0, 1, "team", "test", capacity, "1", Optional.empty());
    }

    private static Dependency dependency(String from, String to, double callsPerRequest) {
        return new Dependency(from, to, callsPerRequest, Duration.ofSeconds(1), true);
    }
}
