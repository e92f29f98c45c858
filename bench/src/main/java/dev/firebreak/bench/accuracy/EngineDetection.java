package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.assess.AssessedHealthChanged;
import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.assess.HealthSource;
import dev.firebreak.engine.check.CheckPolicies;
import dev.firebreak.engine.check.ComponentSignals;
import dev.firebreak.engine.check.HealthCheckScheduler;
import dev.firebreak.engine.check.SimulatedProbes;
import dev.firebreak.engine.check.TickTaskScheduler;
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
    private final boolean withChecks;

    /** Builds the engine under test over the trial's simulator. */
    @FunctionalInterface
    private interface EngineFactory {
        DetectionEngine create(Simulator simulator, EventBus bus, MetricStore store);
    }

    private EngineDetection(String name, EngineFactory factory, boolean withChecks) {
        this.name = Objects.requireNonNull(name, "name");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.withChecks = withChecks;
    }

    private EngineDetection(String name, EngineFactory factory) {
        this(name, factory, false);
    }

    /**
     * The same detection with the console's simulated health checks and the combined health of ADR 0025, built as
     * the console's {@code EngineSession} builds them: checks on simulated time after detection on each tick, the
     * combination listening to both. Detections are detection's {@link AnomalyDetected} as before plus, for every
     * change of the combined health that the checks alone set (a check-only degradation at low severity, or a failed
     * comprehensive check), a detection at that severity; health is the combined health.
     */
    public EngineDetection withChecks() {
        return new EngineDetection(name + "+checks", factory, true);
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
        if (withChecks) {
            TickTaskScheduler ticks = TickTaskScheduler.attach(bus, simulator.clock());
            HealthCheckScheduler checks = new HealthCheckScheduler(
                    SimulatedProbes.defaultChecks(ComponentSignals.of(simulator, store), simulator.topology()),
                    CheckPolicies.defaults(), ticks, simulator.clock(), bus);
            ComponentHealth.attach(simulator.topology(), bus);
            bus.subscribe(AssessedHealthChanged.class, change -> {
                if (change.assessment().source() == HealthSource.CHECKS) {
                    sink.accept(new DetectionRecord(change.at(), change.componentId(), change.assessment().severity(),
                            "checks: " + change.assessment().reason()));
                }
            });
            checks.start();
        }
    }

    /**
     * The engine's detected health: its {@link ComponentHealthChanged} events (reason "detection: ..."), or with the
     * health checks the combined health ({@link AssessedHealthChanged}).
     */
    @Override
    public boolean observeHealth(EventBus bus, Consumer<HealthRecord> sink) {
        if (withChecks) {
            bus.subscribe(AssessedHealthChanged.class,
                    change -> sink.accept(new HealthRecord(change.at(), change.componentId(), change.to())));
            return true;
        }
        bus.subscribe(ComponentHealthChanged.class, change -> {
            if (change.reason().startsWith("detection")) {
                sink.accept(new HealthRecord(change.at(), change.componentId(), change.to()));
            }
        });
        return true;
    }
}
