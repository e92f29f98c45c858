package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.SimulatedConditionChanged;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import java.util.function.Consumer;

/**
 * The simulator's interim health rule as a detector: every change of a component's health to a bad
 * state is a detection (degraded = medium, critical = high, failed = critical). Changes back to
 * healthy or recovering are not detections.
 */
public final class InterimHealthRuleDetection implements DetectionUnderTest {

    @Override
    public String name() {
        return "interim";
    }

    @Override
    public void attach(Simulator simulator, EventBus bus, MetricStore store, Consumer<DetectionRecord> sink) {
        bus.subscribe(SimulatedConditionChanged.class, change -> {
            Severity severity = severityOf(change.to());
            if (severity != Severity.NONE) {
                sink.accept(new DetectionRecord(change.at(), change.componentId(), severity, "health-rule: " + change.to()));
            }
        });
    }

    @Override
    public boolean observeHealth(EventBus bus, Consumer<HealthRecord> sink) {
        bus.subscribe(SimulatedConditionChanged.class,
                change -> sink.accept(new HealthRecord(change.at(), change.componentId(), change.to())));
        return true;
    }

    static Severity severityOf(HealthState state) {
        return switch (state) {
            case HEALTHY, RECOVERING -> Severity.NONE;
            case DEGRADED -> Severity.MEDIUM;
            case CRITICAL -> Severity.HIGH;
            case FAILED -> Severity.CRITICAL;
        };
    }
}
