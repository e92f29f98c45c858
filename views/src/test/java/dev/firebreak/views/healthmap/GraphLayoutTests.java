package dev.firebreak.views.healthmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.testing.Topologies;
import org.junit.jupiter.api.Test;

class GraphLayoutTests {

    private final Topology shop = Topologies.shop();

    @Test
    void everyEdgePointsToALowerLayer() {
        GraphLayout layout = GraphLayout.compute(shop, 150, 30, 60, 12);

        for (int caller = 0; caller < shop.size(); caller++) {
            for (int callee : shop.calleesOf(caller)) {
                assertThat(layout.layer()[callee]).isGreaterThan(layout.layer()[caller]);
            }
        }
    }

    @Test
    void nodesInTheSameLayerDoNotOverlap() {
        GraphLayout layout = GraphLayout.compute(shop, 150, 30, 60, 12);

        for (int a = 0; a < shop.size(); a++) {
            for (int b = a + 1; b < shop.size(); b++) {
                if (layout.layer()[a] == layout.layer()[b]) {
                    assertThat(Math.abs(layout.x()[a] - layout.x()[b])).isGreaterThanOrEqualTo(150 + 12);
                }
            }
        }
    }

    @Test
    void barycenterOrderingHasFewerCrossingsThanDeclarationOrder() {
        GraphLayout ordered = GraphLayout.compute(shop, 150, 30, 60, 12);
        GraphLayout unordered = GraphLayout.computeWithoutOrdering(shop, 150, 30, 60, 12);

        int crossings = GraphLayout.crossings(shop, ordered);

        assertThat(crossings).isLessThan(GraphLayout.crossings(shop, unordered));
    }
}
