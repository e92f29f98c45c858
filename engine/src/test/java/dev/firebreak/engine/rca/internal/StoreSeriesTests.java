package dev.firebreak.engine.rca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.StoreRetention;
import org.junit.jupiter.api.Test;

class StoreSeriesTests {

    private final MetricStore store = MetricStores.inMemory(StoreRetention.DEFAULT);

    @Test
    void seriesStartingLateAndEndingEarlyIsPlacedOnTheAxisWithGapsAsNotANumber() {
        int handle = store.register(new SeriesKey("db", MetricName.LATENCY_P99));
        for (long second = 100; second < 110; second++) {
            store.append(handle, second, second * 2);
        }

        double[] values = new StoreSeries(store, 95, 112).series("db", "LATENCY_P99").orElseThrow();

        assertThat(values).hasSize(18);
        for (int i = 0; i < values.length; i++) {
            long second = 95 + i;
            if (second < 100 || second >= 110) {
                assertThat(values[i]).as("second %d", second).isNaN();
            } else {
                assertThat(values[i]).as("second %d", second).isEqualTo(second * 2.0);
            }
        }
    }

    @Test
    void axisInsideTheSeriesTakesOnlyItsOwnSeconds() {
        int handle = store.register(new SeriesKey("db", MetricName.ERROR_RATE));
        for (long second = 100; second < 200; second++) {
            store.append(handle, second, second);
        }

        double[] values = new StoreSeries(store, 150, 159).series("db", "ERROR_RATE").orElseThrow();

        assertThat(values).containsExactly(150, 151, 152, 153, 154, 155, 156, 157, 158, 159);
    }

    @Test
    void unknownSeriesIsEmpty() {
        assertThat(new StoreSeries(store, 0, 10).series("nobody", "CPU")).isEmpty();
    }
}
