package dev.firebreak.engine.sim;

import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.action.ActionApplied;
import dev.firebreak.engine.action.ActionExecutor;
import dev.firebreak.engine.action.ActionResult;
import dev.firebreak.engine.action.RemediationAction;
import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.change.ChangeKind;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultEnded;
import dev.firebreak.engine.fault.FaultInjector;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultStarted;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.health.SignalHealthRule;
import dev.firebreak.engine.sim.internal.ChangeLog;
import dev.firebreak.engine.sim.internal.EdgeIndex;
import dev.firebreak.engine.sim.internal.FaultEffects;
import dev.firebreak.engine.sim.internal.FaultRegistry;
import dev.firebreak.engine.sim.internal.LoadModel;
import dev.firebreak.engine.sim.internal.Physics;
import dev.firebreak.engine.telemetry.CallTelemetry;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A deterministic physics simulation of a topology: the console's default data source.
 *
 * <p>{@link #step()} advances exactly one simulated second on the runner's thread: it applies queued
 * actions, starts and ends faults, runs the physics (see {@code sim.internal.Physics}), appends one
 * sample to every series, updates health and publishes events, {@link MetricsTicked} last. Everything
 * else may be called from any thread: injections and actions are validated at once and take effect at
 * the start of the next step. The same topology, config and seed give bit-identical series.
 */
@EngineService
public final class Simulator implements FaultInjector, ActionExecutor {

    private static final Duration TICK = Duration.ofSeconds(1);
    private static final MetricName[] METRICS = MetricName.values();
    private static final String AUTHOR = "simulator";
    /** Calls are kept coarser than components (a large topology has thrice as many) and for as long as an analysis reads. */
    private static final int CALL_BUCKET_SECONDS = 5;
    private static final int CALL_KEPT_SECONDS = 2700;
    private static final int WORKDAY_START_HOUR = 9;
    private static final int WORKDAY_END_HOUR = 17;
    private static final double DEPLOYMENTS_PER_DAY = 3;
    private static final double DEPLOYMENTS_PER_COMPONENT_PER_DAY = 0.01;

    private final Topology topology;
    private final SimulationConfig config;
    private final MetricStore store;
    private final EventBus bus;
    private final SimulationClock clock;
    private final int n;
    private final int[] handles;
    private final EdgeIndex edges;
    private final Physics physics;
    private final FaultEffects effects;
    private final LoadModel loadModel;
    private final SignalHealthRule healthRule;
    private final FaultRegistry faults = new FaultRegistry();
    private final ChangeLog changeLog;
    private final AtomicReferenceArray<HealthState> health;
    private final ConcurrentLinkedQueue<RemediationAction> actions = new ConcurrentLinkedQueue<>();
    private final Set<Integer> failedOver = ConcurrentHashMap.newKeySet();
    private final SplittableRandom noiseRandom;
    private final SplittableRandom changeRandom;
    /** Its own stream, so per-call figures leave every component's series as they were. */
    private final SplittableRandom callNoise;
    private final CallTelemetry calls;
    private final int[] entryPoints;
    private final double[] entryShare;
    private final double[] entryLoad;
    private final int[] deployable;
    private final java.util.function.ToIntFunction<String> indexOf;
    private volatile long ticks;

    public Simulator(Topology topology, SimulationConfig config, MetricStore store, EventBus bus, SimulationClock clock) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.n = topology.size();
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom setupRandom = root.split();
        this.loadModel = new LoadModel(config, root.split());
        this.noiseRandom = root.split();
        this.changeRandom = root.split();
        this.callNoise = root.split();
        this.edges = new EdgeIndex(topology);
        this.effects = new FaultEffects(edges);
        this.physics = new Physics(topology, edges, setupRandom, config.noiseFraction());
        this.healthRule = new SignalHealthRule(n, SignalHealthRule.Thresholds.defaults());
        this.health = new AtomicReferenceArray<>(n);
        List<String> versions = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            health.set(c, HealthState.HEALTHY);
            versions.add(topology.component(c).version());
        }
        this.changeLog = new ChangeLog(versions);
        this.handles = registerSeries();
        this.calls = CallTelemetry.bucketed(callsOf(topology, edges), CALL_BUCKET_SECONDS, CALL_KEPT_SECONDS);
        this.entryPoints = topology.entryPoints();
        this.entryShare = shareByCapacity(entryPoints);
        this.entryLoad = new double[n];
        this.deployable = deployableComponents();
        this.indexOf = topology::indexOf;
        fillEntryLoad(config.peakEntryRps());
        physics.calibrate(entryLoad, effects);
    }

    private int[] registerSeries() {
        int[] result = new int[n * METRICS.length];
        Arrays.fill(result, -1);
        for (int c = 0; c < n; c++) {
            Component component = topology.component(c);
            for (MetricName metric : METRICS) {
                if (reports(component, metric)) {
                    result[c * METRICS.length + metric.ordinal()] = store.register(new SeriesKey(component.id(), metric));
                }
            }
        }
        return result;
    }

    private static List<CallTelemetry.Call> callsOf(Topology topology, EdgeIndex edges) {
        List<CallTelemetry.Call> list = new ArrayList<>(edges.size());
        for (int e = 0; e < edges.size(); e++) {
            list.add(new CallTelemetry.Call(topology.component(edges.callerOf(e)).id(),
                    topology.component(edges.calleeOf(e)).id()));
        }
        return list;
    }

    private static boolean reports(Component component, MetricName metric) {
        ComponentKind kind = component.kind();
        return switch (metric) {
            case REQUEST_RATE, ERROR_RATE, LATENCY_P50, LATENCY_P95, LATENCY_P99, CPU, MEMORY -> true;
            case DISK_USED -> kind.isStateful() || kind == ComponentKind.HOST;
            case CONNECTIONS -> kind == ComponentKind.SERVICE || kind == ComponentKind.DATABASE;
            case QUEUE_DEPTH -> kind == ComponentKind.QUEUE;
            case REPLICATION_LAG -> kind == ComponentKind.DATABASE && component.replicaOf().isPresent();
        };
    }

    private double[] shareByCapacity(int[] entries) {
        double total = 0;
        for (int e : entries) {
            total += topology.component(e).capacity();
        }
        double[] share = new double[entries.length];
        for (int i = 0; i < entries.length; i++) {
            share[i] = topology.component(entries[i]).capacity() / total;
        }
        return share;
    }

    private int[] deployableComponents() {
        List<Integer> list = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            ComponentKind kind = topology.component(c).kind();
            if (kind == ComponentKind.SERVICE || kind == ComponentKind.GATEWAY) {
                list.add(c);
            }
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private void fillEntryLoad(double totalRps) {
        for (int i = 0; i < entryPoints.length; i++) {
            entryLoad[entryPoints[i]] = totalRps * entryShare[i];
        }
    }

    // ------------------------------------------------------------------ the tick

    /** Advances exactly one simulated second. Call from one thread only. */
    public void step() {
        clock.advance(TICK);
        Instant now = clock.instant();
        long epochSecond = now.getEpochSecond();
        long tick = ticks + 1;
        applyQueuedActions(now, tick);
        for (FaultRegistry.Transition transition : faults.advance(now)) {
            if (transition.started()) {
                onFaultStarted(transition.fault(), now, tick);
            } else {
                onFaultEnded(transition, now);
            }
        }
        effects.clear();
        faults.collectEffects(effects, indexOf);
        maybeDeployRoutinely(now, epochSecond);
        fillEntryLoad(loadModel.nextEntryRps(epochSecond));
        physics.step(tick, entryLoad, effects, noiseRandom);
        appendSamples(epochSecond);
        updateHealth(now);
        ticks = tick;
        bus.publish(new MetricsTicked(now, epochSecond));
    }

    private void appendSamples(long epochSecond) {
        int m = METRICS.length;
        for (int c = 0; c < n; c++) {
            int base = c * m;
            store.append(handles[base + MetricName.REQUEST_RATE.ordinal()], epochSecond, physics.requestRate(c));
            store.append(handles[base + MetricName.ERROR_RATE.ordinal()], epochSecond, physics.errorPercent(c));
            store.append(handles[base + MetricName.LATENCY_P50.ordinal()], epochSecond, physics.latencyP50(c));
            store.append(handles[base + MetricName.LATENCY_P95.ordinal()], epochSecond, physics.latencyP95(c));
            store.append(handles[base + MetricName.LATENCY_P99.ordinal()], epochSecond, physics.latencyP99(c));
            store.append(handles[base + MetricName.CPU.ordinal()], epochSecond, physics.cpu(c));
            store.append(handles[base + MetricName.MEMORY.ordinal()], epochSecond, physics.memory(c));
            appendIfReported(handles[base + MetricName.DISK_USED.ordinal()], epochSecond, physics.diskUsed(c));
            appendIfReported(handles[base + MetricName.CONNECTIONS.ordinal()], epochSecond, physics.connections(c));
            appendIfReported(handles[base + MetricName.QUEUE_DEPTH.ordinal()], epochSecond, physics.queueDepth(c));
            appendIfReported(handles[base + MetricName.REPLICATION_LAG.ordinal()], epochSecond, physics.replicationLag(c));
        }
        double jitter = config.noiseFraction() * 0.5;
        for (int e = 0; e < edges.size(); e++) {
            double failed = 100 * physics.callFailedShare(e) * (1 + jitter * callNoise.nextGaussian());
            calls.record(e, epochSecond, Math.clamp(failed, 0, 100));
        }
    }

    /** Each call's failed share as its caller saw it (what a service mesh reports), a few seconds a bucket. */
    public CallTelemetry calls() {
        return calls;
    }

    private void appendIfReported(int handle, long epochSecond, double value) {
        if (handle >= 0) {
            store.append(handle, epochSecond, value);
        }
    }

    private void updateHealth(Instant now) {
        for (int c = 0; c < n; c++) {
            HealthState before = health.get(c);
            HealthState after = healthRule.evaluate(c, physics.errorPercent(c) / 100, physics.latencyP50(c),
                    physics.latencyP99(c),
                    physics.availability(c), physics.saturation(c));
            if (after != before) {
                health.set(c, after);
                bus.publish(new SimulatedConditionChanged(now, topology.component(c).id(), before, after,
                        healthRule.reason(c)));
            }
        }
    }

    private void maybeDeployRoutinely(Instant now, long epochSecond) {
        // drawn every tick whether used or not, so enabling deployments does not shift other random streams
        double draw = changeRandom.nextDouble();
        int pick = changeRandom.nextInt(Math.max(1, deployable.length));
        if (!config.routineDeployments() || deployable.length == 0) {
            return;
        }
        long hour = Math.floorMod(epochSecond, 86_400L) / 3600;
        long dayOfWeek = Math.floorMod(Math.floorDiv(epochSecond, 86_400L) + 3, 7L); // 1970-01-01 was a Thursday
        boolean weekday = dayOfWeek < 5;
        boolean workingHours = hour >= WORKDAY_START_HOUR && hour < WORKDAY_END_HOUR;
        double perDay = DEPLOYMENTS_PER_DAY + DEPLOYMENTS_PER_COMPONENT_PER_DAY * n;
        double perSecond = perDay / ((WORKDAY_END_HOUR - WORKDAY_START_HOUR) * 3600.0);
        if (weekday && workingHours && draw < perSecond) {
            int c = deployable[pick];
            String[] versions = changeLog.deploy(c);
            publishChange(c, new ChangeEvent(now, topology.component(c).id(), ChangeKind.DEPLOYMENT, versions[0],
                    versions[1], "ci-pipeline", "routine release " + versions[1]));
        }
    }

    private void publishChange(int component, ChangeEvent event) {
        changeLog.record(component, event);
        bus.publish(event);
    }

    // ------------------------------------------------------------------ faults

    @Override
    public ActiveFault inject(FaultSpec spec) {
        Objects.requireNonNull(spec, "spec");
        int target = requireComponent(spec.target(), "fault target");
        if (spec.peer().isPresent()) {
            int peer = requireComponent(spec.peer().get(), "fault peer");
            if (spec.type() == FaultType.DEPENDENCY_FAILURE && edges.edge(target, peer) < 0) {
                throw new IllegalArgumentException(
                        "dependency failure needs '" + spec.target() + "' to call '" + spec.peer().get() + "', it does not");
            }
        }
        return faults.schedule(spec);
    }

    private int requireComponent(String id, String role) {
        int index = topology.indexOf(id);
        if (index < 0) {
            throw new IllegalArgumentException(role + " '" + id + "' is not a component of " + topology.name());
        }
        return index;
    }

    @Override
    public boolean cancel(long faultId) {
        return faults.cancel(faultId);
    }

    @Override
    public List<ActiveFault> faults() {
        return faults.faults(f -> true);
    }

    public List<ActiveFault> faultsOn(String componentId) {
        return faults.faults(f -> f.spec().target().equals(componentId)
                || f.spec().peer().map(componentId::equals).orElse(false));
    }

    public GroundTruth groundTruth() {
        return faults.groundTruth();
    }

    private void onFaultStarted(ActiveFault fault, Instant now, long tick) {
        FaultSpec spec = fault.spec();
        int target = topology.indexOf(spec.target());
        String id = spec.target();
        bus.publish(new FaultStarted(now, fault));
        switch (spec.type()) {
            case INSTANCE_KILL -> physics.killInstances(target, (int) Math.round(spec.magnitude()), tick);
            case PROCESS_KILL -> physics.killProcesses(target, spec.magnitude(), tick);
            case BAD_DEPLOYMENT -> {
                String[] versions = changeLog.deploy(target);
                publishChange(target, new ChangeEvent(now, id, ChangeKind.DEPLOYMENT, versions[0], versions[1],
                        "ci-pipeline", "release " + versions[1]));
            }
            case CONFIG_ERROR -> {
                String version = changeLog.version(target);
                publishChange(target, new ChangeEvent(now, id, ChangeKind.CONFIG_CHANGE, version, version, "config-service",
                        "configuration update"));
            }
            default -> { }
        }
    }

    private void onFaultEnded(FaultRegistry.Transition transition, Instant now) {
        ActiveFault fault = transition.fault();
        bus.publish(new FaultEnded(now, fault, transition.cancelled()));
        // leaked memory, filled disk and killed instances are state, not effect: they stay until a restart,
        // a cleanup or the replacement delay undoes them, as on a real system
        if (fault.spec().type() == FaultType.BAD_DEPLOYMENT && !transition.remediated()) {
            int target = topology.indexOf(fault.spec().target());
            String[] versions = changeLog.deploy(target);
            publishChange(target, new ChangeEvent(now, fault.spec().target(), ChangeKind.DEPLOYMENT, versions[0],
                    versions[1], "ci-pipeline", "fix forward " + versions[1]));
        }
    }

    // ------------------------------------------------------------------ actions

    /**
     * Validates the action against the topology now and queues it for the start of the next step;
     * "applied" here means accepted. The {@link ActionApplied} event reports the outcome when it acts.
     */
    @Override
    public ActionResult execute(RemediationAction action) {
        Objects.requireNonNull(action, "action");
        int target = topology.indexOf(action.target());
        if (target < 0) {
            return ActionResult.refused("'" + action.target() + "' is not a component of " + topology.name());
        }
        String refusal = refusal(action, target);
        if (refusal != null) {
            return ActionResult.refused(refusal);
        }
        if (action instanceof RemediationAction.Failover) {
            failedOver.add(target);
        }
        actions.add(action);
        return ActionResult.applied(action.describe());
    }

    /** Why an action cannot work on this topology, or null if it can. */
    private String refusal(RemediationAction action, int target) {
        Component component = topology.component(target);
        return switch (action) {
            case RemediationAction.RestartInstance r -> component.kind() == ComponentKind.EXTERNAL
                    ? "'" + r.target() + "' is external: it cannot be restarted from here" : null;
            case RemediationAction.Scale s -> component.kind() == ComponentKind.EXTERNAL
                    ? "'" + s.target() + "' is external: it cannot be scaled from here" : null;
            case RemediationAction.CircuitBreaker b -> edges.edge(target, topology.indexOf(b.callee())) < 0
                    ? "'" + b.target() + "' does not call '" + b.callee() + "'" : null;
            case RemediationAction.Cache c -> component.kind() != ComponentKind.CACHE
                    ? "'" + c.target() + "' is a " + component.kind() + ", not a cache" : null;
            case RemediationAction.Failover f -> failoverRefusal(component, target);
            case RemediationAction.Rollback r -> faults.hasActing(r.target(), FaultType.BAD_DEPLOYMENT, FaultType.CONFIG_ERROR)
                    || changeLog.hasPreviousVersion(target) ? null : "'" + r.target() + "' has no previous version";
            case RemediationAction.CleanDisk d -> null;
            case RemediationAction.ResetConnectionPool p -> topology.calleesOf(target).length == 0
                    && component.kind() != ComponentKind.DATABASE
                    ? "'" + p.target() + "' has no connection pool (it calls nothing)" : null;
            case RemediationAction.Reroute r -> rerouteRefusal(r, component);
            case RemediationAction.ShedLoad s -> component.kind() == ComponentKind.EXTERNAL
                    ? "'" + s.target() + "' is external: its load cannot be shed from here" : null;
        };
    }

    private String failoverRefusal(Component component, int target) {
        if (component.kind() != ComponentKind.DATABASE) {
            return "'" + component.id() + "' is a " + component.kind() + ", only databases fail over";
        }
        if (edges.replicaFor(target) < 0) {
            return "'" + component.id() + "' has no replica to fail over to";
        }
        if (failedOver.contains(target)) {
            return "'" + component.id() + "' has already failed over";
        }
        return null;
    }

    private String rerouteRefusal(RemediationAction.Reroute reroute, Component component) {
        int alternative = topology.indexOf(reroute.alternative());
        if (alternative < 0) {
            return "alternative '" + reroute.alternative() + "' is not a component of " + topology.name();
        }
        if (alternative == topology.indexOf(component.id())) {
            return "cannot reroute '" + component.id() + "' to itself";
        }
        if (topology.component(alternative).kind() != component.kind()) {
            return "'" + reroute.alternative() + "' is a " + topology.component(alternative).kind() + ", not a "
                    + component.kind() + " like '" + component.id() + "'";
        }
        return null;
    }

    private void applyQueuedActions(Instant now, long tick) {
        RemediationAction action;
        while ((action = actions.poll()) != null) {
            int target = topology.indexOf(action.target());
            String id = action.target();
            ActionResult result = ActionResult.applied(action.describe());
            switch (action) {
                case RemediationAction.RestartInstance r -> physics.restartInstance(target, tick);
                case RemediationAction.Scale s -> {
                    physics.scale(target, s.replicas(), tick);
                    String version = changeLog.version(target);
                    publishChange(target, new ChangeEvent(now, id, ChangeKind.SCALING, version, version, AUTHOR,
                            s.describe()));
                }
                case RemediationAction.CircuitBreaker b ->
                        physics.circuitBreaker(edges.edge(target, topology.indexOf(b.callee())), b.open());
                case RemediationAction.Cache c -> physics.cache(target, c.warm());
                case RemediationAction.Failover f -> {
                    int replica = edges.replicaFor(target);
                    physics.failover(target, replica);
                    String replicaId = topology.component(replica).id();
                    publishChange(target, new ChangeEvent(now, id, ChangeKind.FAILOVER, changeLog.version(target),
                            changeLog.version(replica), AUTHOR, "promoted " + replicaId + "; connections moved to it"));
                }
                case RemediationAction.Rollback r -> result = rollback(target, id, now);
                case RemediationAction.CleanDisk d -> physics.cleanDisk(target);
                case RemediationAction.ResetConnectionPool p -> physics.resetConnectionPool(target);
                case RemediationAction.Reroute r -> physics.reroute(target, topology.indexOf(r.alternative()), r.fraction());
                case RemediationAction.ShedLoad s -> physics.shedLoad(target, s.fraction());
            }
            bus.publish(new ActionApplied(now, action, result));
        }
    }

    private ActionResult rollback(int target, String id, Instant now) {
        boolean badDeployment = faults.hasActing(id, FaultType.BAD_DEPLOYMENT);
        boolean badConfig = faults.hasActing(id, FaultType.CONFIG_ERROR);
        faults.endByRemediation(id, FaultType.BAD_DEPLOYMENT, FaultType.CONFIG_ERROR);
        if (badConfig && !badDeployment) {
            String version = changeLog.version(target);
            publishChange(target, new ChangeEvent(now, id, ChangeKind.ROLLBACK, version, version, AUTHOR,
                    "reverted the last configuration change"));
            return ActionResult.applied("reverted the last configuration change of " + id);
        }
        String[] versions = changeLog.rollback(target);
        if (versions == null) {
            return ActionResult.refused("'" + id + "' has no previous version");
        }
        publishChange(target, new ChangeEvent(now, id, ChangeKind.ROLLBACK, versions[0], versions[1], AUTHOR,
                "rolled back " + versions[0] + " to " + versions[1]));
        return ActionResult.applied("rolled " + id + " back to " + versions[1]);
    }

    // ------------------------------------------------------------------ reading

    public Topology topology() {
        return topology;
    }

    public SimulationClock clock() {
        return clock;
    }

    public SimulationConfig config() {
        return config;
    }

    public long ticks() {
        return ticks;
    }

    public HealthState health(int componentIndex) {
        return health.get(componentIndex);
    }

    public HealthState[] healthSnapshot() {
        HealthState[] copy = new HealthState[n];
        for (int c = 0; c < n; c++) {
            copy[c] = health.get(c);
        }
        return copy;
    }

    /**
     * Instances of a component serving after the last step: its replicas less those killed and not yet replaced,
     * restarting or out of memory; fractional while a share of their processes is down. What a per-instance
     * probe would count; read it on the simulator's thread (health checks run there).
     */
    public double instancesServing(int componentIndex) {
        return physics.instancesServing(componentIndex);
    }

    /** Instances a component should have after the last step: its replicas, or its scale target once ready. */
    public int instancesWanted(int componentIndex) {
        return physics.instancesWanted(componentIndex);
    }

    /** The store handle of a component's series, or -1 if that component does not report that metric. */
    public int seriesHandle(int componentIndex, MetricName metric) {
        return handles[componentIndex * METRICS.length + metric.ordinal()];
    }

    /** Recent changes of a component, newest last. */
    public List<ChangeEvent> changes(String componentId) {
        int index = topology.indexOf(componentId);
        return index < 0 ? List.of() : changeLog.recent(index);
    }

    /** The seasonal load factor at an instant (1 at a weekday peak), for views that explain traffic. */
    public static double seasonality(Instant instant) {
        return LoadModel.seasonality(instant.getEpochSecond());
    }
}
