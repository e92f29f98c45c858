package dev.firebreak.engine.assess;

import dev.firebreak.engine.check.CheckedHealthChanged;
import dev.firebreak.engine.check.HealthStateRule;
import dev.firebreak.engine.check.HealthVerdict;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.lifecycle.StateMachine;
import dev.firebreak.engine.lifecycle.Transitions;
import dev.firebreak.engine.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Each component's health as the console shows it: detection's state ({@link ComponentHealthChanged}) and its
 * health checks' verdict ({@link CheckedHealthChanged}) combined by {@link HealthFusion} (ADR 0025). Publishes
 * {@link AssessedHealthChanged} when a component's assessed state changes, and {@link AssessedSeverityChanged} when
 * only its severity does (the checks saw it first, now detection does too).
 *
 * <p>Every component's assessed state is a {@link StateMachine} over {@link #TRANSITIONS}: any move is legal except
 * from healthy to recovering, since recovering means "was worse and is getting better".
 *
 * <p>Events may arrive on two threads: detection's and the simulated checks' on the simulator's, real checks' on
 * their own. Handling is serialized and each change is published while it is held, so a component's changes are
 * published in the order they happened; subscribers must be quick and must not wait for another thread. The
 * reads ({@link #state}, {@link #assessment}, {@link #snapshot}) take no lock and may be called from any thread.
 */
@EngineService
public final class ComponentHealth implements AutoCloseable {

    /** Legal moves of a component's assessed health. */
    public static final Transitions<HealthState> TRANSITIONS = Transitions.of(HealthState.class)
            .allow(HealthState.HEALTHY, HealthState.DEGRADED, HealthState.CRITICAL, HealthState.FAILED)
            .allow(HealthState.RECOVERING, HealthState.HEALTHY, HealthState.DEGRADED, HealthState.CRITICAL,
                    HealthState.FAILED)
            .allow(HealthState.DEGRADED, HealthState.HEALTHY, HealthState.RECOVERING, HealthState.CRITICAL,
                    HealthState.FAILED)
            .allow(HealthState.CRITICAL, HealthState.HEALTHY, HealthState.RECOVERING, HealthState.DEGRADED,
                    HealthState.FAILED)
            .allow(HealthState.FAILED, HealthState.HEALTHY, HealthState.RECOVERING, HealthState.DEGRADED,
                    HealthState.CRITICAL)
            .build();

    private static final String NOT_YET_DETECTED = "detection: nothing seen";

    private final Topology topology;
    private final EventBus bus;
    private final List<StateMachine<HealthState>> machines;
    private final HealthState[] detected;
    private final String[] detectedReason;
    private final HealthVerdict[] checked;
    private final AtomicReferenceArray<HealthAssessment> assessments;
    private final List<Subscription> subscriptions = new ArrayList<>();

    public ComponentHealth(Topology topology, EventBus bus) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.bus = Objects.requireNonNull(bus, "bus");
        int n = topology.size();
        this.machines = new ArrayList<>(n);
        this.detected = new HealthState[n];
        this.detectedReason = new String[n];
        this.checked = new HealthVerdict[n];
        this.assessments = new AtomicReferenceArray<>(n);
        HealthVerdict allPass = HealthStateRule.evaluate(0, 0, 0);
        Arrays.fill(detected, HealthState.HEALTHY);
        Arrays.fill(detectedReason, NOT_YET_DETECTED);
        Arrays.fill(checked, allPass);
        for (int i = 0; i < n; i++) {
            machines.add(new StateMachine<>(TRANSITIONS, HealthState.HEALTHY));
            assessments.set(i, HealthAssessment.healthy());
        }
    }

    /** Creates the service and subscribes it to detection's and the checks' health changes on {@code bus}. */
    public static ComponentHealth attach(Topology topology, EventBus bus) {
        ComponentHealth health = new ComponentHealth(topology, bus);
        health.subscriptions.add(bus.subscribe(ComponentHealthChanged.class, health::onDetected));
        health.subscriptions.add(bus.subscribe(CheckedHealthChanged.class, health::onChecked));
        return health;
    }

    /** Detection's state of a component changed. */
    public synchronized void onDetected(ComponentHealthChanged change) {
        int index = topology.indexOf(change.componentId());
        if (index < 0) {
            return;
        }
        detected[index] = change.to();
        detectedReason[index] = change.reason();
        reassess(index, change.at());
    }

    /** The verdict of a component's checks changed. */
    public synchronized void onChecked(CheckedHealthChanged change) {
        int index = topology.indexOf(change.componentId());
        if (index < 0) {
            return;
        }
        checked[index] = change.verdict();
        reassess(index, change.at());
    }

    private void reassess(int index, Instant at) {
        HealthAssessment now = HealthFusion.combine(detected[index], detectedReason[index], checked[index]);
        HealthAssessment before = assessments.getAndSet(index, now);
        StateMachine<HealthState> machine = machines.get(index);
        HealthState from = machine.state();
        if (machine.moveTo(now.state())) {
            bus.publish(new AssessedHealthChanged(at, topology.component(index).id(), from, now));
        } else if (before.severity() != now.severity()) {
            bus.publish(new AssessedSeverityChanged(at, topology.component(index).id(), now));
        }
    }

    /** A component's assessed health. */
    public HealthState state(int componentIndex) {
        return assessments.get(componentIndex).state();
    }

    /** A component's assessed health with what it rests on. */
    public HealthAssessment assessment(int componentIndex) {
        return assessments.get(componentIndex);
    }

    /** A copy of every component's assessed health, indexed like the topology. */
    public HealthState[] snapshot() {
        HealthState[] states = new HealthState[topology.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = assessments.get(i).state();
        }
        return states;
    }

    /** Stops listening; the last assessments stay readable. */
    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
