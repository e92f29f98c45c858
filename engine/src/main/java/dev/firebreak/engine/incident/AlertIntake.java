package dev.firebreak.engine.incident;

import dev.firebreak.engine.assess.AssessedHealthChanged;
import dev.firebreak.engine.assess.AssessedSeverityChanged;
import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.predict.PredictedFailure;
import dev.firebreak.engine.telemetry.MetricsTicked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the engine's own signals into alerts for the {@link IncidentService}, and its ticks into time. Alerts are
 * collected during a tick and handed over when the tick ends, loudest first (critical before warning, a failed
 * component before a degraded one): when a database dies, its callers suffer in the same second, and the incident
 * should start from the database, not from whichever caller detection happened to report first.
 *
 * <ul>
 *   <li>a change of a component's assessed health (detection and its checks combined, ADR 0025) to degraded or
 *       worse fires {@code health:<component>} (critical for critical and failed), recovering updates it, healthy
 *       ends it: health alerts open incidents and keep them open. What the checks alone see (a lost replica while
 *       the others carry the load) is labelled {@code userVisible=false}, so it opens an incident a person can
 *       see without counting as user impact;</li>
 *   <li>an anomaly report is a momentary {@code anomaly:<component>} alert at info level: it joins an incident
 *       near it as evidence but opens none (health is what pages);</li>
 *   <li>a predicted failure is a momentary {@code predict:<component>:<metric>} warning, which may open a P4
 *       incident before anything breaks;</li>
 *   <li>deployments and config changes are remembered for the incident type.</li>
 * </ul>
 */
public final class AlertIntake implements AutoCloseable {

    /** Louder first; among equals, the worse reported health first; otherwise arrival order (the sort is stable). */
    static final Comparator<Alert> LOUDEST_FIRST = Comparator.comparing(Alert::level).reversed()
            .thenComparing(Comparator.comparingInt(AlertIntake::reportedSeverity).reversed());

    /** Label of a health alert: false when only the checks see trouble and users do not feel it (ADR 0025). */
    public static final String USER_VISIBLE = "userVisible";

    private final IncidentService service;
    private final List<Alert> pending = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    private AlertIntake(IncidentService service) {
        this.service = service;
    }

    /**
     * Subscribes {@code service} to the bus; close to stop. Subscribe after detection, forecasting, the combined
     * health and the simulated checks, so their alerts of a tick are all collected when this tick handler runs.
     */
    public static AlertIntake attach(EventBus bus, IncidentService service) {
        AlertIntake intake = new AlertIntake(service);
        intake.subscriptions.add(bus.subscribe(AssessedHealthChanged.class,
                e -> intake.collect(fromHealth(e.at(), e.componentId(), e.assessment()))));
        intake.subscriptions.add(bus.subscribe(AssessedSeverityChanged.class,
                e -> intake.collect(fromHealth(e.at(), e.componentId(), e.assessment()))));
        intake.subscriptions.add(bus.subscribe(AnomalyDetected.class, e -> intake.collect(fromAnomaly(e))));
        intake.subscriptions.add(bus.subscribe(PredictedFailure.class, e -> intake.collect(fromPrediction(e))));
        intake.subscriptions.add(bus.subscribe(ChangeEvent.class, e -> service.changeObserved(e.componentId(), e.at())));
        intake.subscriptions.add(bus.subscribe(MetricsTicked.class, e -> intake.endOfTick(e.at())));
        return intake;
    }

    /** Real checks report on their own threads (the combined health passes their changes on there). */
    private void collect(Alert alert) {
        synchronized (pending) {
            pending.add(alert);
        }
    }

    private void endOfTick(Instant at) {
        List<Alert> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        if (!batch.isEmpty()) {
            service.acceptAll(batch);
        }
        service.tick(at);
    }

    private static int reportedSeverity(Alert alert) {
        String state = alert.labels().get("state");
        return state == null ? 0 : HealthState.valueOf(state).severity();
    }

    static Alert fromHealth(Instant at, String componentId, HealthAssessment assessment) {
        HealthState state = assessment.state();
        String summary = componentId + " " + state.name().toLowerCase(Locale.ROOT)
                + (assessment.reason().isBlank() ? "" : ": " + assessment.reason());
        boolean userVisible = assessment.severity() != Severity.LOW;
        Map<String, String> labels = Map.of("state", state.name(), "source", assessment.source().name(),
                USER_VISIBLE, Boolean.toString(userVisible));
        Alert alert = new Alert(AlertSource.HEALTH, "health:" + componentId, componentId, Optional.empty(), level(state),
                summary, labels, at, Optional.empty());
        return state == HealthState.HEALTHY ? alert.endedAt(at) : alert;
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
