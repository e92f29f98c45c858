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

    @ParameterizedTest(name = "{0}'s traffic may go to {1}")
    @CsvSource({"postgres-primary, postgres-replica", "postgres-replica, postgres-primary", "orders-db, ''",
            "session-cache, ''", "web, web-b"})
    void trafficIsReroutedOnlyToACopyOfTheSameDataOrToAPeerThatKeepsNone(String component, String alternative) {
        Topology twoStores = topology("""
                name: two-stores
                components:
                  - {id: web, kind: service, tier: 1, team: t, capacity: 10}
                  - {id: web-b, kind: service, tier: 1, team: t, capacity: 10}
                  - {id: postgres-primary, kind: database, tier: 2, team: t, capacity: 10}
                  - {id: postgres-replica, kind: database, tier: 2, team: t, capacity: 10, replicaOf: postgres-primary}
                  - {id: orders-db, kind: database, tier: 2, team: t, capacity: 10}
                  - {id: session-cache, kind: cache, tier: 2, team: t, capacity: 10}
                  - {id: catalog-cache, kind: cache, tier: 2, team: t, capacity: 10}
                """);
        Surroundings around = new Surroundings(twoStores, component, List.of(component), Optional.empty());

        assertThat(around.parameter("alternative")).isEqualTo(alternative == null || alternative.isEmpty()
                ? Optional.empty() : Optional.of(alternative));
    }

    private static Topology topology(String yaml) {
        try {
            return TopologyLoader.loadText("two-stores.yaml", yaml);
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static Topology shop() {
        try {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
