package dev.firebreak.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyCatalogTests {

    @Test
    void shopIsTheShippedShopTopology() throws TopologyException {
        Topology shop = TopologyCatalog.resolve("shop", 1);

        assertThat(shop.size()).isBetween(20, 35);
        assertThat(shop.find("payments")).isPresent();
    }

    @Test
    void syntheticTakesItsSizeFromTheChoice() throws TopologyException {
        assertThat(TopologyCatalog.resolve("synthetic:300", 1).size()).isEqualTo(300);
        assertThat(TopologyCatalog.resolve("synthetic", 1).size()).isEqualTo(TopologyCatalog.DEFAULT_SYNTHETIC_SIZE);
    }

    @Test
    void aFileIsLoadedAndItsErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "name: mine\ncomponents:\n  - id: a\n    kind: service\n    tier: 0\n    team: t\n    capacity: -3\n");

        assertThatThrownBy(() -> TopologyCatalog.resolve(file.toString(), 1))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("mine.yaml")
                .hasMessageContaining("capacity");
    }

    @Test
    void unknownChoicesAreNamed() {
        assertThatThrownBy(() -> TopologyCatalog.resolve("shopp", 1)).hasMessageContaining("'shopp'");
        assertThatThrownBy(() -> TopologyCatalog.resolve("synthetic:lots", 1)).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> TopologyCatalog.resolve("synthetic:5", 1)).hasMessageContaining("between 10 and 20000");
    }
}
