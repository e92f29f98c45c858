package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.detect.DetectionConfig;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.detect.MlDetectors;
import dev.firebreak.engine.detect.VectorDetectorFactory;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The console's detection engine as the accuracy harness measures it: {@link DetectionEngine} over the
 * simulator's store and bus with the shipped configuration ({@link DetectionConfig#ofDefaults()}) and the
 * shipped ML vector detectors ({@link MlDetectors#vectorFactory}). Refits run on the simulator's thread
 * (a direct executor) so that a seeded run is repeatable; the console runs them in the background.
 * Every {@link AnomalyDetected} becomes a detection.
 */
public final class EngineDetection implements DetectionUnderTest {

    private static final Executor DIRECT = Runnable::run;

    private final String name;
    private final DetectionConfig config;
    private final VectorDetectorFactory vectors;

    private EngineDetection(String name, DetectionConfig config, VectorDetectorFactory vectors) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.vectors = Objects.requireNonNull(vectors, "vectors");
    }

    /** What the console ships: default configuration and the ML vector detectors. */
    public static EngineDetection shipped() {
        return new EngineDetection("engine", DetectionConfig.ofDefaults(), MlDetectors.vectorFactory(DIRECT));
    }

    /** The shipped configuration without the ML detectors, to see what they add. */
    public static EngineDetection withoutMl() {
        return new EngineDetection("engine-no-ml", DetectionConfig.ofDefaults(), VectorDetectorFactory.none());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void attach(Simulator simulator, EventBus bus, MetricStore store, Consumer<DetectionRecord> sink) {
        bus.subscribe(AnomalyDetected.class, anomaly -> sink.accept(new DetectionRecord(anomaly.at(),
                anomaly.componentId(), anomaly.severity(), "engine: " + anomaly.explanation().summary())));
        new DetectionEngine(simulator.topology(), store, bus, config, vectors).start();
    }

    /** The engine's detected health: its {@link ComponentHealthChanged} events (reason "detection: ..."). */
    @Override
    public boolean observeHealth(EventBus bus, Consumer<HealthRecord> sink) {
        bus.subscribe(ComponentHealthChanged.class, change -> {
            if (change.reason().startsWith("detection")) {
                sink.accept(new HealthRecord(change.at(), change.componentId(), change.to()));
            }
        });
        return true;
    }
}
