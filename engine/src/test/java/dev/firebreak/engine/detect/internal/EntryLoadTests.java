package dev.firebreak.engine.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import org.junit.jupiter.api.Test;

class EntryLoadTests {

    private final EntryLoad load = new EntryLoad(shop());
    private final WatchedSeries withTheSystem = series("catalog");
    private final WatchedSeries cutOff = series("notifications");

    private static WatchedSeries series(String component) {
        return new WatchedSeries(0, new SeriesKey(component, MetricName.REQUEST_RATE),
                MetricDetectionConfig.defaultFor(MetricName.REQUEST_RATE));
    }

    /** Ten minutes at the given levels, then ten seconds with the entry down 8 % and each component where it says. */
    private void fall(double catalogAfter, double notificationsAfter) {
        for (int s = 0; s < 600; s++) {
            load.update(1000);
            withTheSystem.track(300);
            cutOff.track(174);
        }
        for (int s = 0; s < 10; s++) {
            load.update(920);
            withTheSystem.track(catalogAfter);
            cutOff.track(notificationsAfter);
        }
    }

    @Test
    void trafficFallingWithTheEntrysIsLoad() {
        fall(276, 160);

        assertThat(load.explains(withTheSystem)).isTrue();
        assertThat(load.explains(cutOff)).isTrue();
    }

    @Test
    void aComponentThatLostMostOfItsTrafficWhileTheEntryFellALittleLostItOnItsOwn() {
        fall(276, 13);

        assertThat(load.explains(withTheSystem)).as("fell as far as the entry").isTrue();
        assertThat(load.explains(cutOff)).as("lost 92 % while the entry lost 8 %").isFalse();
    }

    private static Topology shop() {
        try {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
