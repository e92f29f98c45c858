package dev.firebreak.app.headless;

import dev.firebreak.engine.action.ActionApplied;
import dev.firebreak.engine.assess.AssessedHealthChanged;
import dev.firebreak.engine.check.CheckedHealthChanged;
import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.fault.FaultEnded;
import dev.firebreak.engine.fault.FaultStarted;
import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.SimulatedConditionChanged;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Listens to a headless run and keeps what its report needs: the timeline of events and, per
 * component, the worst it got. Runs on the simulator thread, so it needs no locking, except for what real
 * health checks (on their own threads) may change: their verdicts and the assessed health.
 */
final class RunRecorder implements AutoCloseable {

    private final Simulator simulator;
    private final DetectionEngine detection;
    private final MetricStore store;
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** Detection's verdicts. */
    final List<ComponentHealthChanged> healthChanges = new ArrayList<>();
    /** The health checks' verdicts (real ones may arrive on their own threads, hence the lock). */
    final List<CheckedHealthChanged> checkedChanges = Collections.synchronizedList(new ArrayList<>());
    /** Detection and checks combined (ADR 0025): what the console shows. */
    final List<AssessedHealthChanged> assessedChanges = Collections.synchronizedList(new ArrayList<>());
    /** The simulator's own judgement from its physics, to compare detection against. */
    final List<SimulatedConditionChanged> conditionChanges = new ArrayList<>();
    final List<AnomalyDetected> anomalies = new ArrayList<>();
    final List<FaultStarted> faultsStarted = new ArrayList<>();
    final List<FaultEnded> faultsEnded = new ArrayList<>();
    final List<ChangeEvent> changes = new ArrayList<>();
    final List<ActionApplied> actions = new ArrayList<>();
    final HealthState[] worstState;
    final HealthState[] worstCondition;
    final HealthState[] worstAssessed;
    final long[] secondsNotHealthy;
    final long[] secondsImpaired;
    final double[] maxP99Millis;
    final double[] maxErrorPercent;
    private final int[] p99Handles;
    private final int[] errorHandles;

    RunRecorder(Simulator simulator, DetectionEngine detection, MetricStore store, EventBus events) {
        this.simulator = simulator;
        this.detection = detection;
        this.store = store;
        int size = simulator.topology().size();
        worstState = new HealthState[size];
        java.util.Arrays.fill(worstState, HealthState.HEALTHY);
        worstCondition = new HealthState[size];
        java.util.Arrays.fill(worstCondition, HealthState.HEALTHY);
        worstAssessed = new HealthState[size];
        java.util.Arrays.fill(worstAssessed, HealthState.HEALTHY);
        secondsNotHealthy = new long[size];
        secondsImpaired = new long[size];
        maxP99Millis = new double[size];
        maxErrorPercent = new double[size];
        p99Handles = new int[size];
        errorHandles = new int[size];
        for (int i = 0; i < size; i++) {
            p99Handles[i] = simulator.seriesHandle(i, MetricName.LATENCY_P99);
            errorHandles[i] = simulator.seriesHandle(i, MetricName.ERROR_RATE);
        }
        subscriptions.add(events.subscribe(ComponentHealthChanged.class, healthChanges::add));
        subscriptions.add(events.subscribe(SimulatedConditionChanged.class, conditionChanges::add));
        subscriptions.add(events.subscribe(CheckedHealthChanged.class, checkedChanges::add));
        subscriptions.add(events.subscribe(AssessedHealthChanged.class, this::onAssessed));
        subscriptions.add(events.subscribe(AnomalyDetected.class, anomalies::add));
        subscriptions.add(events.subscribe(FaultStarted.class, faultsStarted::add));
        subscriptions.add(events.subscribe(FaultEnded.class, faultsEnded::add));
        subscriptions.add(events.subscribe(ChangeEvent.class, changes::add));
        subscriptions.add(events.subscribe(ActionApplied.class, actions::add));
        subscriptions.add(events.subscribe(MetricsTicked.class, tick -> onTick()));
    }

    private void onTick() {
        for (int i = 0; i < worstState.length; i++) {
            HealthState state = detection.state(i);
            if (state.isWorseThan(worstState[i])) {
                worstState[i] = state;
            }
            if (state != HealthState.HEALTHY) {
                secondsNotHealthy[i]++;
            }
            HealthState condition = simulator.health(i);
            if (condition.isWorseThan(worstCondition[i])) {
                worstCondition[i] = condition;
            }
            if (condition != HealthState.HEALTHY) {
                secondsImpaired[i]++;
            }
            maxP99Millis[i] = maxIgnoringMissing(maxP99Millis[i], p99Handles[i]);
            maxErrorPercent[i] = maxIgnoringMissing(maxErrorPercent[i], errorHandles[i]);
        }
    }

    private void onAssessed(AssessedHealthChanged change) {
        assessedChanges.add(change);
        int index = simulator.topology().indexOf(change.componentId());
        synchronized (worstAssessed) {
            if (change.to().isWorseThan(worstAssessed[index])) {
                worstAssessed[index] = change.to();
            }
        }
    }

    private double maxIgnoringMissing(double current, int handle) {
        if (handle < 0) {
            return current;
        }
        double latest = store.latest(handle);
        return Double.isNaN(latest) ? current : Math.max(current, latest);
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }
}
