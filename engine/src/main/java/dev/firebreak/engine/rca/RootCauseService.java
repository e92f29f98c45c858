package dev.firebreak.engine.rca;

import dev.firebreak.engine.action.ActionApplied;
import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.change.ChangeKind;
import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentChanged;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.rca.internal.StoreSeries;
import dev.firebreak.engine.telemetry.CallTelemetry;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Diagnoses every incident: when it opens, when components join it, as its picture settles (an update at least
 * {@link RootCauseSettings#refresh()} after the last analysis), and while it stays open on a schedule that widens with
 * its age (see {@code onTick}). Reads the metric store around the incident's onset
 * (detection's first anomaly on its components, or its opening), the changes and the verdicts people gave on earlier
 * diagnoses; publishes {@link DiagnosisUpdated} and writes a {@link TimelineKind#DIAGNOSIS} entry when the best cause
 * changes. People confirm or reject a cause; the verdict is stored and feeds the similarity method next time.
 *
 * <p>Time is the injected clock (the simulation's) for verdicts; analyses use the incident events' engine time.
 * Runs on the engine's thread, inside the incident service's event delivery: the analysis is cheap (bench
 * {@code RootCauseBenchmark}). Commands may come from other threads; one lock orders them. Queries read the
 * latest diagnoses without it.
 */
@EngineService
public final class RootCauseService implements AutoCloseable {

    /** Changes and anomalies older than this are forgotten: no incident looks that far back. */
    private static final Duration MEMORY = Duration.ofHours(2);

    private final Clock clock;
    private final Topology topology;
    private final MetricStore store;
    private final CallTelemetry calls;
    private final EventBus bus;
    private final IncidentService incidents;
    private final FeedbackStore feedback;
    private final RootCauseSettings settings;
    private final RootCauseAnalyzer analyzer;
    private final CallGraph graph;
    /** Whether a component's own checks find instances it should have not serving now. */
    private final Predicate<String> down;
    private final Deque<ChangeEvent> changes = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> anomalies = new HashMap<>();
    // read without the lock: the console asks on its thread while an analysis (hundreds of ms on 2,000 components)
    // holds it
    private final Map<Long, Diagnosis> diagnoses = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, Instant> analysedAt = new HashMap<>();
    /**
     * Per incident, the components whose own checks found instances down at any of its analyses: a process its
     * supervisor restarted in 20 s is still why the incident started, and the diagnosis five minutes on must not
     * forget it for what its callers still show.
     */
    private final Map<Long, Set<String>> seenDown = new HashMap<>();
    /** When something (healing, a runbook, a person) last acted on a component: its instances are down by our hand. */
    private final Map<String, Instant> actedOn = new HashMap<>();
    private final Map<Long, RcaInput> inputs = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, Integer> componentsSeen = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** Set while this thread writes a diagnosis to the timeline, whose change event comes straight back here. */
    private final ThreadLocal<Boolean> recording = ThreadLocal.withInitial(() -> false);

    private RootCauseService(Topology topology, Telemetry telemetry, EventBus bus, IncidentService incidents,
            FeedbackStore feedback, RootCauseSettings settings, Clock clock, Predicate<String> down) {
        MetricStore store = telemetry.store();
        this.calls = telemetry.calls();
        this.down = Objects.requireNonNull(down, "down");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.store = Objects.requireNonNull(store, "store");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.analyzer = new RootCauseAnalyzer(settings.analysis());
        this.graph = callGraph(topology);
    }

    /** Builds the service and subscribes it to incidents, anomalies and changes on the bus. */
    public static RootCauseService attach(Topology topology, MetricStore store, EventBus bus, IncidentService incidents,
            FeedbackStore feedback, RootCauseSettings settings, Clock clock) {
        return attach(topology, new Telemetry(store, CallTelemetry.none()), bus, incidents, feedback, settings, clock,
                component -> false);
    }

    /** What the analysis reads: the components' series and, where the source has them, each call's failures. */
    public record Telemetry(MetricStore store, CallTelemetry calls) {
        public Telemetry {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(calls, "calls");
        }
    }

    /** As above, with what the components' own checks say: {@code down} whether instances it should have are down. */
    public static RootCauseService attach(Topology topology, Telemetry telemetry, EventBus bus, IncidentService incidents,
            FeedbackStore feedback, RootCauseSettings settings, Clock clock, Predicate<String> down) {
        RootCauseService service = new RootCauseService(topology, telemetry, bus, incidents, feedback, settings, clock, down);
        service.subscriptions.add(bus.subscribe(ChangeEvent.class, service::onChange));
        service.subscriptions.add(bus.subscribe(AnomalyDetected.class, service::onAnomaly));
        service.subscriptions.add(bus.subscribe(IncidentChanged.class, service::onIncident));
        service.subscriptions.add(bus.subscribe(MetricsTicked.class, service::onTick));
        service.subscriptions.add(bus.subscribe(ActionApplied.class, service::onAction));
        return service;
    }

    static CallGraph callGraph(Topology topology) {
        List<String> nodes = topology.components().stream().map(c -> c.id()).toList();
        Set<CallGraph.Call> calls = new LinkedHashSet<>();
        for (Dependency d : topology.dependencies()) {
            calls.add(new CallGraph.Call(d.callerId(), d.calleeId()));
        }
        return new CallGraph(nodes, List.copyOf(calls));
    }

    private synchronized void onChange(ChangeEvent change) {
        changes.addLast(change);
        while (!changes.isEmpty() && changes.peekFirst().at().isBefore(change.at().minus(MEMORY))) {
            changes.removeFirst();
        }
    }

    private synchronized void onAnomaly(AnomalyDetected anomaly) {
        Deque<Instant> seen = anomalies.computeIfAbsent(anomaly.componentId(), id -> new ArrayDeque<>());
        seen.addLast(anomaly.at());
        while (!seen.isEmpty() && seen.peekFirst().isBefore(anomaly.at().minus(MEMORY))) {
            seen.removeFirst();
        }
    }

    /**
     * Analyses under this service's lock, then publishes and writes to the timeline after releasing it: the timeline
     * write publishes the incident's change to escalation, whose tick holds its own lock while it calls the incident
     * service, so holding ours across it deadlocked the two (found by the incident console frame bench).
     */
    private void onIncident(IncidentChanged changed) {
        if (recording.get()) {
            return; // our own diagnosis entry coming back through the incident service
        }
        Runnable effects;
        synchronized (this) {
            Incident incident = changed.incident();
            if (changed.kind() == IncidentChanged.Kind.RESOLVED || incident.components().isEmpty()) {
                return;
            }
            boolean grew = incident.components().size() > componentsSeen.getOrDefault(incident.id(), 0);
            Instant last = analysedAt.get(incident.id());
            boolean settled = last != null && !changed.at().isBefore(last.plus(settings.refresh()));
            if (!(changed.kind() == IncidentChanged.Kind.OPENED || grew || settled)) {
                return;
            }
            effects = analyse(incident, changed.at());
        }
        effects.run();
    }

    /**
     * A quiet incident is analysed again as its evidence matures, changed or not: a diagnosis made in the incident's
     * first second reads a few samples of the fault, and one that nothing revises stays as thin as that (a bad deployment
     * read as "no anomaly of its own" for ten minutes). Again once as long has passed since the last analysis as the
     * incident had been open then, and never sooner than {@link RootCauseSettings#firstLook()}: 10 s, 20 s, 40 s,
     * 80 s... after it opened, so an old incident costs little.
     */
    private void onTick(MetricsTicked tick) {
        List<Runnable> effects = new ArrayList<>();
        synchronized (this) {
            Instant now = tick.at();
            for (Map.Entry<Long, Instant> last : List.copyOf(analysedAt.entrySet())) {
                Optional<Incident> incident = incidents.incident(last.getKey());
                if (incident.isEmpty() || !incident.get().state().isOpen() || incident.get().components().isEmpty()) {
                    analysedAt.remove(last.getKey());
                    seenDown.remove(last.getKey());
                    continue;
                }
                Duration ageThen = Duration.between(incident.get().openedAt(), last.getValue());
                Duration gap = ageThen.compareTo(settings.firstLook()) > 0 ? ageThen : settings.firstLook();
                if (!now.isBefore(last.getValue().plus(gap))) {
                    effects.add(analyse(incident.get(), now));
                }
            }
        }
        effects.forEach(Runnable::run);
    }

    private synchronized void onAction(ActionApplied applied) {
        actedOn.put(applied.action().target(), applied.at());
    }

    /** Diagnoses {@code incident} (lock held); returns what to announce once the lock is released. */
    private Runnable analyse(Incident incident, Instant now) {
        RcaInput input = input(incident, now);
        inputs.put(incident.id(), input);
        Diagnosis diagnosis = analyzer.analyze(input);
        Diagnosis previous = diagnoses.put(incident.id(), diagnosis);
        analysedAt.put(incident.id(), now);
        componentsSeen.put(incident.id(), incident.components().size());
        boolean topChanged = !sameTop(previous, diagnosis);
        return () -> {
            bus.publish(new DiagnosisUpdated(now, incident.id(), diagnosis, topChanged));
            if (topChanged && diagnosis.top().isPresent()) {
                recording.set(true);
                try {
                    incidents.record(incident.id(), TimelineKind.DIAGNOSIS, IncidentService.ENGINE,
                            summary(diagnosis.top().get()));
                } finally {
                    recording.set(false);
                }
            }
        };
    }

    /**
     * A failover, rollback or scaling made after the onset is a response to the incident (healing's or a person's), not a
     * suspect: it cannot have caused what started before it.
     */
    private static boolean isResponse(ChangeEvent change, Instant onset) {
        return change.at().isAfter(onset) && (change.kind() == dev.firebreak.engine.change.ChangeKind.FAILOVER
                || change.kind() == dev.firebreak.engine.change.ChangeKind.ROLLBACK
                || change.kind() == dev.firebreak.engine.change.ChangeKind.SCALING);
    }

    private static boolean sameTop(Diagnosis previous, Diagnosis current) {
        if (previous == null) {
            return false;
        }
        Optional<Cause> a = previous.top();
        Optional<Cause> b = current.top();
        return a.map(Cause::component).equals(b.map(Cause::component)) && a.map(Cause::kind).equals(b.map(Cause::kind));
    }

    private static String summary(Cause cause) {
        return String.format(Locale.ROOT, "probable cause: %s, %s (confidence %.2f)%s", cause.component(), cause.kind(),
                cause.confidence(), cause.evidence().isEmpty() ? "" : "; " + cause.evidence().getFirst());
    }

    /** The generic input: the store around the onset, the incident's nodes, recent changes and past verdicts. */
    private RcaInput input(Incident incident, Instant now) {
        Instant onset = onset(incident);
        Instant anomalousFrom = onset.minus(settings.lead());
        Instant normalFrom = anomalousFrom.minus(settings.normal());
        long until = Math.max(now.getEpochSecond(), anomalousFrom.getEpochSecond() + 1);
        List<String> nodes = incident.components().stream().filter(graph::contains).toList();
        String symptomNode = nodes.isEmpty() ? incident.components().getFirst() : nodes.getFirst();
        List<ChangeRecord> recent = new ArrayList<>();
        Instant changesFrom = anomalousFrom.minusSeconds(settings.analysis().changeLookbackSeconds());
        for (ChangeEvent change : changes) {
            if (isResponse(change, anomalousFrom)) {
                continue;
            }
            if (!change.at().isBefore(changesFrom) && !change.at().isAfter(now)) {
                recent.add(new ChangeRecord(change.componentId(), change.at().getEpochSecond(), kindOf(change.kind()),
                        change.description(), change.toVersion()));
            }
        }
        List<PastIncident> past = feedback.all().stream().filter(f -> f.incidentId() != incident.id())
                .map(Feedback::asPastIncident).toList();
        Set<String> notAnswering = seenDown.computeIfAbsent(incident.id(), id -> new LinkedHashSet<>());
        for (String node : graph.nodes()) {
            // instances a restart or a scale-down of this incident's took away are the response, not the cause
            Instant acted = actedOn.get(node);
            boolean ours = acted != null && !acted.isBefore(incident.openedAt());
            if (!ours && down.test(node)) {
                notAnswering.add(node);
            }
        }
        Period normal = new Period(normalFrom.getEpochSecond(), anomalousFrom.getEpochSecond());
        Period anomalous = new Period(anomalousFrom.getEpochSecond(), until + 1);
        StoreSeries series = new StoreSeries(store, calls, normal.from(), anomalous.until() - 1);
        // the symptom's metric is left open: an incident is about a component, and any of its signals may be the one
        return new RcaInput(graph, series.axis(), series, StoreSeries.metricSpecs(), normal, anomalous,
                new Symptom(symptomNode, "", onset.getEpochSecond()),
                nodes.isEmpty() ? List.of() : nodes.subList(1, nodes.size()), recent, past, notAnswering,
                flaggedSince(normalFrom, now));
    }

    /** The components detection found anomalous from {@code from} to {@code now}. */
    private Set<String> flaggedSince(Instant from, Instant now) {
        Set<String> flagged = new HashSet<>();
        anomalies.forEach((component, seen) -> {
            if (seen.stream().anyMatch(at -> !at.isBefore(from) && !at.isAfter(now))) {
                flagged.add(component);
            }
        });
        return flagged;
    }

    /**
     * An analysis input over the simulator's metric store, one-second samples from the normal period's start to the
     * anomalous period's end; series are copied from the store only when the analysis reads them.
     */
    public static RcaInput fromStore(CallGraph graph, MetricStore store, Period normal, Period anomalous, Symptom symptom,
            List<String> affected, List<ChangeRecord> changes, List<PastIncident> past) {
        return fromStore(graph, store, normal, anomalous, symptom, affected, changes, past, Set.of());
    }

    /** As above, with the components detection flagged ({@link RcaInput#flagged()}). */
    public static RcaInput fromStore(CallGraph graph, MetricStore store, Period normal, Period anomalous, Symptom symptom,
            List<String> affected, List<ChangeRecord> changes, List<PastIncident> past, Set<String> flagged) {
        StoreSeries series = new StoreSeries(store, normal.from(), anomalous.until() - 1);
        return new RcaInput(graph, series.axis(), series, StoreSeries.metricSpecs(), normal, anomalous, symptom, affected,
                changes, past, Set.of(), flagged);
    }

    /** The call graph of a topology: every component, every dependency as a call. */
    public static CallGraph callGraphOf(Topology topology) {
        return callGraph(topology);
    }

    /** Detection's first anomaly on the incident's components shortly before it opened, else its opening. */
    private Instant onset(Incident incident) {
        Instant onset = incident.openedAt();
        Instant earliest = incident.openedAt().minus(settings.normal().dividedBy(2));
        for (String component : incident.components()) {
            for (Instant at : anomalies.getOrDefault(component, new ArrayDeque<>())) {
                if (!at.isBefore(earliest) && at.isBefore(onset)) {
                    onset = at;
                }
            }
        }
        return onset;
    }

    private static String kindOf(ChangeKind kind) {
        return switch (kind) {
            case DEPLOYMENT -> "deployment";
            case CONFIG_CHANGE -> "config change";
            case ROLLBACK -> "rollback";
            case SCALING -> "scaling";
            case FAILOVER -> "failover";
        };
    }

    // ---- Queries ----

    /** The latest diagnosis of an incident, if it was analysed. */
    public Optional<Diagnosis> diagnosis(long incidentId) {
        return Optional.ofNullable(diagnoses.get(incidentId));
    }

    /**
     * What the latest diagnosis of an incident looked at (its series are read from the store on demand, so read them
     * before the store's full-resolution retention passes): to show it, or to analyse it again another way.
     */
    public Optional<RcaInput> input(long incidentId) {
        return Optional.ofNullable(inputs.get(incidentId));
    }

    /** Every verdict people gave, oldest first. */
    public List<Feedback> feedback() {
        return feedback.all();
    }

    public RootCauseSettings settings() {
        return settings;
    }

    public Topology topology() {
        return topology;
    }

    // ---- Commands ----

    /** A person confirms a component as the incident's cause; stored, on the timeline, and used by similarity. */
    public Feedback confirm(long incidentId, String componentId, String actor) {
        return verdict(incidentId, componentId, actor, true);
    }

    /** A person rejects a component as the incident's cause. */
    public Feedback reject(long incidentId, String componentId, String actor) {
        return verdict(incidentId, componentId, actor, false);
    }

    private Feedback verdict(long incidentId, String componentId, String actor, boolean confirmed) {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(actor, "actor");
        Incident incident = incidents.incident(incidentId).orElseThrow(() -> new IllegalArgumentException(
                "there is no incident " + Incident.key(incidentId)));
        if (topology.indexOf(componentId) < 0) {
            throw new IllegalArgumentException("'" + componentId + "' is not a component of " + topology.name());
        }
        Feedback verdict;
        synchronized (this) {
            Diagnosis diagnosis = diagnoses.get(incidentId);
            String kind = diagnosis == null ? "" : diagnosis.causes().stream().filter(c -> c.component().equals(componentId))
                    .findFirst().map(Cause::kind).orElse("");
            verdict = new Feedback(incidentId, incident.key(), componentId, kind, confirmed, actor,
                    clock.instant(),
                    diagnosis == null ? Set.of() : diagnosis.signature());
            feedback.add(verdict);
        }
        incidents.record(incidentId, TimelineKind.DIAGNOSIS, actor, (confirmed ? "confirmed " : "rejected ") + componentId
                + " as the cause" + (verdict.kind().isEmpty() ? "" : " (" + verdict.kind() + ")"));
        return verdict;
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
