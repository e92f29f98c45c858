package dev.firebreak.engine.heal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurroundingsTests {

    private static final Topology SHOP = shop();

    @ParameterizedTest(name = "{0} runs as a {1}")
    @CsvSource({"web, deployment", "gateway, deployment", "postgres-primary, statefulset", "session-cache, statefulset",
            "kafka, statefulset", "search-index, statefulset", "media-store, statefulset"})
    void aComponentsWorkloadIsAStatefulSetExactlyWhenItsPodsKeepData(String component, String workload) {
        Surroundings around = new Surroundings(SHOP, component, List.of(component), Optional.empty());

        assertThat(around.parameter("workload")).contains(workload);
    }

    private static Topology shop() {
        try {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
