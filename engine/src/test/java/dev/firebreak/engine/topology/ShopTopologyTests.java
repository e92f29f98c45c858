package dev.firebreak.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped sample topology stays loadable and keeps the promises its header comment makes. */
class ShopTopologyTests {

    /** The peak the shop's capacities are sized for, as stated in shop.yaml's header. */
    private static final double STATED_PEAK_REQUESTS_PER_SECOND = 1_500;

    private static Topology shop;

    @BeforeAll
    static void load() throws TopologyException {
        shop = TopologyLoader.loadResource("topologies/shop.yaml");
    }

    @Test
    void shopLoadsWithItsComponentsAndDependencies() {
        assertThat(shop.name()).isEqualTo("shop");
        assertThat(shop.size()).isBetween(22, 30);
        assertThat(shop.topologicalOrder()).hasSize(shop.size());
    }

    @Test
    void shopEntersOnlyThroughTheGateway() {
        assertThat(Arrays.stream(shop.entryPoints()).mapToObj(i -> shop.component(i).id())).containsExactly("gateway");
    }

    @Test
    void shopHasADatabaseReplicaOfItsPrimary() {
        Component replica = shop.find("postgres-replica").orElseThrow();

        assertThat(replica.kind()).isEqualTo(ComponentKind.DATABASE);
        assertThat(replica.replicaOf()).isEqualTo(Optional.of("postgres-primary"));
    }

    @Test
    void shopTreatsRecommendationsAsOptional() {
        assertThat(shop.dependencies()).filteredOn(d -> d.calleeId().equals("recommendations"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.required()).isFalse());
    }

    @Test
    void shopRunsBetweenFortyAndSeventyPercentAtItsStatedPeak() {
        SteadyLoad load = SteadyLoad.of(shop, STATED_PEAK_REQUESTS_PER_SECOND);

        for (int i = 0; i < shop.size(); i++) {
            assertThat(load.utilisation(i)).as(shop.component(i).id()).isBetween(0.40, 0.70);
        }
    }
}
