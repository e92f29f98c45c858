package dev.firebreak.engine.incident;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.predict.PredictedFailure;
import dev.firebreak.engine.telemetry.MetricsTicked;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the engine's own signals into alerts for the {@link IncidentService}, and its ticks into time:
 *
 * <ul>
 *   <li>a health change to degraded or worse fires {@code health:<component>} (critical for critical and failed),
 *       recovering updates it, healthy ends it: health alerts open incidents and keep them open;</li>
 *   <li>an anomaly report is a momentary {@code anomaly:<component>} alert at info level: it joins an incident
 *       near it as evidence but opens none (health is what pages);</li>
 *   <li>a predicted failure is a momentary {@code predict:<component>:<metric>} warning, which may open a P4
 *       incident before anything breaks;</li>
 *   <li>deployments and config changes are remembered for the incident type.</li>
 * </ul>
 */
public final class AlertIntake implements AutoCloseable {

    private final List<Subscription> subscriptions;

    private AlertIntake(List<Subscription> subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** Subscribes {@code service} to the bus; close to stop. Subscribe after detection and forecasting. */
    public static AlertIntake attach(EventBus bus, IncidentService service) {
        return new AlertIntake(List.of(
                bus.subscribe(ComponentHealthChanged.class, e -> service.accept(fromHealth(e))),
                bus.subscribe(AnomalyDetected.class, e -> service.accept(fromAnomaly(e))),
                bus.subscribe(PredictedFailure.class, e -> service.accept(fromPrediction(e))),
                bus.subscribe(ChangeEvent.class, e -> service.changeObserved(e.componentId(), e.at())),
                bus.subscribe(MetricsTicked.class, e -> service.tick(e.at()))));
    }

    static Alert fromHealth(ComponentHealthChanged change) {
        String fingerprint = "health:" + change.componentId();
        String summary = change.componentId() + " " + change.to().name().toLowerCase(Locale.ROOT)
                + (change.reason().isBlank() ? "" : ": " + change.reason());
        Map<String, String> labels = Map.of("state", change.to().name());
        Alert alert = new Alert(AlertSource.HEALTH, fingerprint, change.componentId(), Optional.empty(),
                level(change.to()), summary, labels, change.at(), Optional.empty());
        return change.to() == HealthState.HEALTHY ? alert.endedAt(change.at()) : alert;
    }

    private static AlertLevel level(HealthState state) {
        return switch (state) {
            case CRITICAL, FAILED -> AlertLevel.CRITICAL;
            case DEGRADED -> AlertLevel.WARNING;
            case HEALTHY, RECOVERING -> AlertLevel.INFO;
        };
    }

    static Alert fromAnomaly(AnomalyDetected anomaly) {
        String summary = anomaly.componentId() + " anomalous (" + anomaly.severity().name().toLowerCase(Locale.ROOT)
                + String.format(Locale.ROOT, ", score %.2f)", anomaly.score());
        return new Alert(AlertSource.ANOMALY, "anomaly:" + anomaly.componentId(), anomaly.componentId(), Optional.empty(),
                AlertLevel.INFO, summary, Map.of("severity", anomaly.severity().name()), anomaly.at(),
                Optional.of(anomaly.at()));
    }

    static Alert fromPrediction(PredictedFailure prediction) {
        String metric = prediction.metric().name().toLowerCase(Locale.ROOT);
        Instant at = prediction.at();
        String summary = String.format(Locale.ROOT, "%s %s predicted to reach %.1f in %d min (now %.1f, p=%.2f)",
                prediction.componentId(), metric, prediction.threshold(), prediction.leadTime().toMinutes(),
                prediction.currentValue(), prediction.probability());
        return new Alert(AlertSource.PREDICTION, "predict:" + prediction.componentId() + ":" + metric,
                prediction.componentId(), Optional.of(metric), AlertLevel.WARNING, summary, Map.of(), at, Optional.of(at));
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }
}
