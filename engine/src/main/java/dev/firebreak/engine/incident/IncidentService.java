package dev.firebreak.engine.incident;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.internal.ImpactAssessor;
import dev.firebreak.engine.incident.internal.Neighbourhoods;
import dev.firebreak.engine.incident.internal.TypeInference;
import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.lifecycle.IllegalTransitionException;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Alerts in, incidents out. Deduplicates alerts by fingerprint, groups those on nearby components (within
 * {@link IncidentConfig#groupingHops()} calls) and close in time into one incident, computes its severity from
 * user impact as it grows, runs its lifecycle, and writes every change to its hash-chained timeline through the
 * {@link IncidentStore} before anyone sees it. People act on incidents through the command methods, each naming
 * the actor; illegal lifecycle moves are refused with a message naming the state.
 *
 * <p>Thread-safe: alerts arrive on the engine's thread, commands on the console's; one lock orders them. Time is
 * the injected clock (the simulation's), so resolution after a quiet period happens in simulated time.
 */
@EngineService
public final class IncidentService implements AutoCloseable {

    /** The actor of everything the engine does by itself. */
    public static final String ENGINE = "firebreak";

    private final Topology topology;
    private final IncidentConfig config;
    private final IncidentStore store;
    private final EventBus bus;
    private final Clock clock;
    private final Neighbourhoods neighbourhoods;
    private final ImpactAssessor impact;
    /** Calls between the entry points and each component, at most (callees are deeper than their callers). */
    private final int[] depth;

    private final Map<Long, Tracked> incidents = new LinkedHashMap<>();
    /** Each incident's latest snapshot, for the queries: written under the lock, read without it. */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, Incident> published = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** The most components a younger incident may have and still fold into an older one it comes to touch. */
    static final int MERGE_AT_MOST = 3;
    /** Changes made under the lock by the current thread, published when it lets go of the lock. */
    private final ThreadLocal<List<IncidentChanged>> outbox = ThreadLocal.withInitial(ArrayList::new);
    private final Map<String, Long> incidentOfFingerprint = new HashMap<>();
    private final Map<String, Alert> active = new HashMap<>();
    private final Map<String, Instant> lastChangeOn = new HashMap<>();
    private final Map<String, Instant> momentary = new HashMap<>();
    private final List<Silence> silences = new ArrayList<>();
    private final Map<Long, Long> suppressedBySilence = new HashMap<>();
    private long nextIncidentId = 1;
    private long nextSilenceId = 1;
    private long alertsReceived;
    private long alertsBelowThreshold;

    /** One incident's mutable state; snapshots are made from it. */
    private static final class Tracked {
        long id;
        String title;
        IncidentSeverity computed;
        IncidentSeverity override;
        String overrideReason;
        IncidentType type;
        boolean typeOverridden;
        IncidentState state;
        Instant openedAt;
        String acknowledgedBy;
        Instant acknowledgedAt;
        Instant resolvedAt;
        final Set<String> components = new LinkedHashSet<>();
        final Map<String, HealthState> health = new LinkedHashMap<>();
        final Set<String> activeFingerprints = new LinkedHashSet<>();
        long alertCount;
        final Map<Role, String> roles = new EnumMap<>(Role.class);
        Instant lastActivity;
        Instant lastEnded;
        Instant lastStatusUpdate;
        TimelineEntry last;
        Incident snapshot;
        boolean unsaved;

        IncidentSeverity severity() {
            return override != null ? override : computed;
        }
    }

    public IncidentService(Topology topology, IncidentConfig config, IncidentStore store, EventBus bus, Clock clock) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.neighbourhoods = new Neighbourhoods(topology, config.groupingHops());
        this.impact = new ImpactAssessor(topology);
        this.depth = depths(topology);
        restore();
    }

    private static int[] depths(Topology topology) {
        int[] depth = new int[topology.size()];
        for (int component : topology.topologicalOrder()) {
            for (int callee : topology.calleesOf(component)) {
                depth[callee] = Math.max(depth[callee], depth[component] + 1);
            }
        }
        return depth;
    }

    /** Picks up where a previous run on the same store left off (the console's data directory). */
    private void restore() {
        for (Incident saved : store.incidents()) {
            Tracked t = new Tracked();
            t.id = saved.id();
            t.title = saved.title();
            t.computed = saved.computedSeverity();
            t.override = saved.severityOverride().isPresent() ? saved.severity() : null;
            t.overrideReason = saved.severityOverride().orElse(null);
            t.type = saved.type();
            t.state = saved.state();
            t.openedAt = saved.openedAt();
            t.acknowledgedBy = saved.acknowledgedBy().orElse(null);
            t.acknowledgedAt = saved.acknowledgedAt().orElse(null);
            t.resolvedAt = saved.resolvedAt().orElse(null);
            t.components.addAll(saved.components());
            t.alertCount = saved.alertCount();
            t.roles.putAll(saved.roles());
            t.lastActivity = saved.lastActivity();
            t.lastEnded = saved.lastActivity();
            t.lastStatusUpdate = saved.lastStatusUpdate().orElse(null);
            List<TimelineEntry> timeline = store.timeline(saved.id());
            t.last = timeline.isEmpty() ? null : timeline.getLast();
            t.snapshot = saved;
            published.put(t.id, saved);
            incidents.put(t.id, t);
            nextIncidentId = Math.max(nextIncidentId, t.id + 1);
        }
    }

    // ---- Intake ----

    /**
     * Takes the alerts of one tick, loudest first and, among equals, the deepest in the call graph first (a cause
     * moves before its callers): the incident then starts from, and is named after, the likeliest origin.
     */
    public void acceptAll(List<Alert> batch) {
        publishing(() -> {
            List<Alert> ordered = new ArrayList<>(batch);
            ordered.sort(AlertIntake.LOUDEST_FIRST.thenComparing(Comparator.comparingInt(
                    (Alert a) -> depth[Math.max(0, topology.indexOf(a.componentId()))]).reversed()));
            ordered.forEach(this::accept);
        });
    }

    /** Takes one alert from any source. */
    public void accept(Alert alert) {
        publishing(() -> {
            Objects.requireNonNull(alert, "alert");
            int index = topology.indexOf(alert.componentId());
            if (index < 0) {
                throw new IllegalArgumentException("alert " + alert.fingerprint() + " names component '" + alert.componentId()
                        + "', which is not in topology " + topology.name());
            }
            alertsReceived++;
            Instant now = alert.endsAt().orElse(alert.startsAt());
            Optional<Silence> silence = silences.stream().filter(s -> s.matches(alert, now)).findFirst();
            if (silence.isPresent()) {
                suppress(alert, silence.get(), now);
                return;
            }
            boolean wasActive = active.containsKey(alert.fingerprint());
            if (alert.isEnded() && wasActive) {
                end(alert, now);
                return;
            }
            if (wasActive) {
                repeat(alert, now);
                return;
            }
            if (alert.isEnded() && momentaryRepeat(alert, now)) {
                return;
            }
            fire(alert, index, now);
            if (alert.isEnded()) {
                // a momentary alert (an anomaly report, a prediction): it joined, and nothing stays active
                momentary.put(alert.fingerprint(), now);
                end(alert, now);
            }
        });
    }

    /** The same momentary alert again while its incident is open and active: counted, not written again. */
    private boolean momentaryRepeat(Alert alert, Instant now) {
        Instant seen = momentary.get(alert.fingerprint());
        Long id = incidentOfFingerprint.get(alert.fingerprint());
        if (seen == null || id == null || now.isAfter(seen.plus(config.groupingWindow()))) {
            return false;
        }
        Tracked t = incidents.get(id);
        if (!t.state.isOpen()) {
            return false;
        }
        t.alertCount++;
        momentary.put(alert.fingerprint(), now);
        counted(t);
        return true;
    }

    private void suppress(Alert alert, Silence silence, Instant now) {
        long before = suppressedBySilence.merge(silence.id(), 1L, Long::sum) - 1;
        Long incidentId = incidentOfFingerprint.get(alert.fingerprint());
        Tracked t = incidentId == null ? null : incidents.get(incidentId);
        if (t != null && t.state.isOpen() && before == 0) {
            write(t, now, TimelineKind.SUPPRESSED, ENGINE, alert.summary() + " suppressed by silence '" + silence.reason()
                    + "' (set by " + silence.createdBy() + ")", IncidentChanged.Kind.UPDATED);
        }
    }

    private void fire(Alert alert, int index, Instant now) {
        Tracked t = incidentFor(alert, index, now);
        if (t == null) {
            if (!alert.level().opensIncident()) {
                alertsBelowThreshold++;
                return;
            }
            t = open(alert, now);
        } else {
            t = join(t, alert, now);
        }
        active.put(alert.fingerprint(), alert);
        t.activeFingerprints.add(alert.fingerprint());
        incidentOfFingerprint.put(alert.fingerprint(), t.id);
    }

    /**
     * The incident an alert belongs to: the open one it already belongs to; else an open incident with a component
     * near it and recent activity (the most recent if several); else, for an alert loud enough to open one, the
     * incident it belonged to if that resolved within the reopen window (a flapping alert).
     */
    private Tracked incidentFor(Alert alert, int index, Instant now) {
        Long known = incidentOfFingerprint.get(alert.fingerprint());
        if (known != null && incidents.get(known).state.isOpen()) {
            return incidents.get(known);
        }
        Tracked nearest = null;
        for (Tracked t : incidents.values()) {
            if (!t.state.isOpen() || now.isAfter(t.lastActivity.plus(config.groupingWindow()))) {
                continue;
            }
            for (String member : t.components) {
                int memberIndex = topology.indexOf(member);
                // incidents restored from another topology's run have members this one does not know
                if (memberIndex >= 0 && neighbourhoods.near(index, memberIndex)) {
                    if (nearest == null || t.lastActivity.isAfter(nearest.lastActivity)) {
                        nearest = t;
                    }
                    break;
                }
            }
        }
        if (nearest != null || known == null) {
            return nearest;
        }
        Tracked t = incidents.get(known);
        if (t.state == IncidentState.RESOLVED && t.resolvedAt != null && alert.level().opensIncident()
                && !now.isAfter(t.resolvedAt.plus(config.reopenWindow()))) {
            move(t, IncidentState.INVESTIGATING, ENGINE, "reopened: " + shortTitle(alert) + " again "
                    + minutes(Duration.between(t.resolvedAt, now)) + " after it resolved", now);
            return t;
        }
        return null;
    }

    private Tracked open(Alert alert, Instant now) {
        Tracked t = new Tracked();
        t.id = nextIncidentId++;
        Component component = topology.find(alert.componentId()).orElseThrow();
        t.state = IncidentState.DETECTED;
        t.openedAt = now;
        t.lastActivity = now;
        t.components.add(alert.componentId());
        healthOf(alert).ifPresent(state -> t.health.put(alert.componentId(), state));
        t.alertCount = 1;
        Instant changed = lastChangeOn.get(alert.componentId());
        t.type = TypeInference.infer(alert, component, changed != null && !changed.isBefore(now.minus(Duration.ofMinutes(30))));
        t.title = shortTitle(alert);
        ImpactAssessor.Impact assessed = impact.assess(t.health);
        t.computed = assessed.severity();
        incidents.put(t.id, t);
        write(t, now, TimelineKind.OPENED, ENGINE, "Opened " + t.severity().label() + ", " + t.type.name().toLowerCase(java.util.Locale.ROOT)
                + ": " + alert.summary() + " (" + alert.source().name().toLowerCase(java.util.Locale.ROOT) + "; "
                + assessed.reason() + ")", IncidentChanged.Kind.OPENED);
        return t;
    }

    /** Adds the alert to the incident; returns the incident it ended up in (another one, if this merged into it). */
    private Tracked join(Tracked t, Alert alert, Instant now) {
        t.alertCount++;
        t.lastActivity = now;
        boolean newComponent = t.components.add(alert.componentId());
        healthOf(alert).ifPresent(state -> t.health.put(alert.componentId(), state));
        write(t, now, TimelineKind.ALERT, ENGINE, (newComponent ? alert.componentId() + " joined: " : "") + alert.summary(),
                IncidentChanged.Kind.UPDATED);
        reassess(t, now);
        return newComponent ? mergeNeighbours(t, alert.componentId(), now) : t;
    }

    /**
     * The grouping rule applied again as an incident grows: another open, recently active incident with a member
     * near the component that just joined is the same fault seen from its other end (two symptoms that each opened
     * an incident before the components between them alerted), so the younger folds into the older. Only a
     * young incident of a few components folds: a stray symptom. Two incidents that have both grown are more
     * likely two faults, and merging them would snowball through a large topology's noise. The younger keeps its
     * timeline, ends as {@link IncidentState#MERGED} naming the older, and its alerts count on.
     */
    private Tracked mergeNeighbours(Tracked grown, String componentId, Instant now) {
        int index = topology.indexOf(componentId);
        Tracked survivor = grown;
        for (Tracked other : List.copyOf(incidents.values())) {
            if (other == survivor || !other.state.isOpen() || now.isAfter(other.lastActivity.plus(config.groupingWindow()))
                    || !hasMemberNear(other, index)) {
                continue;
            }
            Tracked older = other.id < survivor.id ? other : survivor;
            Tracked younger = older == other ? survivor : other;
            if (younger.components.size() > MERGE_AT_MOST) {
                continue;
            }
            merge(younger, older, now);
            survivor = older;
        }
        return survivor;
    }

    private boolean hasMemberNear(Tracked t, int index) {
        for (String member : t.components) {
            int memberIndex = topology.indexOf(member);
            if (memberIndex >= 0 && neighbourhoods.near(index, memberIndex)) {
                return true;
            }
        }
        return false;
    }

    private void merge(Tracked from, Tracked into, Instant now) {
        List<String> added = from.components.stream().filter(c -> !into.components.contains(c)).toList();
        into.components.addAll(from.components);
        from.health.forEach((component, state) -> into.health.merge(component, state,
                (a, b) -> a.severity() >= b.severity() ? a : b));
        into.activeFingerprints.addAll(from.activeFingerprints);
        incidentOfFingerprint.replaceAll((fingerprint, id) -> id == from.id ? into.id : id);
        into.alertCount += from.alertCount;
        into.lastActivity = now;
        if (from.lastEnded != null && (into.lastEnded == null || from.lastEnded.isAfter(into.lastEnded))) {
            into.lastEnded = from.lastEnded;
        }
        from.activeFingerprints.clear();
        write(into, now, TimelineKind.MERGED, ENGINE, from.snapshot.key() + " merged in (" + from.title + ", opened "
                + from.openedAt + "): the two touch the same components" + (added.isEmpty() ? "" : "; joined: "
                + String.join(", ", added)), IncidentChanged.Kind.UPDATED);
        from.state = IncidentState.TRANSITIONS.check(from.state, IncidentState.MERGED);
        from.lastActivity = now;
        write(from, now, TimelineKind.MERGED, ENGINE, "Merged into " + into.snapshot.key() + " (" + into.title
                + "): the two touch the same components; follow it there", IncidentChanged.Kind.RESOLVED);
        reassess(into, now);
    }

    private void repeat(Alert alert, Instant now) {
        Tracked t = incidents.get(incidentOfFingerprint.get(alert.fingerprint()));
        Alert before = active.put(alert.fingerprint(), alert);
        t.alertCount++;
        t.lastActivity = now;
        Optional<HealthState> state = healthOf(alert);
        if (state.isPresent() && !state.equals(healthOf(before))) {
            t.health.put(alert.componentId(), state.get());
            write(t, now, TimelineKind.HEALTH, ENGINE, alert.summary(), IncidentChanged.Kind.UPDATED);
            reassess(t, now);
        } else {
            counted(t);
        }
    }

    private void end(Alert alert, Instant now) {
        active.remove(alert.fingerprint());
        Long id = incidentOfFingerprint.get(alert.fingerprint());
        if (id == null) {
            return;
        }
        Tracked t = incidents.get(id);
        t.activeFingerprints.remove(alert.fingerprint());
        t.lastEnded = now;
        if (alert.source() == AlertSource.HEALTH) {
            t.health.put(alert.componentId(), HealthState.HEALTHY);
            t.lastActivity = now;
            write(t, now, TimelineKind.HEALTH, ENGINE, alert.componentId() + " is healthy again", IncidentChanged.Kind.UPDATED);
            reassess(t, now);
        }
    }

    /** The alert's summary up to its first colon: "postgres-primary failed", the reason stays on the timeline. */
    private static String shortTitle(Alert alert) {
        int colon = alert.summary().indexOf(':');
        return colon > 0 ? alert.summary().substring(0, colon) : alert.summary();
    }

    /**
     * The health an alert reports as users feel it, from its {@code state} label (health alerts carry one): what
     * only the checks see ({@code userVisible=false}) weighs as healthy, so a lost replica is no user impact.
     */
    private static Optional<HealthState> healthOf(Alert alert) {
        String state = alert.labels().get("state");
        if (state == null) {
            return Optional.empty();
        }
        boolean userVisible = !"false".equals(alert.labels().get(AlertIntake.USER_VISIBLE));
        return Optional.of(userVisible ? HealthState.valueOf(state) : HealthState.HEALTHY);
    }

    /**
     * Raises the computed severity when the impact grows. It never falls by itself: an incident is as severe as
     * the worst it did, and only a person lowers it (with a reason), so recovery does not read as "it was minor".
     */
    private void reassess(Tracked t, Instant now) {
        ImpactAssessor.Impact assessed = impact.assess(t.health);
        if (assessed.severity().isWorseThan(t.computed)) {
            IncidentSeverity before = t.computed;
            t.computed = assessed.severity();
            String text = "Impact " + before.name() + " -> " + t.computed.name() + ": " + assessed.reason()
                    + (t.override != null ? " (severity stays " + t.override.name() + ", set by a person)" : "");
            write(t, now, TimelineKind.SEVERITY, ENGINE, text, IncidentChanged.Kind.UPDATED);
        }
        if (!t.typeOverridden) {
            IncidentType inferred = inferType(t, now);
            if (inferred != t.type) {
                IncidentType before = t.type;
                t.type = inferred;
                write(t, now, TimelineKind.TYPE, ENGINE, "Type " + before.name() + " -> " + inferred.name() + " as the incident grew",
                        IncidentChanged.Kind.UPDATED);
            }
        }
    }

    private IncidentType inferType(Tracked t, Instant now) {
        IncidentType best = t.type;
        for (String member : t.components) {
            Component component = topology.find(member).orElse(null);
            if (component == null) {
                continue;
            }
            HealthState state = t.health.getOrDefault(member, HealthState.HEALTHY);
            Instant changed = lastChangeOn.get(member);
            boolean recentlyChanged = changed != null && !changed.isBefore(now.minus(Duration.ofMinutes(30)));
            if (recentlyChanged) {
                return IncidentType.APPLICATION;
            }
            if (component.kind().isStateful() && component.replicaOf().isEmpty()
                    && state.severity() >= HealthState.CRITICAL.severity()) {
                best = IncidentType.DATA;
            }
        }
        return best;
    }

    /** Records a change (deployment, config change, rollback) so incident types can take it into account. */
    public synchronized void changeObserved(String componentId, Instant at) {
        lastChangeOn.put(componentId, at);
    }

    /**
     * Moves time on: resolves incidents whose alerts all ended at least the quiet period ago (detection says
     * healthy), so an incident ends when its fault does without anyone closing it.
     */
    public void tick(Instant now) {
        publishing(() -> {
            for (Tracked t : incidents.values()) {
                if (t.unsaved) {
                    store.save(t.snapshot);
                    t.unsaved = false;
                }
                if (t.state.isOpen() && t.activeFingerprints.isEmpty() && t.lastEnded != null
                        && !now.isBefore(t.lastEnded.plus(config.quietPeriod()))) {
                    move(t, IncidentState.RESOLVED, ENGINE, "resolved automatically: every affected component healthy for "
                            + minutes(config.quietPeriod()), now);
                }
            }
        });
    }

    // ---- Commands ----

    /** Acknowledges the incident: someone is on it (stops escalation). Acknowledging twice changes nothing. */
    public Incident acknowledge(long id, String actor) {
        return publishing(() -> {
            Tracked t = tracked(id);
            if (t.acknowledgedBy == null) {
                Instant now = clock.instant();
                t.acknowledgedBy = requireActor(actor);
                t.acknowledgedAt = now;
                write(t, now, TimelineKind.ACKNOWLEDGED, actor, actor + " acknowledged", IncidentChanged.Kind.UPDATED);
            }
            return t.snapshot;
        });
    }

    /**
     * Gives a role to a person; for the commander role held by someone else this is a hand-over, and both names
     * go on the timeline.
     */
    public Incident assign(long id, Role role, String person, String actor) {
        return publishing(() -> {
            Tracked t = tracked(id);
            requireActor(actor);
            requireActor(person);
            String before = t.roles.put(role, person);
            if (!person.equals(before)) {
                String text = before == null ? person + " is " + role.title().toLowerCase(java.util.Locale.ROOT)
                        : role.title() + " handed over from " + before + " to " + person;
                write(t, clock.instant(), TimelineKind.ROLE, actor, text, IncidentChanged.Kind.UPDATED);
            }
            return t.snapshot;
        });
    }

    /**
     * Moves the incident to {@code target}.
     *
     * @throws IllegalTransitionException naming the state when the lifecycle does not allow it
     */
    public Incident transition(long id, IncidentState target, String actor, String reason) {
        return publishing(() -> {
            Tracked t = tracked(id);
            if (target == IncidentState.MERGED) {
                throw new IllegalArgumentException(Incident.key(id) + " cannot be merged by hand: the engine merges incidents"
                        + " that turn out to touch the same components");
            }
            move(t, target, requireActor(actor), reason, clock.instant());
            return t.snapshot;
        });
    }

    private void move(Tracked t, IncidentState target, String actor, String reason, Instant now) {
        IncidentState from = t.state;
        t.state = IncidentState.TRANSITIONS.check(from, target);
        if (target == IncidentState.RESOLVED) {
            t.resolvedAt = now;
        }
        t.lastActivity = now;
        String text = "State " + from.name() + " -> " + target.name() + (reason == null || reason.isBlank() ? "" : ": " + reason);
        write(t, now, TimelineKind.STATE, actor, text,
                target == IncidentState.RESOLVED ? IncidentChanged.Kind.RESOLVED : IncidentChanged.Kind.UPDATED);
    }

    /** Sets the severity by hand, with a reason; the computed one keeps being recorded beside it. */
    public Incident overrideSeverity(long id, IncidentSeverity severity, String actor, String reason) {
        return publishing(() -> {
            Tracked t = tracked(id);
            requireActor(actor);
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("overriding the severity needs a reason");
            }
            IncidentSeverity before = t.severity();
            t.override = Objects.requireNonNull(severity, "severity");
            t.overrideReason = reason.strip();
            write(t, clock.instant(), TimelineKind.SEVERITY, actor, "Severity " + before.name() + " -> " + severity.name()
                    + " set by " + actor + ": " + t.overrideReason, IncidentChanged.Kind.UPDATED);
            return t.snapshot;
        });
    }

    /** Returns to the computed severity. */
    public Incident clearSeverityOverride(long id, String actor) {
        return publishing(() -> {
            Tracked t = tracked(id);
            if (t.override != null) {
                t.override = null;
                t.overrideReason = null;
                write(t, clock.instant(), TimelineKind.SEVERITY, requireActor(actor), "Severity back to the computed "
                        + t.computed.name(), IncidentChanged.Kind.UPDATED);
            }
            return t.snapshot;
        });
    }

    public Incident overrideType(long id, IncidentType type, String actor) {
        return publishing(() -> {
            Tracked t = tracked(id);
            t.typeOverridden = true;
            if (type != t.type) {
                IncidentType before = t.type;
                t.type = Objects.requireNonNull(type, "type");
                write(t, clock.instant(), TimelineKind.TYPE, requireActor(actor), "Type " + before.name() + " -> " + type.name(),
                        IncidentChanged.Kind.UPDATED);
            }
            return t.snapshot;
        });
    }

    /** A note a person typed. */
    public Incident addNote(long id, String actor, String text) {
        return publishing(() -> {
            Tracked t = tracked(id);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a note needs some text");
            }
            write(t, clock.instant(), TimelineKind.NOTE, requireActor(actor), text.strip(), IncidentChanged.Kind.UPDATED);
            return t.snapshot;
        });
    }

    /** Records a status update sent to stakeholders (the text as sent); the next one is due a cadence later. */
    public Incident recordStatusUpdate(long id, String actor, String text) {
        return publishing(() -> {
            Tracked t = tracked(id);
            Instant now = clock.instant();
            t.lastStatusUpdate = now;
            write(t, now, TimelineKind.STATUS_UPDATE, requireActor(actor), text, IncidentChanged.Kind.UPDATED);
            return t.snapshot;
        });
    }

    /**
     * Writes a line from another capability (a notification's outcome, an escalation, a diagnosis, an action or a
     * runbook step) on the timeline.
     */
    public Incident record(long id, TimelineKind kind, String actor, String text) {
        return publishing(() -> {
            Tracked t = tracked(id);
            write(t, clock.instant(), kind, requireActor(actor), text, IncidentChanged.Kind.UPDATED);
            return t.snapshot;
        });
    }

    /** Starts suppressing matching alerts; returns the silence with its id. */
    public Silence silence(Optional<String> componentId, Optional<String> fingerprintPrefix, Instant from,
            Instant until, String reason, String actor) {
        return publishing(() -> {
            componentId.ifPresent(id -> {
                if (topology.indexOf(id) < 0) {
                    throw new IllegalArgumentException("no component '" + id + "' in topology " + topology.name());
                }
            });
            Silence silence = new Silence(nextSilenceId++, componentId, fingerprintPrefix, from, until, reason, requireActor(actor));
            silences.add(silence);
            return silence;
        });
    }

    // ---- Queries ----

    // Queries read the published snapshots and take no lock: the console's thread must never wait while an
    // intake batch holds the service (a burst of alerts can take it for a second or more).

    /** Every incident as it stands, oldest first. */
    public List<Incident> incidents() {
        return List.copyOf(published.values());
    }

    public Optional<Incident> incident(long id) {
        return Optional.ofNullable(published.get(id));
    }

    /** The open incident a component is part of, if any (the newest if several). */
    public Optional<Incident> openIncidentOf(String componentId) {
        return published.values().stream().filter(i -> i.state().isOpen() && i.components().contains(componentId))
                .reduce((a, b) -> b);
    }

    /** The timeline as stored. */
    public List<TimelineEntry> timeline(long id) {
        return store.timeline(id);
    }

    /** The stored entries after sequence number {@code afterSeq}. */
    public List<TimelineEntry> timelineAfter(long id, long afterSeq) {
        return store.timelineAfter(id, afterSeq);
    }

    /** Checks the stored timeline against its hash chain and the incident's recorded head. */
    public TimelineVerification verify(long id) {
        Incident incident = incident(id).orElseThrow(() -> new IllegalArgumentException("no incident " + Incident.key(id)));
        return TimelineChain.verify(id, store.timeline(id), Optional.of(incident.timelineHead()));
    }

    /** When the next status update is owed: the severity's cadence after the last one (or the opening). */
    public Optional<Instant> statusUpdateDue(long id) {
        Incident t = incident(id).orElseThrow(() -> new IllegalArgumentException("no incident " + Incident.key(id)));
        if (!t.state().isOpen()) {
            return Optional.empty();
        }
        Instant since = t.lastStatusUpdate().orElse(t.openedAt());
        Optional<Duration> every = t.severity().updateEvery();
        if (every.isPresent()) {
            return Optional.of(since.plus(every.get()));
        }
        if (t.severity() == IncidentSeverity.P3) {
            return Optional.of(since.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1)
                    .atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusSeconds(1));
        }
        return Optional.empty();
    }

    public synchronized List<Silence> silences() {
        return List.copyOf(silences);
    }

    /** Alerts a silence suppressed so far. */
    public synchronized long suppressedBy(long silenceId) {
        return suppressedBySilence.getOrDefault(silenceId, 0L);
    }

    public synchronized long alertsReceived() {
        return alertsReceived;
    }

    /** Alerts too quiet to open an incident that had none to join. */
    public synchronized long alertsBelowThreshold() {
        return alertsBelowThreshold;
    }

    public IncidentConfig config() {
        return config;
    }

    public Topology topology() {
        return topology;
    }

    // ---- Writing ----

    /**
     * Runs a command under this service's lock and publishes the changes it made after releasing it. Subscribers
     * (escalation, notifications, root cause, the console) take their own locks and call back into this service:
     * publishing while holding this lock let a command from one thread and a tick on another wait for each other
     * for ever (found by the console frame benchmark: an escalation tick on the simulator's thread against alerts
     * arriving on another). Each thread publishes the events it produced, in order.
     */
    private <T> T publishing(java.util.function.Supplier<T> command) {
        try {
            synchronized (this) {
                return command.get();
            }
        } finally {
            List<IncidentChanged> produced = outbox.get();
            // a command called from inside another (acceptAll's accepts) leaves publishing to the outermost
            if (!Thread.holdsLock(this) && !produced.isEmpty()) {
                List<IncidentChanged> events = List.copyOf(produced);
                produced.clear();
                events.forEach(bus::publish);
            }
        }
    }

    private void publishing(Runnable command) {
        publishing(() -> {
            command.run();
            return null;
        });
    }

    private void write(Tracked t, Instant at, TimelineKind kind, String actor, String text, IncidentChanged.Kind change) {
        TimelineEntry entry = TimelineChain.next(Optional.ofNullable(t.last), t.id, at, kind, actor, text);
        t.last = entry;
        t.snapshot = snapshot(t);
        published.put(t.id, t.snapshot);
        t.unsaved = false;
        store.append(entry, t.snapshot);
        outbox.get().add(new IncidentChanged(at, change, t.snapshot, entry));
    }

    /** A repeat only counted: the snapshot shows it at once, the store gets it at the next tick. */
    private void counted(Tracked t) {
        t.snapshot = snapshot(t);
        published.put(t.id, t.snapshot);
        t.unsaved = true;
    }

    private static Incident snapshot(Tracked t) {
        return new Incident(t.id, t.title, t.severity(), t.computed, Optional.ofNullable(t.overrideReason), t.type, t.state,
                t.openedAt, Optional.ofNullable(t.acknowledgedBy), Optional.ofNullable(t.acknowledgedAt),
                Optional.ofNullable(t.resolvedAt), List.copyOf(t.components), t.alertCount, t.roles, t.lastActivity,
                Optional.ofNullable(t.lastStatusUpdate), new TimelineChain.Head(t.last.seq(), t.last.hash()));
    }

    private Tracked tracked(long id) {
        Tracked t = incidents.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no incident " + Incident.key(id));
        }
        return t;
    }

    private static String requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("every incident action needs the name of who did it");
        }
        return actor.strip();
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    @Override
    public void close() {
        // nothing runs on its own: intake and ticks come from the caller's subscriptions
    }
}
