package dev.firebreak.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The load context (ADR 0010, 0014) on constructed series: a gateway where traffic enters and a backend
 * behind it, latency with 2 % noise. Which side the entry traffic moves decides what it explains.
 */
class LoadMoveDetectionTests {

    private static final long START = Instant.parse("2026-11-02T14:00:00Z").getEpochSecond();
    private static final int WARM_UP = 600;
    private static final double ENTRY = 1000;
    private static final double LATENCY = 100;

    private final Topology topology = new Topology("two", List.of(component("gateway"), component("backend")),
            List.of(new Dependency("gateway", "backend", 1, Duration.ofSeconds(1), true)));
    private final MetricStore store = MetricStores.inMemory();
    private final EventBus bus = new EventBus();
    private final List<AnomalyDetected> anomalies = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(5);
    private final int entry = store.register(new SeriesKey("gateway", MetricName.REQUEST_RATE));
    private final int backendRate = store.register(new SeriesKey("backend", MetricName.REQUEST_RATE));
    private final int backendLatency = store.register(new SeriesKey("backend", MetricName.LATENCY_P99));
    private long now = START;

    LoadMoveDetectionTests() {
        new DetectionEngine(topology, store, bus, DetectionConfig.ofDefaults()).start();
        bus.subscribe(AnomalyDetected.class, anomalies::add);
        run(WARM_UP, 1, 0);
        anomalies.clear();
    }

    private static Component component(String id) {
        return new Component(id, id, ComponentKind.SERVICE, 0, 1, "team", "test", 10_000, "1", Optional.empty());
    }

    /** Seconds of traffic at {@code load} times the usual entry rate, the backend's latency raised by {@code extraMs}. */
    private void run(int seconds, double load, double extraMs) {
        for (int s = 0; s < seconds; s++) {
            double traffic = ENTRY * load * (1 + 0.01 * random.nextGaussian());
            store.append(entry, now, traffic);
            store.append(backendRate, now, traffic * (1 + 0.01 * random.nextGaussian()));
            store.append(backendLatency, now, LATENCY * (1 + 0.02 * random.nextGaussian()) + extraMs);
            bus.publish(new MetricsTicked(Instant.ofEpochSecond(now), now));
            now++;
        }
    }

    private List<AnomalyDetected> pagesOnBackend() {
        return anomalies.stream().filter(a -> a.componentId().equals("backend") && a.severity().isAtLeast(Severity.MEDIUM))
                .toList();
    }

    @Test
    void latencyRiseWhileEntryTrafficDipsIsDetected() {
        // a slower backend during an ordinary dip of the entry traffic: less traffic cannot make it slower
        run(60, 0.88, 20);

        assertThat(pagesOnBackend()).isNotEmpty();
        assertThat(pagesOnBackend().getFirst().at()).isBefore(Instant.ofEpochSecond(START + WARM_UP + 30));
    }

    @Test
    void latencyRiseDuringATrafficBurstIsExplainedByLoad() {
        run(60, 1.4, 20);

        assertThat(pagesOnBackend()).isEmpty();
    }

    @Test
    void trafficThatFallsWithTheEntryTrafficIsExplainedByLoad() {
        run(60, 0.88, 0);

        assertThat(pagesOnBackend()).isEmpty();
    }
}
