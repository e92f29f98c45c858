package dev.firebreak.engine.heal;

import dev.firebreak.engine.assess.AssessedHealthChanged;
import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.heal.internal.Surroundings;
import dev.firebreak.engine.heal.internal.UndoRunbook;
import dev.firebreak.engine.heal.internal.Verifier;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.predict.PredictedFailure;
import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.rca.DiagnosisUpdated;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionRefusedException;
import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookEngine;
import dev.firebreak.engine.runbook.RunbookParameter;
import dev.firebreak.engine.runbook.StartRequest;
import dev.firebreak.engine.runbook.StepState;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import dev.firebreak.engine.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the loop: a diagnosed incident (or a predicted failure) goes through the {@link DecisionChain}; an allowed
 * playbook runs on the runbook engine (automatic mode, or step-by-step when a person must approve); the result is
 * verified each simulated second; a failed or timed-out result is undone and handed to a person. Every decision is
 * stored and written to the incident's timeline, whatever it concluded. State changes happen under this service's lock;
 * what they announce (events, timeline entries, runs started, escalations) happens after it is released, because those
 * calls come back through services holding their own locks.
 */
@EngineService
public final class HealingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealingService.class);
    /** The actor of what healing does. */
    public static final String ACTOR = "firebreak-healing";
    /** How often a refused but still open incident is decided again (a cooldown may have passed, a freeze ended). */
    static final Duration RETRY = Duration.ofSeconds(30);
    /** How often verification runs the failing checks of what it watches again. */
    static final Duration RECHECK_EVERY = Duration.ofSeconds(10);

    /** What the service needs around it. */
    public record Wiring(Topology topology, PlaybookLibrary library, HealingStore store, RunbookEngine runbooks, HaltLatch halt,
            Function<String, HealthAssessment> health, java.util.function.Consumer<String> recheck, SignalHistory signals,
            Escalator escalator, IncidentService incidents, EventBus bus, Clock clock, String environment,
            Predicate<String> protectedEnvironment) {
        public Wiring {
            Objects.requireNonNull(recheck, "recheck");
            Objects.requireNonNull(signals, "signals");
            Objects.requireNonNull(topology, "topology");
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(runbooks, "runbooks");
            Objects.requireNonNull(halt, "halt");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(escalator, "escalator");
            Objects.requireNonNull(incidents, "incidents");
            Objects.requireNonNull(bus, "bus");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(protectedEnvironment, "protectedEnvironment");
        }
    }

    private final Wiring w;
    private volatile HealingConfig config;
    private final List<HealingDecision> decisions = new ArrayList<>();
    private final Map<Long, HealingAction> actions = new TreeMap<>();
    /** Actions whose undo a person started and whose run is being started: a second undo is refused meanwhile. */
    private final Set<Long> undoing = new HashSet<>();
    private final Map<Long, Verifier> verifiers = new HashMap<>();
    private final Map<Long, Set<String>> quietNeighbours = new HashMap<>();
    /** When root cause last found a component's own instances down. */
    private final Map<String, Instant> instancesDown = new HashMap<>();
    /** When verification last ran an action's watched checks again. */
    private final Map<Long, Instant> rechecked = new HashMap<>();
    private final Map<Long, DiagnosisUpdated> lastDiagnosis = new LinkedHashMap<>();
    private final Map<String, Instant> predicted = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private Instant lastRetry = Instant.EPOCH;

    public HealingService(HealingConfig config, Wiring wiring) {
        this.config = Objects.requireNonNull(config, "config");
        this.w = Objects.requireNonNull(wiring, "wiring");
        decisions.addAll(w.store().decisions());
        Instant now = w.clock().instant();
        for (HealingAction action : w.store().actions()) {
            if (action.state() == HealingState.VERIFYING) {
                // what it was judged against is gone with the process; a person looks
                action = action.moveTo(HealingState.UNCERTAIN, now, "the console stopped while verifying; not judged")
                        .verified(VerificationOutcome.UNCERTAIN);
                w.store().save(action);
            }
            actions.put(action.id(), action);
        }
    }

    /** Builds the service and subscribes it to diagnoses, predictions, anomalies, ticks and HALT. */
    public static HealingService attach(HealingConfig config, Wiring wiring) {
        HealingService service = new HealingService(config, wiring);
        EventBus bus = wiring.bus();
        service.subscriptions.add(bus.subscribe(DiagnosisUpdated.class, service::onDiagnosis));
        service.subscriptions.add(bus.subscribe(PredictedFailure.class, service::onPredicted));
        service.subscriptions.add(bus.subscribe(AnomalyDetected.class, service::onAnomaly));
        service.subscriptions.add(bus.subscribe(MetricsTicked.class, service::onTick));
        service.subscriptions.add(bus.subscribe(HaltChanged.class, service::onHalt));
        service.subscriptions.add(bus.subscribe(AssessedHealthChanged.class, service::onHealth));
        return service;
    }

    // ---------------------------------------------------------------- reading

    public HealingConfig config() {
        return config;
    }

    public PlaybookLibrary library() {
        return w.library();
    }

    public HaltLatch halt() {
        return w.halt();
    }

    public String environment() {
        return w.environment();
    }

    public synchronized List<HealingDecision> decisions() {
        return List.copyOf(decisions);
    }

    public synchronized List<HealingDecision> decisions(long incidentId) {
        return decisions.stream().filter(d -> d.incidentId().equals(Optional.of(incidentId))).toList();
    }

    public synchronized List<HealingAction> actions() {
        return List.copyOf(actions.values());
    }

    public synchronized List<HealingAction> actions(long incidentId) {
        return actions.values().stream().filter(a -> a.decision().incidentId().equals(Optional.of(incidentId))).toList();
    }

    public synchronized Optional<HealingAction> action(long id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** A playbook's record on a fault kind, from its finished actions. */
    public synchronized HealingLearning.Record record(String playbookId, String faultKind) {
        return HealingLearning.record(List.copyOf(actions.values()), playbookId, faultKind);
    }

    public synchronized HealingGates gateStatus() {
        return DecisionChain.standing(List.copyOf(decisions), List.copyOf(actions.values()), config, w.clock().instant(),
                w.halt().current());
    }

    // ---------------------------------------------------------------- people

    /** Changes the mode of an environment (a setting: the caller keeps and audits it). */
    public void setMode(String environment, HealingMode mode) {
        config = config.withMode(environment, mode);
    }

    public void setConfig(HealingConfig next) {
        config = Objects.requireNonNull(next, "config");
    }

    /** Denies an action waiting for approval: its run is aborted and nothing of it runs. */
    public HealingAction deny(long actionId, String person, String reason) {
        HealingAction action;
        synchronized (this) {
            action = Optional.ofNullable(actions.get(actionId)).orElseThrow(() -> new IllegalArgumentException(
                    "no healing action " + actionId));
            if (action.state() != HealingState.AWAITING_APPROVAL) {
                throw new IllegalStateException("healing action " + actionId + " is " + action.state()
                        + ", not waiting for approval");
            }
        }
        action.executionId().ifPresent(run -> w.runbooks().abort(run, person, "healing denied: " + reason));
        List<Runnable> effects = new ArrayList<>();
        synchronized (this) {
            HealingAction current = actions.get(actionId);
            if (current.state() == HealingState.AWAITING_APPROVAL) {
                commit(current.moveTo(HealingState.DENIED, w.clock().instant(), "denied by " + person + ": " + reason), effects);
            }
        }
        effects.forEach(Runnable::run);
        return action(actionId).orElseThrow();
    }

    /**
     * Undoes a verified action at a person's request: a breaker opened to contain a failing dependency is closed once
     * the dependency is back, say. Its succeeded steps' rollbacks run as a new run started by the person (refused while
     * HALT is latched, like any run). The action stays verified, since it did what it was for; its note says who undid it.
     *
     * @throws IllegalArgumentException without a reason, or for an unknown action
     * @throws IllegalStateException    if the action is not verified, was undone already, or has nothing to undo
     */
    public HealingAction undo(long actionId, String person, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("undoing a healing action needs a reason: it goes on the timeline");
        }
        HealingAction action;
        synchronized (this) {
            action = Optional.ofNullable(actions.get(actionId)).orElseThrow(() -> new IllegalArgumentException(
                    "no healing action " + actionId));
            if (action.state() != HealingState.SUCCEEDED || action.executionId().isEmpty()) {
                throw new IllegalStateException("healing action " + actionId + " is " + action.state().name()
                        .toLowerCase(Locale.ROOT).replace('_', ' ') + ": only a verified action is undone by hand");
            }
            if (action.rollbackId().isPresent() || !undoing.add(actionId)) {
                throw new IllegalStateException("healing action " + actionId + " was undone already"
                        + action.rollbackId().map(run -> ", by run " + run).orElse(" (its undo is starting)"));
            }
        }
        Execution undoRun;
        try {
            undoRun = startUndo(action, person);
        } catch (RuntimeException e) {
            synchronized (this) {
                undoing.remove(actionId);
            }
            throw e;
        }
        List<Runnable> effects = new ArrayList<>();
        synchronized (this) {
            undoing.remove(actionId); // with the rollback run recorded below, in one step
            HealingAction current = actions.get(actionId);
            commit(current.withRollback(undoRun.id()).moveTo(current.state(), w.clock().instant(), current.note()
                    + "; undone by " + person + " (run " + undoRun.id() + "): " + reason.strip()), effects);
            current.decision().incidentId().ifPresent(incident -> effects.add(() -> timeline(incident, "healing action "
                    + actionId + " (" + current.playbookId() + ") undone by " + person + ": " + reason.strip())));
        }
        effects.forEach(Runnable::run);
        return action(actionId).orElseThrow();
    }

    /** The run of the action's step rollbacks, started in the person's name. */
    private Execution startUndo(HealingAction action, String person) {
        Execution run = w.runbooks().execution(action.executionId().orElseThrow()).orElseThrow();
        Runbook undo = UndoRunbook.of(run).orElseThrow(() -> new IllegalStateException(action.playbookId()
                + " did nothing that can be undone"));
        return w.runbooks().start(new StartRequest(undo, ExecutionMode.AUTOMATIC, w.environment(), person,
                action.decision().incidentId(), run.parameters(), run.labels(), w.environment()));
    }

    // ---------------------------------------------------------------- strategies

    private void onDiagnosis(DiagnosisUpdated update) {
        List<Runnable> effects = new ArrayList<>();
        synchronized (this) {
            lastDiagnosis.put(update.incidentId(), update);
            update.diagnosis().causes().stream().filter(cause -> cause.kind().equals(dev.firebreak.engine.rca.Cause.DOWN_KIND))
                    .forEach(cause -> instancesDown.put(cause.component(), update.at()));
            considerIncident(update, update.at(), false, effects);
        }
        effects.forEach(Runnable::run);
    }

    /** The blamed component's health moved: a playbook whose trigger rests on health may answer now. */
    private void onHealth(AssessedHealthChanged change) {
        List<Runnable> effects = new ArrayList<>();
        synchronized (this) {
            for (DiagnosisUpdated update : List.copyOf(lastDiagnosis.values())) {
                // the blamed component's health, or a failure anywhere in the incident (proactive turns reactive)
                boolean blamed = update.diagnosis().top().map(c -> c.component().equals(change.componentId())).orElse(false);
                boolean inIncident = w.incidents().incident(update.incidentId())
                        .map(i -> i.components().contains(change.componentId())).orElse(false);
                if (blamed || inIncident && failed(change.assessment().state())) {
                    considerIncident(update, change.at(), true, effects);
                }
            }
        }
        effects.forEach(Runnable::run);
    }

    /** Decides for an incident unless an action is under way or the same cause was decided and nothing has changed. */
    private void considerIncident(DiagnosisUpdated update, Instant now, boolean healthChanged, List<Runnable> effects) {
        Optional<Cause> top = update.diagnosis().top();
        Optional<Incident> incident = w.incidents().incident(update.incidentId());
        if (top.isEmpty() || incident.isEmpty() || !incident.get().state().isOpen()) {
            return;
        }
        long id = update.incidentId();
        if (actions.values().stream().anyMatch(a -> !a.state().isFinal() && a.decision().incidentId().equals(Optional.of(id)))) {
            return;
        }
        Cause cause = top.get();
        Strategy strategy = strategyFor(incident.get(), cause);
        Optional<HealingDecision> last = decisions.stream().filter(d -> d.incidentId().equals(Optional.of(id)))
                .reduce((a, b) -> b);
        if (last.isPresent() && !worthDecidingAgain(last.get(), cause, strategy, now, healthChanged)) {
            return;
        }
        String symptom = update.diagnosis().symptom().node();
        decide(strategy, Optional.of(id), cause.component(), cause.kind(), cause.confidence(), symptom,
                incident.get().components(), Surroundings.callerOnPath(cause), now, effects);
    }

    /**
     * Reactive once anything in the incident (or the blamed component) has failed, or root cause found the blamed
     * component's instances down (health can lag a kill by a tick); proactive while all are only anomalous.
     */
    private Strategy strategyFor(Incident incident, Cause cause) {
        Instant down = instancesDown.get(cause.component());
        boolean foundDown = cause.kind().equals(Cause.DOWN_KIND) || down != null && !down.isBefore(incident.openedAt());
        if (foundDown || failed(w.health().apply(cause.component()).state())) {
            return Strategy.REACTIVE;
        }
        for (String component : incident.components()) {
            if (failed(w.health().apply(component).state())) {
                return Strategy.REACTIVE;
            }
        }
        return Strategy.PROACTIVE;
    }

    /** Critical, failed, or recovering from either: past anomalous. */
    private static boolean failed(HealthState state) {
        return state == HealthState.CRITICAL || state == HealthState.FAILED || state == HealthState.RECOVERING;
    }

    private boolean worthDecidingAgain(HealingDecision last, Cause cause, Strategy strategy, Instant now,
            boolean healthChanged) {
        boolean sameCause = last.component().equals(cause.component())
                && HealingLearning.family(last.faultKind()).equals(HealingLearning.family(cause.kind()));
        if (!sameCause || last.strategy() != strategy && last.verdict() == Verdict.REFUSED) {
            return true;
        }
        if (last.verdict() != Verdict.REFUSED) {
            // its action has finished (none is under way), or in shadow would have: a cause still there after the
            // cooldown is tried again
            return !now.isBefore(last.at().plus(config.cooldown()));
        }
        Gate gate = last.refusedBy().map(GateVerdict::gate).orElse(Gate.PLAYBOOK);
        boolean transientGate = switch (gate) {
            case STRATEGY, PLAYBOOK, HALT, CONFIDENCE, BREAKER, RATE_LIMIT, COOLDOWN, PARALLEL, CHANGE_FREEZE, MODE -> true;
            default -> false;
        };
        return transientGate && (healthChanged || !now.isBefore(last.at().plus(RETRY)))
                || cause.confidence() > last.causeConfidence() + 0.05;
    }

    private void onPredicted(PredictedFailure prediction) {
        if (!config.strategies().contains(Strategy.PREDICTIVE) || prediction.leadTime().compareTo(config.predictiveLead()) < 0) {
            return;
        }
        String resource = switch (prediction.metric()) {
            case MEMORY -> "memory";
            case DISK_USED -> "disk";
            case CPU -> "cpu";
            case CONNECTIONS -> "connections";
            default -> null;
        };
        if (resource == null) {
            return;
        }
        List<Runnable> effects = new ArrayList<>();
        synchronized (this) {
            String key = prediction.componentId() + "/" + resource;
            Instant last = predicted.get(key);
            if (last != null && prediction.at().isBefore(last.plus(config.cooldown()))) {
                return;
            }
            if (w.incidents().openIncidentOf(prediction.componentId()).isPresent()) {
                return; // an incident covers it: the reactive path decides
            }
            predicted.put(key, prediction.at());
            // a forecast crossing is a climb by definition: the same words root cause gives a leak
            decide(Strategy.PREDICTIVE, Optional.empty(), prediction.componentId(),
                    "resource exhaustion: " + resource + ", still rising",
                    prediction.probability(), prediction.componentId(),
                    List.of(prediction.componentId()), Optional.empty(), prediction.at(), effects);
        }
        effects.forEach(Runnable::run);
    }

    private void onAnomaly(AnomalyDetected anomaly) {
        if (!anomaly.severity().isAtLeast(Severity.MEDIUM)) {
            return;
        }
        synchronized (this) {
            for (Map.Entry<Long, Set<String>> entry : quietNeighbours.entrySet()) {
                if (entry.getValue().contains(anomaly.componentId())) {
                    Verifier verifier = verifiers.get(entry.getKey());
                    if (verifier != null) {
                        verifier.neighbourAnomalous(anomaly.componentId());
                    }
                }
            }
        }
    }

    private void onHalt(HaltChanged change) {
        if (!change.record().latched()) {
            return;
        }
        List<Runnable> effects = new ArrayList<>();
        synchronized (this) {
            for (HealingAction action : List.copyOf(actions.values())) {
                if (!action.state().isFinal()) {
                    commit(action.moveTo(HealingState.HALTED, change.at(), "HALT by " + change.record().person() + ": "
                            + change.record().reason()), effects);
                    verifiers.remove(action.id());
                    rechecked.remove(action.id());
                    quietNeighbours.remove(action.id());
                }
            }
        }
        effects.forEach(Runnable::run);
    }

    // ---------------------------------------------------------------- deciding

    private void decide(Strategy strategy, Optional<Long> incidentId, String component, String kind, double confidence,
            String symptom, List<String> incidentComponents, Optional<String> callerOnPath, Instant now,
            List<Runnable> effects) {
        if (w.topology().indexOf(component) < 0) {
            return;
        }
        Surroundings around = new Surroundings(w.topology(), component, incidentComponents, callerOnPath);
        Component blamed = around.blamed();
        HealingConfig c = config;
        List<HealingAction> history = List.copyOf(actions.values());
        DecisionChain.Input input = new DecisionChain.Input(now, strategy, incidentId, component, kindName(blamed.kind()), kind,
                confidence, w.environment(), c, w.protectedEnvironment().test(w.environment()), w.halt().halted(),
                w.library(), w.topology(), List.copyOf(decisions), history,
                playbook -> fill(playbook, around), w.health().apply(component).state(),
                Optional.ofNullable(instancesDown.get(component)));
        HealingDecision decided = DecisionChain.decide(input);
        if (incidentId.isPresent() && repeats(incidentId.get(), decided)) {
            return; // the same conclusion as last time: the timeline already says so
        }
        HealingDecision decision = decided.withId(w.store().nextDecisionId());
        record(decision, effects);
        if (decision.verdict() != Verdict.ACT && decision.verdict() != Verdict.AWAIT_APPROVAL) {
            if (decision.verdict() == Verdict.REFUSED && incidentId.isPresent() && escalates(decision)) {
                effects.add(() -> w.escalator().escalate(incidentId.get(), now, "healing will not act: "
                        + decision.refusedBy().map(g -> g.gate().label() + ": " + g.why()).orElse("")));
            }
            return;
        }
        Playbook playbook = w.library().get(decision.playbookId().orElseThrow()).orElseThrow();
        List<String> watched = around.watched(playbook.scope(), symptom);
        Map<String, HealthState> baseline = new LinkedHashMap<>();
        watched.forEach(id -> baseline.put(id, w.health().apply(id).state()));
        Set<String> neighbours = around.neighbours();
        HealingAction action = new HealingAction(w.store().nextActionId(), decision, Optional.empty(),
                decision.verdict() == Verdict.ACT ? HealingState.EXECUTING : HealingState.AWAITING_APPROVAL,
                Optional.empty(), "starting " + playbook.id(), now, now, Optional.empty());
        commit(action, effects);
        long actionId = action.id();
        effects.add(() -> start(actionId, playbook, decision, watched, baseline, neighbours));
    }

    /** A refusal for the same cause, playbook and gate as the incident's last decision adds nothing. */
    private boolean repeats(long incidentId, HealingDecision decided) {
        if (decided.verdict() != Verdict.REFUSED) {
            return false;
        }
        Optional<HealingDecision> last = decisions.stream().filter(d -> d.incidentId().equals(Optional.of(incidentId)))
                .reduce((a, b) -> b);
        return last.isPresent() && last.get().verdict() == Verdict.REFUSED
                && last.get().component().equals(decided.component())
                && last.get().playbookId().equals(decided.playbookId())
                && last.get().refusedBy().map(GateVerdict::gate).equals(decided.refusedBy().map(GateVerdict::gate))
                && HealingLearning.family(last.get().faultKind()).equals(HealingLearning.family(decided.faultKind()));
    }

    /** Refusals that mean healing cannot help here, so a person must: not ones that pass with time. */
    private static boolean escalates(HealingDecision decision) {
        Gate gate = decision.refusedBy().map(GateVerdict::gate).orElse(Gate.PLAYBOOK);
        return gate == Gate.BLAST_RADIUS || gate == Gate.BREAKER || gate == Gate.PRE_CHECK;
    }

    private void start(long actionId, Playbook playbook, HealingDecision decision, List<String> watched,
            Map<String, HealthState> baseline, Set<String> neighbours) {
        ExecutionMode mode = decision.verdict() == Verdict.ACT ? ExecutionMode.AUTOMATIC : ExecutionMode.STEP_BY_STEP;
        StartRequest request = new StartRequest(playbook.runbook(), mode, w.environment(), ACTOR, decision.incidentId(),
                decision.parameters(), Map.of("component", decision.component(), "faultKind", decision.faultKind()),
                w.environment());
        Execution run;
        try {
            run = w.runbooks().start(request);
        } catch (ExecutionRefusedException e) {
            List<Runnable> effects = new ArrayList<>();
            synchronized (this) {
                HealingDecision refused = decision.refusedAt(GateVerdict.fail(Gate.PRE_CHECK, e.getMessage()));
                replace(refused);
                record(refused, effects);
                commit(actions.get(actionId).moveTo(HealingState.FAILED, w.clock().instant(), "not started: "
                        + e.getMessage()), effects);
            }
            effects.forEach(Runnable::run);
            return;
        }
        List<Runnable> effects = new ArrayList<>();
        synchronized (this) {
            HealingAction action = actions.get(actionId).withExecution(run.id());
            Instant onset = decision.incidentId().flatMap(w.incidents()::incident).map(Incident::openedAt)
                    .orElse(decision.at());
            verifiers.put(actionId, new Verifier(playbook.verification(), watched, baseline, w.clock().instant(), w.signals(),
                    onset));
            quietNeighbours.put(actionId, neighbours);
            commit(action.moveTo(action.state(), w.clock().instant(), "run " + run.id() + " of " + playbook.id()), effects);
            decision.incidentId().ifPresent(incident -> effects.add(() -> moveIncident(incident, IncidentState.MITIGATING,
                    "healing runs " + playbook.id())));
            follow(action.id(), effects);
        }
        effects.forEach(Runnable::run);
    }

    private void replace(HealingDecision refused) {
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i).id() == refused.id()) {
                decisions.set(i, refused);
            }
        }
    }

    private void record(HealingDecision decision, List<Runnable> effects) {
        w.store().save(decision);
        if (decisions.stream().noneMatch(d -> d.id() == decision.id())) {
            decisions.add(decision);
        }
        effects.add(() -> w.bus().publish(new HealingDecided(decision.at(), decision)));
        decision.incidentId().ifPresent(incident -> effects.add(() -> timeline(incident, decision.summary())));
    }

    /** Parameters the playbook declares and healing knows how to fill; a required one it cannot fill is a pre-check failure. */
    private DecisionChain.Fill fill(Playbook playbook, Surroundings around) {
        Map<String, String> values = new TreeMap<>();
        for (RunbookParameter parameter : playbook.runbook().parameters()) {
            Optional<String> value = around.parameter(parameter.name());
            if (value.isPresent()) {
                values.put(parameter.name(), value.get());
            } else if (parameter.required() && parameter.defaultValue().isEmpty()) {
                return new DecisionChain.Fill(values, Optional.of("parameter '" + parameter.name() + "' of " + playbook.id()
                        + " cannot be filled for " + around.blamed().id()), false);
            }
        }
        // checked now, as the run would check them when it starts: a playbook that does not fit is refused, not tried
        return new DecisionChain.Fill(values, w.runbooks().unmetPrecondition(new StartRequest(playbook.runbook(),
                ExecutionMode.AUTOMATIC, w.environment(), ACTOR, Optional.empty(), values, Map.of(), w.environment())));
    }

    // ---------------------------------------------------------------- following runs and verifying

    private void onTick(MetricsTicked tick) {
        List<Runnable> effects = new ArrayList<>();
        synchronized (this) {
            for (long id : List.copyOf(actions.keySet())) {
                follow(id, effects);
            }
            if (!tick.at().isBefore(lastRetry.plus(RETRY))) {
                lastRetry = tick.at();
                for (DiagnosisUpdated update : List.copyOf(lastDiagnosis.values())) {
                    considerIncident(update, tick.at(), false, effects);
                }
                lastDiagnosis.keySet().removeIf(id -> w.incidents().incident(id).map(i -> !i.state().isOpen()).orElse(true));
            }
        }
        effects.forEach(Runnable::run);
    }

    /** Moves one action on from what its run and its verifier say; lock held. */
    private void follow(long id, List<Runnable> effects) {
        HealingAction action = actions.get(id);
        if (action == null || action.state().isFinal() || action.executionId().isEmpty()) {
            return;
        }
        Instant now = w.clock().instant();
        switch (action.state()) {
            case AWAITING_APPROVAL, EXECUTING -> followRun(action, now, effects);
            case VERIFYING -> verify(action, now, effects);
            case ROLLING_BACK -> followRollback(action, now, effects);
            default -> { }
        }
    }

    private void followRun(HealingAction action, Instant now, List<Runnable> effects) {
        Optional<Execution> found = w.runbooks().execution(action.executionId().get());
        if (found.isEmpty()) {
            return;
        }
        Execution run = found.get();
        switch (run.state()) {
            case WAITING_FOR_APPROVAL -> {
                if (action.state() != HealingState.AWAITING_APPROVAL) {
                    commit(action.moveTo(HealingState.AWAITING_APPROVAL, now, "waiting for approval: " + run.message()), effects);
                }
            }
            case RUNNING -> {
                if (action.state() != HealingState.EXECUTING) {
                    commit(action.moveTo(HealingState.EXECUTING, now, "running " + run.runbook().id()), effects);
                }
            }
            case SUCCEEDED -> {
                // approved and run to its end between two ticks: it executed, then verification starts
                HealingAction ran = action.state() == HealingState.AWAITING_APPROVAL
                        ? action.moveTo(HealingState.EXECUTING, now, "approved; run " + run.id() + " ran") : action;
                commit(ran.moveTo(HealingState.VERIFYING, now, "run " + run.id() + " succeeded; verifying"), effects);
                action.decision().incidentId().ifPresent(incident -> effects.add(() -> moveIncident(incident,
                        IncidentState.MONITORING, "healing verifies " + action.playbookId())));
            }
            case INTERRUPTED -> {
                HealingAction ran = action.state() == HealingState.AWAITING_APPROVAL
                        ? action.moveTo(HealingState.EXECUTING, now, "approved; run " + run.id() + " ran") : action;
                commit(ran.moveTo(HealingState.UNCERTAIN, now, "run " + run.id() + " was interrupted: " + run.message())
                        .verified(VerificationOutcome.UNCERTAIN), effects);
            }
            case FAILED, ROLLED_BACK, ABORTED -> {
                boolean denied = run.steps().stream().anyMatch(step -> step.state() == StepState.DENIED);
                if (w.halt().halted().isPresent()) {
                    commit(action.moveTo(HealingState.HALTED, now, "HALT: " + run.message()), effects);
                } else if (denied) {
                    commit(action.moveTo(HealingState.DENIED, now, "a step was denied: " + run.message()), effects);
                } else {
                    commit(action.moveTo(HealingState.FAILED, now, "run " + run.id() + " " + run.state()
                            .name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + run.message()), effects);
                    handOver(action, "healing failed: " + action.playbookId() + " run " + run.id() + " "
                            + run.state().name().toLowerCase(Locale.ROOT).replace('_', ' '), effects);
                }
            }
            default -> { }
        }
    }

    private void verify(HealingAction action, Instant now, List<Runnable> effects) {
        Verifier verifier = verifiers.get(action.id());
        if (verifier == null) {
            return;
        }
        Optional<Verifier.Result> result = verifier.observe(now, w.health());
        if (result.isEmpty()) {
            recheck(action.id(), verifier, now, effects);
            return;
        }
        verifiers.remove(action.id());
        rechecked.remove(action.id());
        quietNeighbours.remove(action.id());
        Verifier.Result r = result.get();
        HealingAction judged = action.verified(r.outcome());
        switch (r.outcome()) {
            case SUCCESS -> commit(judged.moveTo(HealingState.SUCCEEDED, now, "verified: " + r.why()), effects);
            case PARTIAL -> {
                commit(judged.moveTo(HealingState.PARTIAL, now, "partial: " + r.why()), effects);
                handOver(action, "healing partly helped (" + action.playbookId() + "): " + r.why(), effects);
            }
            case UNCERTAIN -> {
                commit(judged.moveTo(HealingState.UNCERTAIN, now, "uncertain: " + r.why()), effects);
                handOver(action, "healing's result is uncertain (" + action.playbookId() + "): " + r.why(), effects);
            }
            case FAILED, TIMED_OUT -> rollBack(judged, now, (r.outcome() == VerificationOutcome.FAILED ? "failed: "
                    : "timed out: ") + r.why(), effects);
        }
    }

    /**
     * The watched components' checks run at once when verification starts, not at their next scheduled run (a deep one
     * may be a minute off), and those still failing again every {@link #RECHECK_EVERY} while it goes on: the first run
     * may come before the action has taken effect.
     */
    private void recheck(long actionId, Verifier verifier, Instant now, List<Runnable> effects) {
        Instant last = rechecked.get(actionId);
        if (last != null && now.isBefore(last.plus(RECHECK_EVERY))) {
            return;
        }
        List<String> due = last == null ? verifier.watched() : verifier.watched().stream()
                .filter(id -> w.health().apply(id).checked().isWorseThan(HealthState.RECOVERING)).toList();
        if (!due.isEmpty()) {
            rechecked.put(actionId, now);
            effects.add(() -> due.forEach(w.recheck()));
        }
    }

    private void rollBack(HealingAction action, Instant now, String why, List<Runnable> effects) {
        Execution run = w.runbooks().execution(action.executionId().get()).orElseThrow();
        Optional<Runbook> undo = UndoRunbook.of(run);
        if (undo.isEmpty()) {
            commit(action.moveTo(HealingState.ROLLING_BACK, now, why).moveTo(HealingState.ROLLED_BACK, now, why
                    + "; nothing to roll back"), effects);
            handOver(action, "healing did not help (" + action.playbookId() + "), nothing to roll back: " + why, effects);
            return;
        }
        commit(action.moveTo(HealingState.ROLLING_BACK, now, why + "; rolling back"), effects);
        long id = action.id();
        effects.add(() -> {
            StartRequest request = new StartRequest(undo.get(), ExecutionMode.AUTOMATIC, w.environment(), ACTOR,
                    action.decision().incidentId(), run.parameters(), run.labels(), w.environment());
            List<Runnable> more = new ArrayList<>();
            try {
                Execution undoing = w.runbooks().start(request);
                synchronized (this) {
                    HealingAction current = actions.get(id);
                    if (current.state() == HealingState.ROLLING_BACK) {
                        commit(current.withRollback(undoing.id()), more);
                        followRollback(actions.get(id), w.clock().instant(), more);
                    }
                }
            } catch (ExecutionRefusedException e) {
                synchronized (this) {
                    HealingAction current = actions.get(id);
                    if (current.state() == HealingState.ROLLING_BACK) {
                        commit(current.moveTo(HealingState.FAILED, w.clock().instant(), why + "; the rollback could not"
                                + " start: " + e.getMessage()), more);
                        handOver(current, "healing failed and its rollback could not start: " + e.getMessage(), more);
                    }
                }
            }
            more.forEach(Runnable::run);
        });
    }

    private void followRollback(HealingAction action, Instant now, List<Runnable> effects) {
        if (action.rollbackId().isEmpty()) {
            return;
        }
        Optional<Execution> found = w.runbooks().execution(action.rollbackId().get());
        if (found.isEmpty() || !found.get().state().isFinal()) {
            return;
        }
        Execution undo = found.get();
        if (undo.state() == ExecutionState.SUCCEEDED) {
            commit(action.moveTo(HealingState.ROLLED_BACK, now, action.note() + "; rolled back by run " + undo.id()), effects);
            handOver(action, "healing did not help (" + action.playbookId() + ") and was rolled back: " + action.note(), effects);
        } else {
            commit(action.moveTo(HealingState.FAILED, now, action.note() + "; rollback run " + undo.id() + " "
                    + undo.state().name().toLowerCase(Locale.ROOT) + ": " + undo.message()), effects);
            handOver(action, "healing failed and its rollback did too (" + action.playbookId() + ")", effects);
        }
    }

    private void handOver(HealingAction action, String reason, List<Runnable> effects) {
        action.decision().incidentId().ifPresent(incident -> effects.add(() -> w.escalator().escalate(incident,
                w.clock().instant(), reason)));
    }

    /** Stores {@code next} and queues its event and timeline entry; lock held. */
    private void commit(HealingAction next, List<Runnable> effects) {
        w.store().save(next);
        HealingAction previous = actions.put(next.id(), next);
        effects.add(() -> w.bus().publish(new HealingChanged(next.updatedAt(), next)));
        if (previous != null && previous.state() != next.state()) {
            next.decision().incidentId().ifPresent(incident -> effects.add(() -> timeline(incident, "healing action "
                    + next.id() + " (" + next.playbookId() + "): " + next.state().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + (next.note().isEmpty() ? "" : " - " + next.note()))));
        }
    }

    private void timeline(long incident, String text) {
        try {
            w.incidents().record(incident, TimelineKind.ACTION, ACTOR, text);
        } catch (RuntimeException e) {
            LOG.warn("Could not write healing to the timeline of incident {}: {}", incident, e.getMessage());
        }
    }

    private void moveIncident(long incident, IncidentState target, String reason) {
        try {
            Optional<Incident> current = w.incidents().incident(incident);
            if (current.isPresent() && current.get().state().isOpen() && current.get().state() != target
                    && IncidentState.TRANSITIONS.allows(current.get().state(), target)) {
                w.incidents().transition(incident, target, ACTOR, reason);
            }
        } catch (RuntimeException e) {
            LOG.debug("Incident {} did not move to {}: {}", incident, target, e.getMessage());
        }
    }

    private static String kindName(ComponentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
