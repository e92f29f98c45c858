package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.ml.MlDetectors;
import dev.firebreak.engine.detect.ml.VectorDetectorFactory;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The console's detection engine as the accuracy harness measures it: {@link DetectionEngine} over the
 * simulator's store and bus with the console's own construction ({@link DetectionEngine#shipped}: default
 * configuration and the confirmed ML evidence of ADR 0012). Refits run on the simulator's thread
 * (a direct executor) so that a seeded run is repeatable; the console runs them in the background.
 * Every {@link AnomalyDetected} becomes a detection.
 */
public final class EngineDetection implements DetectionUnderTest {

    private static final Executor DIRECT = Runnable::run;

    private final String name;
    private final EngineFactory factory;

    /** Builds the engine under test over the trial's simulator. */
    @FunctionalInterface
    private interface EngineFactory {
        DetectionEngine create(Simulator simulator, EventBus bus, MetricStore store);
    }

    private EngineDetection(String name, EngineFactory factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** What the console ships: {@link DetectionEngine#shipped}, refits on the simulator's thread. */
    public static EngineDetection shipped() {
        return new EngineDetection("engine",
                (simulator, bus, store) -> DetectionEngine.shipped(simulator.topology(), store, bus, DIRECT));
    }

    /** The shipped configuration without the ML detectors, to see what they add. */
    public static EngineDetection withoutMl() {
        return new EngineDetection("engine-no-ml", (simulator, bus, store) -> new DetectionEngine(
                simulator.topology(), store, bus, DetectionConfig.ofDefaults(), VectorDetectorFactory.none()));
    }

    /** The raw isolation forest as it was before ADR 0012 (flags its 99th percentile), for comparison. */
    public static EngineDetection rawForest() {
        return new EngineDetection("engine-raw-forest", (simulator, bus, store) -> new DetectionEngine(
                simulator.topology(), store, bus, DetectionConfig.ofDefaults(), MlDetectors.vectorFactory(DIRECT)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void attach(Simulator simulator, EventBus bus, MetricStore store, Consumer<DetectionRecord> sink) {
        bus.subscribe(AnomalyDetected.class, anomaly -> sink.accept(new DetectionRecord(anomaly.at(),
                anomaly.componentId(), anomaly.severity(), "engine: " + anomaly.explanation().summary())));
        factory.create(simulator, bus, store).start();
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
