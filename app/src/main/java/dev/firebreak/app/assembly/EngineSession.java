package dev.firebreak.app.assembly;

import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.HaltableFaults;
import dev.firebreak.engine.heal.HaltChanged;
import dev.firebreak.engine.heal.HaltLatch;
import dev.firebreak.engine.heal.HealingService;
import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.check.CheckPolicies;
import dev.firebreak.engine.check.ComponentChecks;
import dev.firebreak.engine.check.ComponentSignals;
import dev.firebreak.engine.check.HealthCheck;
import dev.firebreak.engine.check.HealthCheckScheduler;
import dev.firebreak.engine.check.SimulatedProbes;
import dev.firebreak.engine.check.TaskScheduler;
import dev.firebreak.engine.check.TickTaskScheduler;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.ml.MlDetectors;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.escalation.EscalationService;
import dev.firebreak.engine.incident.AlertIntake;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.notify.IncidentNotifications;
import dev.firebreak.engine.predict.ForecastEngine;
import dev.firebreak.engine.predict.ForecastEngineConfig;
import dev.firebreak.engine.rca.FeedbackStore;
import dev.firebreak.engine.rca.RootCauseService;
import dev.firebreak.engine.rca.RootCauseSettings;
import dev.firebreak.engine.executor.ProcessPolicy;
import dev.firebreak.engine.runbook.MetricSource;
import dev.firebreak.engine.runbook.RunbookEngine;
import dev.firebreak.engine.runbook.RunbookJournal;
import dev.firebreak.engine.runbook.Waiter;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.SimulationRunner;
import dev.firebreak.engine.sim.SimulationSession;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds a running system's engine services, for the console and for
 * headless runs alike, in this order (each step may use what the steps before it built):
 *
 * <ol>
 *   <li><b>source</b>: the simulator with its clock, metric store and event bus (its runner created, not started);
 *   <li><b>detection</b>: the shipped detection on the store and bus, recording the history the charts draw;
 *       it subscribes to the tick first, so everything after it reads this tick's scores;
 *   <li><b>forecast</b>: breach forecasting, ranking series by detection's composite scores;
 *   <li><b>component health</b>: detection's and the health checks' verdicts combined (ADR 0025), the health the
 *       console shows; built before the checks start so it sees their first verdicts;
 *   <li><b>health checks</b>: the simulated default checks of every component on simulated time (they run on each
 *       tick, after detection, on the simulator's thread), and the real ones of {@code --checks} on wall-clock
 *       time on their own threads (replacing the simulated checks of the components they name);
 *   <li><b>incidents</b>: alerts from detection's health changes and anomalies and from predicted failures,
 *       grouped into incidents; it subscribes after detection and forecasting, so it sees this tick's combined health;
 *   <li><b>escalation</b>: each incident's policy chain and the auto-escalation triggers, after incidents;
 *   <li><b>notifications</b>: incident openings, acknowledgements, updates, escalations and resolutions to the
 *       configured channels, delivered off the engine's thread, outcomes back on the timeline;
 *   <li><b>root cause</b>: diagnoses each incident as it opens and grows, from the metric store, detection's anomaly
 *       onsets, changes and people's earlier verdicts; after incidents and escalation (it subscribes to incident
 *       changes, so it runs after the services that shape them) and before anything that acts on its diagnosis;
 *   <li><b>runbooks</b>: the runbook engine on the simulator's actions and the real executors (process argv, HTTP,
 *       kubectl), its runs kept in the setup's store and journaled to the audit log and the incident's timeline;
 *       runs found RUNNING in the store come back INTERRUPTED; drive loops on their own threads;
 *   <li><b>HALT</b>: the latched emergency stop, read back from its store (still latched after a restart); runbook runs
 *       obey it at every safe point, and a press ends waiting runs with their rollbacks;
 *   <li><b>healing</b>: playbooks chosen from each diagnosis through the decision chain's gates, run on the runbook
 *       engine, verified on the fused health each tick, rolled back and handed to escalation when they do not help;
 *       after root cause (it consumes its diagnoses) and the runbook engine (it runs on it);
 *   <li>the services the later capabilities add (chaos) go here, each after what it reads;
 *   <li><b>runner</b>: started last (console only), so no tick reaches a half-built system.
 * </ol>
 *
 * {@link #close()} stops them in the reverse order. Nothing else in the product constructs these services; the
 * views only see the ports the app adapts them to, and the architecture tests hold to that.
 */
public final class EngineSession implements AutoCloseable {

    /** Up to this many components every series keeps its band and score history; beyond, only open ones. */
    public static final int FULL_HISTORY_MAX_COMPONENTS = 100;
    /** Detection history kept: the longest window a component chart spans. */
    public static final int HISTORY_SECONDS = 3600;
    /** Threads for real checks: probes block up to their timeout, and a few run at once. */
    private static final int REAL_CHECK_THREADS = 4;
    /** How often a waiting run looks at the simulated clock, in real time. */
    private static final java.time.Duration RUNBOOK_WAIT_POLL = java.time.Duration.ofMillis(20);

    private static final Logger LOG = LoggerFactory.getLogger(EngineSession.class);

    private final SimulationSession source;
    private final DetectionHistory history;
    private final DetectionEngine detection;
    private final ForecastEngine forecasts;
    private final IncidentService incidents;
    private final EscalationService escalation;
    private final IncidentNotifications notifications;
    private final RootCauseService rootCauses;
    private final RunbookEngine runbooks;
    private final RunbookSetup runbookSetup;
    private final HaltLatch halt;
    private final HaltableFaults faults;
    private final HealingService healing;
    private final ComponentHealth health;
    private final HealthCheckScheduler simulatedChecks;
    private final Optional<HealthCheckScheduler> realChecks;
    private final EngineOptions options;
    /** What to stop, last started first. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private EngineSession(Topology topology, EngineOptions options, IncidentStore incidentStore,
            FeedbackStore feedbackStore, RunbookSetup runbookSetup) {
        this.runbookSetup = runbookSetup;
        this.options = options;
        SimulationConfig simulation = SimulationConfig.defaults(options.seed());
        this.source = SimulationSession.create(topology, options.start().map(simulation::withStart).orElse(simulation),
                options.speed());
        Executor refits = refitExecutor(options);
        this.history = new DetectionHistory(HISTORY_SECONDS, Severity.MEDIUM, topology.size() <= FULL_HISTORY_MAX_COMPONENTS);
        this.detection = DetectionEngine.shipped(topology, source.store(), source.events(), refits, options.detection())
                .withHistory(history).start();
        started.push(detection);
        this.forecasts = ForecastEngine.attach(source.store(), source.events(), topology, ForecastEngineConfig.defaults(),
                detection::componentScore);
        started.push(forecasts);
        this.health = ComponentHealth.attach(topology, source.events());
        started.push(health);
        List<HealthCheck> real = options.realChecks().forTopology(topology);
        this.realChecks = real.isEmpty() ? Optional.empty() : Optional.of(realChecks(real));
        this.simulatedChecks = simulatedChecks(topology, real);
        this.incidents = new IncidentService(topology, options.incidents(), incidentStore, source.events(), source.clock());
        started.push(incidents);
        started.push(AlertIntake.attach(source.events(), incidents));
        this.escalation = EscalationService.attach(topology, options.escalation(), incidents, source.events());
        started.push(escalation);
        this.notifications = IncidentNotifications.attach(source.events(), incidents, options.notifications());
        started.push(notifications);
        this.rootCauses = RootCauseService.attach(topology,
                new RootCauseService.Telemetry(source.store(), source.calls()), source.events(), incidents, feedbackStore,
                RootCauseSettings.defaults(), source.clock(), this::notAnswering);
        started.push(rootCauses);
        this.halt = new HaltLatch(runbookSetup.halts(), runbookSetup.audit(), source.events(), source.clock());
        this.runbooks = runbookEngine(runbookSetup, halt);
        this.faults = new HaltableFaults(source.simulator(), halt::halted);
        Subscription haltToRuns = source.events().subscribe(HaltChanged.class, change -> {
            if (change.record().latched()) {
                runbooks.haltPressed();
                for (ActiveFault ended : faults.endAll()) {
                    LOG.info("HALT ended injected fault {} ({} on {})", ended.id(), ended.spec().type(),
                            ended.spec().target());
                }
            }
        });
        started.push(haltToRuns);
        this.healing = HealingService.attach(options.healing(), new HealingService.Wiring(topology, runbookSetup.playbooks(),
                runbookSetup.healing(), runbooks, halt, id -> health.assessment(topology.indexOf(id)), this::recheck,
                signals(source.store()), escalation::handOver,
                incidents, source.events(), source.clock(), runbookSetup.environment(), runbookSetup.config()::isProtected));
        started.push(healing);
        // closing the source stops its runner: it must stop first, so no tick reaches a stopped service
        started.push(source);
    }

    /**
     * Root cause's direct evidence: the component's simulated instances check fails now (instances it should have are
     * not serving). Real checks do not say which of them counts instances, so they give none.
     */
    private boolean notAnswering(String componentId) {
        String instances = dev.firebreak.engine.check.SimulatedProbes.instancesCheckId(componentId);
        return checks(componentId).map(own -> own.checks().stream().anyMatch(check ->
                check.checkId().equals(instances) && check.failedRuns() > 0)).orElse(false);
    }

    /** A component's checks run once now: its real ones where it has them, else the simulated. */
    private void recheck(String componentId) {
        if (!realChecks.map(scheduler -> scheduler.recheck(componentId)).orElse(false)) {
            simulatedChecks.recheck(componentId);
        }
    }

    /** Verification's view of the metric store: a component's metric over a stretch of simulated time. */
    private static dev.firebreak.engine.heal.SignalHistory signals(MetricStore store) {
        return (component, metric, from, to) -> {
            MetricName name;
            try {
                name = MetricName.valueOf(metric.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return new double[0];
            }
            Optional<Integer> handle = store.handle(new SeriesKey(component, name));
            if (handle.isEmpty() || to.isBefore(from)) {
                return new double[0];
            }
            return store.range(handle.get(), from.getEpochSecond(), to.getEpochSecond()).values();
        };
    }

    /** Drive loops on daemon threads (a run may wait minutes for its validation); stopped with the session. */
    private RunbookEngine runbookEngine(RunbookSetup setup, HaltLatch haltLatch) {
        ExecutorService worker = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("firebreak-runbook-", 1).factory());
        started.push(worker::shutdownNow);
        OkHttpClient http = new OkHttpClient();
        started.push(() -> {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        });
        ProcessPolicy policy = ProcessPolicy.defaults();
        dev.firebreak.engine.executor.Executor executor = dev.firebreak.engine.executor.Executors.dispatching(List.of(
                dev.firebreak.engine.executor.Executors.simulator(source.simulator()),
                dev.firebreak.engine.executor.Executors.process(policy),
                dev.firebreak.engine.executor.Executors.http(http),
                dev.firebreak.engine.executor.Executors.kubectl(policy)));
        RunbookJournal journal = setup.audit().map(audit -> RunbookJournal.auditing(audit, incidents))
                .orElseGet(() -> RunbookJournal.timeline(incidents));
        MetricStore store = source.store();
        MetricSource metrics = (component, metric) -> {
            MetricName name;
            try {
                name = MetricName.valueOf(metric.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return OptionalDouble.empty();
            }
            Optional<Integer> handle = store.handle(new SeriesKey(component, name));
            return handle.isPresent() ? OptionalDouble.of(store.latest(handle.get())) : OptionalDouble.empty();
        };
        return new RunbookEngine(setup.config(), new RunbookEngine.Wiring(executor, setup.executions(), metrics, journal,
                source.events(), source.clock(), Waiter.following(source.clock(), RUNBOOK_WAIT_POLL), worker, haltLatch));
    }

    /** The simulated default checks of every component no real check speaks for, run on simulated time. */
    private HealthCheckScheduler simulatedChecks(Topology topology, List<HealthCheck> real) {
        Set<String> checkedForReal = new HashSet<>();
        real.forEach(check -> checkedForReal.add(check.componentId()));
        ComponentSignals signals = ComponentSignals.of(source.simulator(), source.store());
        List<HealthCheck> checks = SimulatedProbes.defaultChecks(signals, topology).stream()
                .filter(check -> !checkedForReal.contains(check.componentId())).toList();
        TickTaskScheduler ticks = TickTaskScheduler.attach(source.events(), source.clock());
        started.push(ticks);
        HealthCheckScheduler scheduler = new HealthCheckScheduler(checks, CheckPolicies.defaults(), ticks, source.clock(),
                source.events());
        started.push(scheduler);
        scheduler.start();
        return scheduler;
    }

    /** Real checks on wall-clock time, their results stamped with the simulated clock (ADR 0025). */
    private HealthCheckScheduler realChecks(List<HealthCheck> real) {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(Math.min(REAL_CHECK_THREADS, real.size()),
                Thread.ofPlatform().daemon().name("firebreak-checks-", 1).factory());
        started.push(executor::shutdownNow);
        HealthCheckScheduler scheduler = new HealthCheckScheduler(real, CheckPolicies.defaults(),
                TaskScheduler.of(executor), source.clock(), source.events());
        started.push(scheduler);
        scheduler.start();
        return scheduler;
    }

    private Executor refitExecutor(EngineOptions engineOptions) {
        if (!engineOptions.backgroundRefits()) {
            return Runnable::run;
        }
        ExecutorService executor = MlDetectors.backgroundExecutor();
        started.push(executor::shutdownNow);
        return executor;
    }

    /**
     * Builds every service for {@code topology}, keeping incidents in memory (headless runs, tests); nothing ticks
     * until {@link #startRunner} or {@link #step}.
     */
    public static EngineSession assemble(Topology topology, EngineOptions options) {
        return assemble(topology, options, IncidentStore.inMemory(), FeedbackStore.inMemory(), RunbookSetup.inMemory());
    }

    /** As above, with incidents kept in {@code incidentStore} (the console's database); verdicts in memory. */
    public static EngineSession assemble(Topology topology, EngineOptions options, IncidentStore incidentStore) {
        return assemble(topology, options, incidentStore, FeedbackStore.inMemory(), RunbookSetup.inMemory());
    }

    /** As above, with people's verdicts on diagnosed causes kept in {@code feedbackStore} (the console's database). */
    public static EngineSession assemble(Topology topology, EngineOptions options, IncidentStore incidentStore,
            FeedbackStore feedbackStore) {
        return assemble(topology, options, incidentStore, feedbackStore, RunbookSetup.inMemory());
    }

    /** As above, with runbook runs kept and journaled as {@code runbooks} says (the console's database). */
    public static EngineSession assemble(Topology topology, EngineOptions options, IncidentStore incidentStore,
            FeedbackStore feedbackStore, RunbookSetup runbooks) {
        return new EngineSession(Objects.requireNonNull(topology, "topology"), Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(incidentStore, "incidentStore"), Objects.requireNonNull(feedbackStore, "feedbackStore"),
                Objects.requireNonNull(runbooks, "runbooks"));
    }

    /** Starts the paced runner (the console); {@code paused} leaves it waiting for play. */
    public EngineSession startRunner(boolean paused) {
        if (paused) {
            source.runner().pause();
        }
        source.runner().start();
        return this;
    }

    /** Advances one simulated second on the caller's thread (headless runs, tests with the runner paused). */
    public void step() {
        source.simulator().step();
    }

    public Topology topology() {
        return source.topology();
    }

    /** Where faults are injected: the simulator, behind the emergency stop. */
    public HaltableFaults faults() {
        return faults;
    }

    public Simulator simulator() {
        return source.simulator();
    }

    public SimulationRunner runner() {
        return source.runner();
    }

    public MetricStore store() {
        return source.store();
    }

    public EventBus events() {
        return source.events();
    }

    public SimulationClock clock() {
        return source.clock();
    }

    public DetectionEngine detection() {
        return detection;
    }

    public DetectionHistory history() {
        return history;
    }

    public ForecastEngine forecasts() {
        return forecasts;
    }

    public IncidentService incidents() {
        return incidents;
    }

    public EscalationService escalation() {
        return escalation;
    }

    public IncidentNotifications notifications() {
        return notifications;
    }

    /** Root-cause analysis of every incident: diagnoses, and people's verdicts on them. */
    public RootCauseService rootCauses() {
        return rootCauses;
    }

    /** The runbook engine: runs, approvals, rollbacks. */
    public RunbookEngine runbooks() {
        return runbooks;
    }

    /** The latched emergency stop over healing, runbook runs and (later) chaos experiments. */
    public HaltLatch halt() {
        return halt;
    }

    /** Self-healing: decisions, actions, gates. */
    public HealingService healing() {
        return healing;
    }

    /** The runbook library and where runs are kept. */
    public RunbookSetup runbookSetup() {
        return runbookSetup;
    }

    /** Each component's health as the console shows it: detection and its checks combined (ADR 0025). */
    public ComponentHealth health() {
        return health;
    }

    /** A component's health checks (real ones if the checks file names it, else the simulated defaults). */
    public Optional<ComponentChecks> checks(String componentId) {
        Optional<ComponentChecks> real = realChecks.flatMap(scheduler -> scheduler.checks(componentId));
        return real.isPresent() ? real : simulatedChecks.checks(componentId);
    }

    public EngineOptions options() {
        return options;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                // keep stopping the rest: one service that fails to stop must not leave the others running
                LOG.warn("Could not stop {} cleanly", service, e);
            }
        }
    }
}
