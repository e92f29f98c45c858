package dev.firebreak.views.testing;

import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.assess.HealthFusion;
import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.check.ComponentChecks;
import dev.firebreak.engine.check.HealthStateRule;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultEnded;
import dev.firebreak.engine.fault.FaultInjector;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultStarted;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.incident.AlertIntake;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.escalation.EscalationConfig;
import dev.firebreak.engine.escalation.EscalationConfigException;
import dev.firebreak.engine.escalation.EscalationConfigLoader;
import dev.firebreak.engine.escalation.EscalationService;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.Feedback;
import dev.firebreak.engine.rca.FeedbackStore;
import dev.firebreak.engine.rca.RootCauseService;
import dev.firebreak.engine.rca.RootCauseSettings;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.predict.ForecastEngineConfig;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.DetectionSettings;
import dev.firebreak.views.session.FaultControl;
import dev.firebreak.views.session.Forecasts;
import dev.firebreak.views.session.HealthStatus;
import dev.firebreak.views.session.IncidentDesk;
import dev.firebreak.views.session.RootCauses;
import dev.firebreak.views.session.SimulationControl;
import dev.firebreak.views.session.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scripted stand-in for a running system, for screen tests that need exact control: the test sets
 * health states and advances time; metrics follow a fixed seeded pattern, and an active fault raises
 * its target's error rate and latency. Uses the real metric store, event bus and clock, but no engine
 * service (views never construct one): detection settings are held as given, its history stays empty and
 * nothing is forecast. Screens that need real detection are tested in the app module, on the composition root.
 */
public final class ScriptedSession implements ConsoleSession, Telemetry, HealthStatus, FaultControl,
        DetectionSettings, Forecasts, SimulationControl {

    /** The real incident engine on the scripted health changes, so incident screens can be tested here. */
    private final IncidentService incidentService;
    private final EscalationService escalation;
    private final RootCauseService rootCauseService;
    private final IncidentDesk desk;
    private volatile dev.firebreak.views.session.RunbookDesk runbookDesk;

    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final MetricName[] REPORTED = {MetricName.REQUEST_RATE, MetricName.ERROR_RATE,
            MetricName.LATENCY_P99, MetricName.CPU, MetricName.MEMORY};

    private final Topology topology;
    private final SimulationClock clock = new SimulationClock(START);
    private final MetricStore store = MetricStores.inMemory();
    private final EventBus events = new EventBus();
    private final HealthState[] states;
    private final int[][] handles;
    private final List<ActiveFault> faults = new CopyOnWriteArrayList<>();
    private final List<ChangeEvent> changes = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, ComponentChecks> checks = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong nextFaultId = new AtomicLong(1);
    private final SplittableRandom random;
    private volatile boolean paused = true;
    private volatile double speed = 1;
    private volatile boolean closed;
    private final DetectionHistory history;
    private volatile DetectionConfig detectionConfig = DetectionConfig.ofDefaults();

    public ScriptedSession(Topology topology, long seed) {
        this.topology = topology;
        this.random = new SplittableRandom(seed);
        this.states = new HealthState[topology.size()];
        Arrays.fill(states, HealthState.HEALTHY);
        this.handles = new int[topology.size()][MetricName.values().length];
        for (int i = 0; i < topology.size(); i++) {
            Arrays.fill(handles[i], -1);
            for (MetricName m : REPORTED) {
                handles[i][m.ordinal()] = store.register(new SeriesKey(topology.component(i).id(), m));
            }
        }
        this.history = new DetectionHistory(3600, Severity.MEDIUM, topology.size() <= 100);
        this.incidentService = new IncidentService(topology, IncidentConfig.defaults(), IncidentStore.inMemory(), events, clock);
        ComponentHealth.attach(topology, events);
        AlertIntake.attach(events, incidentService);
        this.escalation = EscalationService.attach(topology, shippedEscalation(), incidentService, events);
        this.desk = new ScriptedDesk(incidentService, escalation);
        this.rootCauseService = RootCauseService.attach(topology, store, events, incidentService, FeedbackStore.inMemory(),
                RootCauseSettings.defaults(), clock);
    }

    /** Sets a component's state and publishes the change, as the simulator's health model would. */
    public void setHealth(String componentId, HealthState state) {
        int index = topology.indexOf(componentId);
        HealthState from = states[index];
        if (from != state) {
            states[index] = state;
            events.publish(new ComponentHealthChanged(clock.instant(), componentId, from, state, "scripted"));
        }
    }

    public void addChange(ChangeEvent change) {
        changes.add(change);
        events.publish(change);
    }

    /** Advances simulated time second by second, appending one sample per series each second. */
    public void advance(int seconds) {
        for (int s = 0; s < seconds; s++) {
            clock.advance(Duration.ofSeconds(1));
            long now = clock.instant().getEpochSecond();
            endExpiredFaults();
            for (int i = 0; i < topology.size(); i++) {
                double wave = 1 + 0.15 * Math.sin((now + i * 37) / 120.0);
                double faultFactor = faultOn(i) ? 1 : 0;
                double rps = topology.component(i).capacity() * 0.4 * wave * (1 + 0.05 * random.nextDouble());
                append(i, MetricName.REQUEST_RATE, now, rps);
                append(i, MetricName.ERROR_RATE, now, 0.2 + 0.1 * random.nextDouble() + faultFactor * 35);
                append(i, MetricName.LATENCY_P99, now, 40 * wave + 5 * random.nextDouble() + faultFactor * 900);
                append(i, MetricName.CPU, now, 35 * wave + 3 * random.nextDouble() + faultFactor * 40);
                append(i, MetricName.MEMORY, now, 50 + 0.002 * (now - START.getEpochSecond()) + random.nextDouble());
            }
            events.publish(new MetricsTicked(clock.instant(), now));
        }
    }

    private void append(int index, MetricName metric, long second, double value) {
        store.append(handles[index][metric.ordinal()], second, value);
    }

    private boolean faultOn(int index) {
        String id = topology.component(index).id();
        Instant now = clock.instant();
        for (ActiveFault f : faults) {
            if (f.spec().target().equals(id) && f.spec().isActiveAt(now)) {
                return true;
            }
        }
        return false;
    }

    private void endExpiredFaults() {
        for (ActiveFault f : new ArrayList<>(faults)) {
            if (!clock.instant().isBefore(f.spec().end())) {
                faults.remove(f);
                events.publish(new FaultEnded(clock.instant(), f, false));
            }
        }
    }

    private final FaultInjector injector = new FaultInjector() {
        @Override
        public ActiveFault inject(FaultSpec spec) {
            if (topology.indexOf(spec.target()) < 0) {
                throw new IllegalArgumentException("no component " + spec.target());
            }
            ActiveFault fault = new ActiveFault(nextFaultId.getAndIncrement(), spec);
            faults.add(fault);
            events.publish(new FaultStarted(clock.instant(), fault));
            return fault;
        }

        @Override
        public boolean cancel(long faultId) {
            for (ActiveFault f : faults) {
                if (f.id() == faultId) {
                    faults.remove(f);
                    events.publish(new FaultEnded(clock.instant(), f, true));
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<ActiveFault> faults() {
            return List.copyOf(faults);
        }
    };

    @Override public Topology topology() { return topology; }
    @Override public MetricStore store() { return store; }
    @Override public EventBus events() { return events; }
    @Override public SimulationClock clock() { return clock; }
    @Override public FaultInjector faults() { return injector; }
    @Override public HealthState health(int componentIndex) { return assessment(componentIndex).state(); }

    @Override
    public HealthState[] healthSnapshot() {
        HealthState[] snapshot = new HealthState[states.length];
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = health(i);
        }
        return snapshot;
    }

    /** The scripted state as detection's, combined with the scripted checks' verdict by the console's rule. */
    @Override
    public HealthAssessment assessment(int componentIndex) {
        ComponentChecks scripted = checks.get(topology.component(componentIndex).id());
        return HealthFusion.combine(states[componentIndex], "scripted",
                scripted == null ? HealthStateRule.evaluate(0, 0, 0) : scripted.verdict());
    }

    @Override
    public Optional<ComponentChecks> checks(String componentId) {
        return Optional.ofNullable(checks.get(componentId));
    }

    /** Sets what a component's health checks show; the screens pick it up at the next tick. */
    public void setChecks(ComponentChecks componentChecks) {
        checks.put(componentChecks.componentId(), componentChecks);
    }

    @Override
    public int seriesHandle(int componentIndex, MetricName metric) {
        return handles[componentIndex][metric.ordinal()];
    }

    @Override
    public List<ChangeEvent> changes(String componentId) {
        return changes.stream().filter(c -> c.componentId().equals(componentId)).toList();
    }

    @Override
    public List<ActiveFault> faultsOn(String componentId) {
        return faults.stream().filter(f -> f.spec().target().equals(componentId)
                || f.spec().peer().map(componentId::equals).orElse(false)).toList();
    }

    @Override public DetectionHistory detectionHistory() { return history; }
    @Override public DetectionConfig detectionConfig() { return detectionConfig; }

    @Override
    public void configureDetection(MetricName metric, MetricDetectionConfig detectors, CompositeConfig composite) {
        java.util.EnumMap<MetricName, MetricDetectionConfig> perMetric = new java.util.EnumMap<>(detectionConfig.perMetric());
        perMetric.put(metric, detectors);
        detectionConfig = new DetectionConfig(perMetric, detectionConfig.fallback(), composite, detectionConfig.health());
    }
    @Override public Optional<SeriesOutlook> forecast(SeriesKey key) { return Optional.empty(); }
    @Override public ForecastEngineConfig forecastConfig() { return ForecastEngineConfig.defaults(); }
    @Override public Telemetry telemetry() { return this; }
    @Override public HealthStatus status() { return this; }
    @Override public FaultControl faultControl() { return this; }
    @Override public DetectionSettings detection() { return this; }
    @Override public Forecasts forecasts() { return this; }
    @Override public SimulationControl control() { return this; }
    @Override public IncidentDesk incidents() { return desk; }

    /**
     * Gives this session a runbook desk (tests of the runbook screens build one on a real runbook engine, see
     * {@link EngineBackedRunbookDesk}); without one it has an empty library.
     */
    public ScriptedSession withRunbooks(dev.firebreak.views.session.RunbookDesk runbooks) {
        this.runbookDesk = runbooks;
        return this;
    }

    @Override
    public dev.firebreak.views.session.RunbookDesk runbooks() {
        if (runbookDesk == null) {
            // screens that are not about runbooks still show the runbook screen and an incident's suggestions: an empty
            // library on a real engine, made once
            synchronized (this) {
                if (runbookDesk == null) {
                    runbookDesk = EngineBackedRunbookDesk.on(this).build();
                }
            }
        }
        return runbookDesk;
    }

    private ScriptedHealingDesk healingDesk;

    /** A healing desk with a real (in-memory) HALT latch on this session's bus and clock; tests script its decisions. */
    @Override
    public synchronized ScriptedHealingDesk healing() {
        if (healingDesk == null) {
            healingDesk = new ScriptedHealingDesk(events, clock);
        }
        return healingDesk;
    }

    /** The real root-cause service on the scripted metrics. */
    @Override
    public RootCauses rootCauses() {
        return new RootCauses() {
            @Override public Optional<Diagnosis> diagnosis(long incidentId) { return rootCauseService.diagnosis(incidentId); }
            @Override public List<Feedback> verdicts() { return rootCauseService.feedback(); }
            @Override public Feedback confirm(long incidentId, String componentId, String actor) {
                return rootCauseService.confirm(incidentId, componentId, actor);
            }
            @Override public Feedback reject(long incidentId, String componentId, String actor) {
                return rootCauseService.reject(incidentId, componentId, actor);
            }
        };
    }

    private static EscalationConfig shippedEscalation() {
        try {
            return EscalationConfigLoader.loadResource("escalation/policies.yaml");
        } catch (EscalationConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public EscalationService escalation() {
        return escalation;
    }

    public IncidentService incidentService() {
        return incidentService;
    }
    @Override public void pause() { paused = true; }
    @Override public void resume() { paused = false; }
    @Override public boolean isPaused() { return paused; }
    @Override public void setSpeed(double speed) { this.speed = speed; }
    @Override public double speed() { return speed; }
    @Override public void close() { closed = true; }

    public boolean isClosed() {
        return closed;
    }
}
