package dev.firebreak.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyLoader;
import org.junit.jupiter.api.Test;

class RiskAndCriticalityTests {

    @Test
    void sharedDatabaseIsMoreCriticalThanALeafService() throws TopologyException {
        Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");

        Criticality criticality = Criticality.of(shop);

        assertThat(criticality.of("postgres-primary")).isGreaterThan(criticality.of("email-provider"));
        assertThat(criticality.of("gateway")).isGreaterThan(0);
        assertThat(criticality.of("no-such-component")).isZero();
        for (int c = 0; c < shop.size(); c++) {
            assertThat(criticality.of(c)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void riskGrowsWithEachInput() {
        RiskWeights weights = RiskWeights.DEFAULT;

        double base = weights.risk(0.5, 0, 0);

        assertThat(weights.risk(0.9, 0, 0)).isGreaterThan(base);
        assertThat(weights.risk(0.5, 0.8, 0)).isGreaterThan(base);
        assertThat(weights.risk(0.5, 0, 1)).isGreaterThan(base);
        assertThat(weights.risk(1, 1, 1)).isCloseTo(1, within(1e-12));
        assertThat(weights.risk(0, 0, 1)).isZero();
    }

    @Test
    void riskRejectsInputsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> RiskWeights.DEFAULT.risk(0.5, 1.5, 0))
                .hasMessageContaining("anomalyScore must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> new RiskWeights(-0.1, 0.5)).hasMessageContaining("anomalyWeight");
    }
}
