package dev.firebreak.app.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.check.CheckFileException;
import dev.firebreak.engine.check.HealthCheck;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyGenerator;
import dev.firebreak.views.testing.Topologies;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealChecksTests {

    private final Topology shop = Topologies.shop();

    @Test
    void checksFileIsRefusedAtStartWhenItDoesNotFitTheStartingTopology(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("checks.yaml");
        Files.writeString(file, "checks:\n  - component: payments\n    tcp: localhost:5432\n");

        assertThatThrownBy(() -> RealChecks.fromFile(file, TopologyGenerator.generate(50, 1)))
                .isInstanceOf(CheckFileException.class).hasMessageContaining("unknown component 'payments'");
    }

    @Test
    void sessionOnAnotherTopologyRunsWithoutTheFileAndTheShopKeepsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("checks.yaml");
        Files.writeString(file, "checks:\n  - component: payments\n    tcp: localhost:5432\n");
        RealChecks checks = RealChecks.fromFile(file, shop);

        assertThat(checks.forTopology(TopologyGenerator.generate(50, 1))).isEmpty();
        assertThat(checks.forTopology(shop)).extracting(HealthCheck::id).containsExactly("payments/tcp");
        assertThat(RealChecks.none().forTopology(shop)).isEmpty();
    }
}
