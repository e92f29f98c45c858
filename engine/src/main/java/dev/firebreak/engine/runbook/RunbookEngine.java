package dev.firebreak.engine.runbook;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.runbook.internal.StepRenderer;
import dev.firebreak.engine.runbook.internal.Templates;
import dev.firebreak.engine.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs runbooks. Every transition is written to the {@link ExecutionStore} before the action it announces (a step is
 * stored RUNNING before its executor is called), so a console killed mid-step comes back with that step INTERRUPTED,
 * "outcome unknown", and nothing re-runs until a person says so. Executor calls happen on the {@code worker}, outside
 * the engine's lock; people's actions (approve, deny, skip, retry, roll back, abort, resume) are checked against the
 * state tables and refused with {@link ExecutionRefusedException} naming why.
 */
@EngineService
public final class RunbookEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RunbookEngine.class);
    /** The actor of what the engine does by itself. */
    public static final String ENGINE = "firebreak";

    private final RunbookEngineConfig config;
    private final Executor executor;
    private final ExecutionStore store;
    private final StepRenderer renderer;
    private final RunbookJournal journal;
    private final EventBus bus;
    private final Clock clock;
    private final Waiter waiter;
    private final java.util.concurrent.Executor worker;
    private final HaltSwitch halt;

    private final Map<Long, Execution> executions = new TreeMap<>();
    private final Set<Long> driving = new HashSet<>();
    private final Set<Long> rollbackRequested = new HashSet<>();
    private final Map<Long, String> abortRequested = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Runnable> notices = new ConcurrentLinkedQueue<>();
    private final Object noticeOrder = new Object();

    /** What the engine needs around it; {@code worker} runs the drive loops (a direct executor in tests). */
    public record Wiring(Executor executor, ExecutionStore store, MetricSource metrics, RunbookJournal journal, EventBus bus,
            Clock clock, Waiter waiter, java.util.concurrent.Executor worker, HaltSwitch halt) {
    }

    /**
     * Loads the stored executions. One that was RUNNING when the console stopped becomes INTERRUPTED: its running step
     * is marked "outcome unknown" and waits for a person to retry, skip, roll back or abort.
     */
    public RunbookEngine(RunbookEngineConfig config, Wiring wiring) {
        this.config = config;
        this.executor = wiring.executor();
        this.store = wiring.store();
        this.renderer = new StepRenderer(wiring.metrics());
        this.journal = wiring.journal();
        this.bus = wiring.bus();
        this.clock = wiring.clock();
        this.waiter = wiring.waiter();
        this.worker = wiring.worker();
        this.halt = wiring.halt();
        synchronized (this) {
            for (Execution stored : store.loadAll()) {
                executions.put(stored.id(), stored.state() == ExecutionState.RUNNING ? interrupt(stored) : stored);
            }
        }
        flush();
    }

    private Execution interrupt(Execution stored) {
        Instant now = clock.instant();
        Execution next = stored;
        String why;
        Optional<StepRun> step = stored.currentStep();
        if (step.isPresent() && step.get().state() == StepState.RUNNING) {
            why = "the console stopped while step " + step.get().stepId() + " was running: outcome unknown";
            next = next.withStep(stored.current(), step.get().moveTo(StepState.INTERRUPTED, "outcome unknown"), now);
        } else {
            why = "the console stopped between steps; nothing was running";
        }
        next = next.moveTo(ExecutionState.INTERRUPTED, now, why);
        commit(next, ENGINE, "runbook.interrupted", why);
        return next;
    }

    // ---------------------------------------------------------------- reading

    public synchronized List<Execution> executions() {
        return List.copyOf(executions.values());
    }

    public synchronized Optional<Execution> execution(long id) {
        return Optional.ofNullable(executions.get(id));
    }

    public RunbookEngineConfig config() {
        return config;
    }

    /**
     * What each step would execute, rendered with the request's parameters and labels; nothing runs and nothing is
     * stored. Problems (a missing parameter, an unknown variable) are reported per step, not thrown.
     */
    public List<PlannedStep> plan(StartRequest request) {
        Map<String, String> parameters;
        Optional<String> parameterProblem = Optional.empty();
        try {
            parameters = resolveParameters(request);
        } catch (ExecutionRefusedException e) {
            parameters = request.parameters();
            parameterProblem = Optional.of(e.getMessage());
        }
        Execution draft = draft(0, request, parameters, ExecutionState.PENDING);
        List<PlannedStep> plan = new ArrayList<>();
        for (RunbookStep step : request.runbook().steps()) {
            Optional<String> rollback = Optional.empty();
            String rendered = "";
            Optional<String> problem = parameterProblem;
            try {
                rendered = renderer.render(draft, step, step.action(), true).text();
                if (step.rollback().isPresent()) {
                    rollback = Optional.of(renderer.render(draft, step, step.rollback().get(), true).text());
                }
            } catch (RuntimeException e) {
                problem = Optional.of(e.getMessage());
            }
            plan.add(new PlannedStep(step.id(), step.title(), step.type(), rendered,
                    step.waitsForPerson(request.mode() == ExecutionMode.DRY_RUN ? ExecutionMode.STEP_BY_STEP : request.mode())
                            ? (step.type() == StepType.MANUAL ? 1 : step.approvalsNeeded()) : 0,
                    rollback, problem));
        }
        return plan;
    }

    // ---------------------------------------------------------------- starting

    /**
     * Starts a run. Parameters are checked against their types, the environment against the runbook's list, a protected
     * environment against what the person typed, and the preconditions against the current values. A DRY_RUN is stored
     * with every step rendered and nothing executed.
     *
     * @throws ExecutionRefusedException naming what is missing or wrong
     */
    public Execution start(StartRequest request) {
        Runbook runbook = request.runbook();
        if (runbook.kind() == Runbook.Kind.TEMPLATE) {
            throw new ExecutionRefusedException(runbook.id() + " is a template; copy it into a runbook to run it");
        }
        if (!runbook.environments().isEmpty() && !runbook.environments().contains(request.environment())) {
            throw new ExecutionRefusedException(runbook.id() + " is not written for environment '" + request.environment()
                    + "'; it runs in " + runbook.environments());
        }
        if (config.isProtected(request.environment()) && request.mode() != ExecutionMode.DRY_RUN
                && !request.confirmation().equals(request.environment())) {
            throw new ExecutionRefusedException("'" + request.environment() + "' is a protected environment: type its name to"
                    + " confirm");
        }
        if (request.mode() != ExecutionMode.DRY_RUN) {
            refuseWhileHalted();
        }
        Map<String, String> parameters = resolveParameters(request);
        Execution execution;
        synchronized (this) {
            Execution draft = draft(store.nextId(), request, parameters, ExecutionState.PENDING);
            Optional<String> unmet = unmetPrecondition(draft);
            if (unmet.isPresent()) {
                throw new ExecutionRefusedException(unmet.get());
            }
            Instant now = clock.instant();
            if (request.mode() == ExecutionMode.DRY_RUN) {
                execution = dryRun(draft, now);
            } else {
                execution = draft.moveTo(ExecutionState.RUNNING, now, "started by " + request.startedBy());
                commit(execution, request.startedBy(), "runbook.started", "started runbook " + runbook.id() + " (" + runbook.title()
                        + ") in " + request.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " mode on "
                        + request.environment() + (parameters.isEmpty() ? "" : " with " + new TreeMap<>(parameters)));
            }
        }
        flush();
        if (execution.state() == ExecutionState.RUNNING) {
            schedule(execution.id());
        }
        return execution(execution.id()).orElse(execution);
    }

    private Execution dryRun(Execution draft, Instant now) {
        Execution execution = draft.moveTo(ExecutionState.RUNNING, now, "dry run");
        for (int i = 0; i < execution.steps().size(); i++) {
            RunbookStep step = execution.runbook().steps().get(i);
            StepRun run = execution.steps().get(i);
            try {
                StepRenderer.Rendered rendered = renderer.render(execution, step, step.action(), true);
                run = run.withRendering(rendered.text(), rendered.hash()).moveTo(StepState.SKIPPED, "dry run: not executed");
            } catch (RuntimeException e) {
                run = run.moveTo(StepState.FAILED, "does not render: " + e.getMessage());
            }
            execution = execution.withStep(i, run, now);
        }
        boolean clean = execution.steps().stream().allMatch(run -> run.state() == StepState.SKIPPED);
        execution = execution.at(execution.steps().size(), now).moveTo(clean ? ExecutionState.SUCCEEDED : ExecutionState.FAILED,
                now, clean ? "dry run: every step rendered, nothing executed" : "dry run: a step does not render");
        commit(execution, execution.startedBy(), "runbook.dry-run", "dry run of " + execution.runbook().id() + ": "
                + execution.message());
        return execution;
    }

    /**
     * What {@link #start} would refuse for the request's parameters and preconditions, checked now without starting or
     * recording anything: healing asks before it commits to an action.
     */
    public Optional<String> unmetPrecondition(StartRequest request) {
        Map<String, String> parameters;
        try {
            parameters = resolveParameters(request);
        } catch (ExecutionRefusedException e) {
            return Optional.of(e.getMessage());
        }
        return unmetPrecondition(draft(0, request, parameters, ExecutionState.PENDING));
    }

    private Optional<String> unmetPrecondition(Execution draft) {
        for (Condition precondition : draft.runbook().preconditions()) {
            StepRenderer.Evaluation verdict;
            try {
                verdict = renderer.evaluate(draft, precondition);
            } catch (RuntimeException e) {
                return Optional.of("precondition " + precondition + " cannot be checked: " + e.getMessage());
            }
            if (!verdict.holds()) {
                return Optional.of("precondition " + precondition + " does not hold (" + verdict.rendered() + ")"
                        + parametersMeant(draft.runbook(), precondition.toString()));
            }
        }
        return Optional.empty();
    }

    /** What the parameters a condition reads mean, so a refusal says it in words: "; callRequired: whether ...". */
    private static String parametersMeant(Runbook runbook, String condition) {
        StringBuilder meant = new StringBuilder();
        for (RunbookParameter parameter : runbook.parameters()) {
            if (condition.contains("{{params." + parameter.name() + "}}") && !parameter.description().isBlank()) {
                meant.append("; ").append(parameter.name()).append(": ").append(parameter.description());
            }
        }
        return meant.toString();
    }

    private Execution draft(long id, StartRequest request, Map<String, String> parameters, ExecutionState state) {
        Instant now = clock.instant();
        List<StepRun> steps = request.runbook().steps().stream().map(step -> StepRun.pending(step.id())).toList();
        return new Execution(id, request.runbook(), request.mode(), request.environment(), request.startedBy(),
                request.incidentId(), parameters, request.labels(), state, steps, 0, now, now, "");
    }

    private static Map<String, String> resolveParameters(StartRequest request) {
        Map<String, String> resolved = new TreeMap<>();
        Set<String> declared = new HashSet<>();
        for (RunbookParameter parameter : request.runbook().parameters()) {
            declared.add(parameter.name());
            String value = request.parameters().get(parameter.name());
            if (value == null) {
                value = parameter.defaultValue().orElse(null);
            }
            if (value == null) {
                if (parameter.required()) {
                    throw new ExecutionRefusedException("parameter '" + parameter.name() + "' is required"
                            + (parameter.description().isEmpty() ? "" : " (" + parameter.description() + ")"));
                }
                continue;
            }
            String problem = parameter.problemWith(value);
            if (problem != null) {
                throw new ExecutionRefusedException("parameter '" + parameter.name() + "': " + problem);
            }
            resolved.put(parameter.name(), value);
        }
        for (String given : request.parameters().keySet()) {
            if (!declared.contains(given)) {
                throw new ExecutionRefusedException("runbook " + request.runbook().id() + " has no parameter '" + given
                        + "'; it takes " + declared);
            }
        }
        return resolved;
    }

    // ---------------------------------------------------------------- people's actions

    /**
     * Approves the current step of a waiting run, as rendered with {@code hash}. A MANUAL step's approval is the
     * person's confirmation that it is done.
     *
     * @param confirmation what the person typed; must be the environment's name when it is protected
     * @throws ExecutionRefusedException when the step is not waiting, changed since the person saw it, the person
     *                                   already approved it, or a critical step's second approval comes from the
     *                                   first approver or the person who started the run
     */
    public Execution approve(long id, String stepId, String person, String hash, String confirmation) {
        synchronized (this) {
            Execution execution = require(id);
            int index = currentWaiting(execution, stepId);
            if (config.isProtected(execution.environment()) && !execution.environment().equals(confirmation)) {
                throw new ExecutionRefusedException("'" + execution.environment() + "' is a protected environment: type its name"
                        + " to confirm the approval");
            }
            RunbookStep step = execution.runbook().steps().get(index);
            StepRun run = execution.steps().get(index);
            StepRenderer.Rendered now;
            try {
                now = renderer.render(execution, step, step.action());
            } catch (RuntimeException e) {
                throw new ExecutionRefusedException("step " + stepId + " no longer renders: " + e.getMessage());
            }
            if (!now.hash().equals(hash)) {
                throw new ExecutionRefusedException("step " + stepId + " changed since it was shown; review it again and approve"
                        + " what it runs now");
            }
            List<Approval> valid = validApprovals(run, now.hash());
            if (valid.stream().anyMatch(a -> a.person().equals(person))) {
                throw new ExecutionRefusedException(person + " already approved step " + stepId
                        + "; a second approval must come from someone else");
            }
            int needed = step.type() == StepType.MANUAL ? 1 : step.approvalsNeeded();
            if (needed == 2 && !valid.isEmpty() && person.equals(execution.startedBy())) {
                throw new ExecutionRefusedException(person + " started this run; the second approval of critical step " + stepId
                        + " must come from someone else");
            }
            Instant at = clock.instant();
            List<Approval> approvals = new ArrayList<>(valid);
            approvals.add(new Approval(person, at, now.hash()));
            run = run.withRendering(now.text(), now.hash()).withApprovals(approvals);
            Execution next = execution.withStep(index, run, at);
            String what = step.type() == StepType.MANUAL ? "confirmed manual step " : "approved step ";
            if (approvals.size() >= needed) {
                next = next.moveTo(ExecutionState.RUNNING, at, what + stepId + " by " + person);
                commit(next, person, "runbook.approved", what + stepId + " (" + approvals.size() + " of " + needed + "): "
                        + now.text());
            } else {
                next = next.moveTo(ExecutionState.WAITING_FOR_APPROVAL, at, "approved by " + person + "; critical step "
                        + stepId + " needs a second approver (not " + person + ", not " + execution.startedBy() + ")");
                commit(next, person, "runbook.approved", "approved critical step " + stepId + " (1 of 2): " + now.text());
            }
        }
        flush();
        schedule(id);
        return require(id);
    }

    /** Refuses the current step: it is DENIED and the run pauses until someone retries, skips, rolls back or aborts. */
    public Execution deny(long id, String stepId, String person, String reason) {
        synchronized (this) {
            Execution execution = require(id);
            int index = currentWaiting(execution, stepId);
            Instant at = clock.instant();
            Execution next = execution.withStep(index, execution.steps().get(index).moveTo(StepState.DENIED,
                    "denied by " + person + ": " + reason), at).moveTo(ExecutionState.PAUSED, at, "step " + stepId
                    + " denied by " + person);
            commit(next, person, "runbook.denied", "denied step " + stepId + ": " + reason);
        }
        flush();
        return require(id);
    }

    /** Skips the current step (waiting, failed, denied or interrupted) and carries on with the next one. */
    public Execution skip(long id, String stepId, String person, String reason) {
        synchronized (this) {
            Execution execution = requireOpen(id);
            int index = requireCurrent(execution, stepId);
            StepRun run = execution.steps().get(index);
            if (run.state() == StepState.RUNNING) {
                throw new ExecutionRefusedException("step " + stepId + " is running; it cannot be skipped now");
            }
            Instant at = clock.instant();
            Execution next = execution.withStep(index, run.moveTo(StepState.SKIPPED, "skipped by " + person + ": " + reason), at)
                    .at(index + 1, at);
            next = next.moveTo(ExecutionState.RUNNING, at, "step " + stepId + " skipped by " + person);
            commit(next, person, "runbook.skipped", "skipped step " + stepId + ": " + reason);
        }
        flush();
        schedule(id);
        return require(id);
    }

    /** Runs the current step again (failed, denied or interrupted); its approvals still count while valid. */
    public Execution retry(long id, String stepId, String person) {
        synchronized (this) {
            Execution execution = requireOpen(id);
            int index = requireCurrent(execution, stepId);
            StepRun run = execution.steps().get(index);
            if (!StepState.TABLE.allows(run.state(), StepState.PENDING)) {
                throw new ExecutionRefusedException("step " + stepId + " is " + run.state() + "; only a failed, denied or"
                        + " interrupted step can be retried");
            }
            refuseWhileHalted();
            Instant at = clock.instant();
            Execution next = execution.withStep(index, run.moveTo(StepState.PENDING, "retry asked by " + person), at)
                    .moveTo(ExecutionState.RUNNING, at, "step " + stepId + " retried by " + person);
            commit(next, person, "runbook.retried", "retry of step " + stepId);
        }
        flush();
        schedule(id);
        return require(id);
    }

    /** Continues a run paused by HALT or interrupted between steps. */
    public Execution resume(long id, String person) {
        synchronized (this) {
            Execution execution = requireOpen(id);
            if (execution.state() != ExecutionState.PAUSED && execution.state() != ExecutionState.INTERRUPTED) {
                throw new ExecutionRefusedException("run " + id + " is " + execution.state() + "; only a paused or interrupted"
                        + " run resumes");
            }
            Optional<StepRun> step = execution.currentStep();
            if (step.isPresent() && !(step.get().state() == StepState.PENDING
                    || step.get().state() == StepState.WAITING_FOR_APPROVAL)) {
                throw new ExecutionRefusedException("step " + step.get().stepId() + " is " + step.get().state()
                        + "; retry, skip, roll back or abort it");
            }
            refuseWhileHalted();
            Instant at = clock.instant();
            commit(execution.moveTo(ExecutionState.RUNNING, at, "resumed by " + person), person, "runbook.resumed", "resumed");
        }
        flush();
        schedule(id);
        return require(id);
    }

    /** Undoes the succeeded steps that have a rollback, newest first; the run ends ROLLED_BACK (or FAILED if one fails). */
    public Execution rollBack(long id, String person, String reason) {
        synchronized (this) {
            Execution execution = requireOpen(id);
            if (execution.state() == ExecutionState.RUNNING) {
                throw new ExecutionRefusedException("run " + id + " is running a step; abort or wait for it to stop first");
            }
            Instant at = clock.instant();
            rollbackRequested.add(id);
            commit(execution.moveTo(ExecutionState.RUNNING, at, "rolling back, asked by " + person), person,
                    "runbook.rollback-requested", "roll back: " + reason);
        }
        flush();
        schedule(id);
        return require(id);
    }

    /** Stops a run for good. A step running now finishes (its executor is not cut off) and nothing runs after it. */
    public Execution abort(long id, String person, String reason) {
        synchronized (this) {
            Execution execution = requireOpen(id);
            Instant at = clock.instant();
            if (execution.state() == ExecutionState.RUNNING && driving.contains(id)) {
                abortRequested.put(id, person + ": " + reason);
                commit(execution.moveTo(ExecutionState.RUNNING, at, "abort asked by " + person
                        + "; stops when the running step returns"), person, "runbook.abort-requested", reason);
            } else {
                commit(execution.moveTo(ExecutionState.ABORTED, at, "aborted by " + person + ": " + reason), person,
                        "runbook.aborted", reason);
            }
        }
        flush();
        return require(id);
    }

    /**
     * A runbook was edited and saved: runs of it that have not finished follow the new text if their steps are the same
     * ones in the same order. Approvals given for a step whose rendering changed are void.
     */
    public void runbookChanged(Runbook changed) {
        synchronized (this) {
            for (Execution execution : List.copyOf(executions.values())) {
                if (execution.state().isFinal() || !execution.runbook().id().equals(changed.id())
                        || !sameSteps(execution.runbook(), changed)) {
                    continue;
                }
                Execution next = execution.withRunbook(changed);
                Optional<StepRun> current = next.currentStep();
                if (current.isPresent() && current.get().state() == StepState.WAITING_FOR_APPROVAL) {
                    RunbookStep step = changed.steps().get(next.current());
                    try {
                        StepRenderer.Rendered rendered = renderer.render(next, step, step.action());
                        if (!rendered.hash().equals(current.get().hash())) {
                            next = next.withStep(next.current(), current.get().withRendering(rendered.text(), rendered.hash())
                                    .withApprovals(List.of()), clock.instant());
                            commit(next, ENGINE, "runbook.approval-void", "step " + step.id() + " changed; its approvals are"
                                    + " void: " + rendered.text());
                            continue;
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("Changed runbook {} does not render step {}: {}", changed.id(), step.id(), e.getMessage());
                    }
                }
                commit(next, ENGINE, "runbook.updated", "runbook " + changed.id() + " changed");
            }
        }
        flush();
    }

    private static boolean sameSteps(Runbook a, Runbook b) {
        return a.steps().stream().map(RunbookStep::id).toList().equals(b.steps().stream().map(RunbookStep::id).toList());
    }

    // ---------------------------------------------------------------- driving

    private void schedule(long id) {
        synchronized (this) {
            Execution execution = executions.get(id);
            if (execution == null || execution.state() != ExecutionState.RUNNING || !driving.add(id)) {
                return;
            }
        }
        worker.execute(() -> drive(id));
    }

    /** What the drive loop does next, decided under the lock. */
    private sealed interface Next {
        record Stop() implements Next {
        }

        record Run(RunbookStep step, int index, Execution snapshot, StepRenderer.Rendered rendered) implements Next {
        }

        record Wait(Duration delay) implements Next {
        }

        record RollBack(List<Integer> indexes, Optional<Integer> rollbackStep) implements Next {
        }
    }

    private void drive(long id) {
        try {
            while (true) {
                Next next;
                synchronized (this) {
                    next = decide(id);
                    if (next instanceof Next.Stop) {
                        driving.remove(id);
                    }
                }
                flush();
                switch (next) {
                    case Next.Stop stop -> {
                        return;
                    }
                    case Next.Wait wait -> {
                        if (!wait.delay().isZero()) {
                            waiter.awaitUnless(wait.delay(), () -> stopAsked(id));
                        }
                    }
                    case Next.Run run -> execute(id, run);
                    case Next.RollBack rollBack -> rollBack(id, rollBack);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                driving.remove(id);
            }
        } catch (RuntimeException e) {
            LOG.error("Runbook run {} stopped on an engine error", id, e);
            synchronized (this) {
                driving.remove(id);
                Execution execution = executions.get(id);
                if (execution != null && !execution.state().isFinal() && execution.state() != ExecutionState.PAUSED) {
                    Execution stopped = execution.currentStep().filter(s -> s.state() == StepState.RUNNING)
                            .map(s -> execution.withStep(execution.current(), s.moveTo(StepState.INTERRUPTED,
                                    "engine error: " + e.getMessage()), clock.instant()))
                            .orElse(execution);
                    commit(stopped.moveTo(ExecutionState.INTERRUPTED, clock.instant(), "engine error: " + e.getMessage()),
                            ENGINE, "runbook.interrupted", "engine error: " + e.getMessage());
                }
            }
            flush();
        }
    }

    /** Decides the next move of run {@code id}; called with the lock held. */
    private Next decide(long id) {
        Execution execution = executions.get(id);
        if (execution == null || execution.state() != ExecutionState.RUNNING) {
            return new Next.Stop();
        }
        Instant now = clock.instant();
        String abort = abortRequested.remove(id);
        if (abort != null) {
            commit(execution.moveTo(ExecutionState.ABORTED, now, "aborted by " + abort), ENGINE, "runbook.aborted", abort);
            return new Next.Stop();
        }
        if (rollbackRequested.remove(id)) {
            return new Next.RollBack(rollbackCandidates(execution, execution.current(), List.of()), Optional.empty());
        }
        Optional<String> halted = halt.halted();
        if (halted.isPresent()) {
            return stopForHalt(execution, halted.get(), now);
        }
        int index = execution.current();
        if (index >= execution.steps().size()) {
            commit(execution.moveTo(ExecutionState.SUCCEEDED, now, "every step done"), ENGINE, "runbook.succeeded",
                    "runbook " + execution.runbook().id() + " succeeded");
            return new Next.Stop();
        }
        RunbookStep step = execution.runbook().steps().get(index);
        StepRun run = execution.steps().get(index);
        if (run.state() == StepState.SKIPPED || run.state() == StepState.SUCCEEDED) {
            commit(execution.at(index + 1, now), ENGINE, "", "");
            return new Next.Wait(Duration.ZERO);
        }
        if (run.state() == StepState.FAILED && step.retries() >= run.attempts()) {
            commit(execution.withStep(index, run.moveTo(StepState.PENDING, run.message()), now), ENGINE, "", "");
            return new Next.Wait(step.retryDelay());
        }
        if (run.state() != StepState.PENDING && run.state() != StepState.WAITING_FOR_APPROVAL) {
            return stopOnFailure(execution, index, run.message());
        }
        if (step.type() == StepType.DECISION) {
            return decideBranch(execution, index, step, now);
        }
        StepRenderer.Rendered rendered;
        try {
            rendered = renderer.render(execution, step, step.action());
        } catch (Templates.UnknownVariableException | IllegalArgumentException e) {
            Execution failed = execution.withStep(index, run.moveTo(StepState.FAILED, "cannot render: " + e.getMessage()), now);
            commit(failed, ENGINE, "runbook.step-failed", "step " + step.id() + " cannot render: " + e.getMessage());
            return stopOnFailure(failed, index, "step " + step.id() + " cannot render: " + e.getMessage());
        }
        run = run.withRendering(rendered.text(), rendered.hash());
        if (step.waitsForPerson(execution.mode())) {
            List<Approval> valid = validApprovals(run, rendered.hash());
            int needed = step.type() == StepType.MANUAL ? 1 : step.approvalsNeeded();
            if (valid.size() < needed) {
                List<Approval> stale = run.approvals().stream().filter(a -> !valid.contains(a)).toList();
                StepRun waiting = run.withApprovals(valid);
                waiting = waiting.state() == StepState.WAITING_FOR_APPROVAL ? waiting
                        : waiting.moveTo(StepState.WAITING_FOR_APPROVAL, "waiting for " + (step.type() == StepType.MANUAL
                                ? "a person to confirm it is done" : needed + " approval" + (needed > 1 ? "s" : "")));
                String why = stale.isEmpty() ? waiting.message() : "approval by " + stale.getFirst().person()
                        + " is no longer valid (expired or the step changed)";
                commit(execution.withStep(index, waiting, now).moveTo(ExecutionState.WAITING_FOR_APPROVAL, now, why), ENGINE,
                        stale.isEmpty() ? "runbook.waiting" : "runbook.approval-void", "step " + step.id() + ": " + why);
                return new Next.Stop();
            }
            if (step.type() == StepType.MANUAL) {
                StepRun done = run.started(now).moveTo(StepState.SUCCEEDED, "confirmed by " + valid.getLast().person())
                        .finished("", 0, now);
                commit(execution.withStep(index, done, now).at(index + 1, now), valid.getLast().person(),
                        "runbook.step-succeeded", "step " + step.id() + " done: " + rendered.text());
                return new Next.Wait(Duration.ZERO);
            }
        }
        if (step.type() == StepType.ROLLBACK) {
            // After its approval (step-by-step mode asks for one like any other step).
            Execution marked = execution.withStep(index, run.moveTo(StepState.RUNNING, "rolling back").started(now), now);
            commit(marked, ENGINE, "runbook.step-started", "step " + step.id() + ": " + rendered.text());
            return new Next.RollBack(rollbackCandidates(marked, index, step.undo()), Optional.of(index));
        }
        // Written RUNNING before the executor is called: after a crash this step shows "outcome unknown".
        Execution started = execution.withStep(index, run.moveTo(StepState.RUNNING, "running").started(now), now);
        commit(started, ENGINE, "runbook.step-started", "step " + step.id() + " attempt "
                + started.steps().get(index).attempts() + ": " + rendered.text());
        return new Next.Run(step, index, started, rendered);
    }

    private Next decideBranch(Execution execution, int index, RunbookStep step, Instant now) {
        StepRun run = execution.steps().get(index);
        StepRenderer.Evaluation verdict;
        try {
            verdict = renderer.evaluate(execution, step.condition().orElseThrow());
        } catch (RuntimeException e) {
            Execution failed = execution.withStep(index, run.moveTo(StepState.FAILED, "cannot decide: " + e.getMessage()), now);
            commit(failed, ENGINE, "runbook.step-failed", "decision " + step.id() + " cannot be made: " + e.getMessage());
            return stopOnFailure(failed, index, "decision " + step.id() + " cannot be made: " + e.getMessage());
        }
        Optional<String> target = verdict.holds() ? step.onTrue() : step.onFalse();
        int nextIndex = target.map(execution.runbook()::indexOf).orElse(index + 1);
        String why = verdict.rendered() + " is " + verdict.holds() + ": go to " + target.orElse("the next step");
        Execution next = execution.withStep(index, run.started(now).withRendering(verdict.rendered(), "")
                .moveTo(StepState.SUCCEEDED, why).finished(String.valueOf(verdict.holds()), 0, now), now);
        for (int skipped = index + 1; skipped < nextIndex; skipped++) {
            next = next.withStep(skipped, next.steps().get(skipped).moveTo(StepState.SKIPPED, "not taken by decision "
                    + step.id()), now);
        }
        commit(next.at(nextIndex, now), ENGINE, "runbook.decided", "decision " + step.id() + ": " + why);
        return new Next.Wait(Duration.ZERO);
    }

    /**
     * HALT at a safe point: the succeeded steps that have a rollback are undone, newest first, and the run ends (ROLLED_BACK,
     * or ABORTED when there was nothing to undo). Called with the lock held.
     */
    private Next stopForHalt(Execution execution, String why, Instant now) {
        List<Integer> undo = rollbackCandidates(execution, execution.current(), List.of());
        if (undo.isEmpty()) {
            commit(execution.moveTo(ExecutionState.ABORTED, now, "HALT: " + why + "; nothing to roll back"), ENGINE,
                    "runbook.halted", "stopped at a safe point by HALT: " + why);
            return new Next.Stop();
        }
        commit(execution.moveTo(ExecutionState.RUNNING, now, "HALT: " + why + "; rolling back " + undo.size() + " step(s)"),
                ENGINE, "runbook.halted", "stopped at a safe point by HALT: " + why + "; rolling back " + undo.size()
                        + " step(s)");
        return new Next.RollBack(undo, Optional.empty());
    }

    /**
     * HALT was pressed: runs that are not executing a step right now (waiting for an approval, paused) stop as a running
     * one does at its next safe point: their rollbacks run and they end. Interrupted runs stay for a person (nothing of
     * theirs is running). Running ones stop by themselves at their next safe point.
     */
    public void haltPressed() {
        List<Long> toDrive = new ArrayList<>();
        synchronized (this) {
            Optional<String> halted = halt.halted();
            if (halted.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            for (Execution execution : List.copyOf(executions.values())) {
                if (execution.state() != ExecutionState.WAITING_FOR_APPROVAL && execution.state() != ExecutionState.PAUSED) {
                    continue;
                }
                if (stopForHalt(execution, halted.get(), now) instanceof Next.RollBack) {
                    rollbackRequested.add(execution.id());
                    toDrive.add(execution.id());
                }
            }
        }
        flush();
        toDrive.forEach(this::schedule);
    }

    /** After a step failed for good: AUTOMATIC runs roll back; interactive ones pause for a person. */
    private Next stopOnFailure(Execution execution, int index, String why) {
        Instant now = clock.instant();
        if (execution.mode() == ExecutionMode.AUTOMATIC) {
            List<Integer> candidates = rollbackCandidates(execution, index, List.of());
            if (candidates.isEmpty()) {
                commit(execution.moveTo(ExecutionState.FAILED, now, why + "; nothing to roll back"), ENGINE, "runbook.failed", why);
                return new Next.Stop();
            }
            commit(execution.moveTo(ExecutionState.RUNNING, now, why + "; rolling back"), ENGINE, "runbook.failed",
                    why + "; rolling back " + candidates.size() + " step(s)");
            return new Next.RollBack(candidates, Optional.empty());
        }
        commit(execution.moveTo(ExecutionState.PAUSED, now, why + "; retry, skip, roll back or abort"), ENGINE,
                "runbook.paused", why);
        return new Next.Stop();
    }

    /** Succeeded steps before {@code before} with a rollback, newest first (only those in {@code only}, if given). */
    private static List<Integer> rollbackCandidates(Execution execution, int before, List<String> only) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = Math.min(before, execution.steps().size()) - 1; i >= 0; i--) {
            RunbookStep step = execution.runbook().steps().get(i);
            if (execution.steps().get(i).state() == StepState.SUCCEEDED && step.rollback().isPresent()
                    && (only.isEmpty() || only.contains(step.id()))) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private void execute(long id, Next.Run run) throws InterruptedException {
        RunbookStep step = run.step();
        Outcome outcome;
        Optional<Invocation> invocation = run.rendered().invocation();
        if (invocation.isPresent()) {
            outcome = call(id, step.id(), invocation.get());
        } else {
            outcome = Outcome.succeeded("", "nothing to execute");
        }
        if (outcome.succeeded() && step.type() == StepType.VALIDATION && step.condition().isPresent()) {
            outcome = validate(id, run.snapshot(), step);
        }
        synchronized (this) {
            Execution execution = executions.get(id);
            Instant now = clock.instant();
            StepRun done = execution.steps().get(run.index()).finished(outcome.output(), outcome.exitCode(), now);
            String summary = outcomeText(outcome);
            Execution next;
            if (outcome.succeeded()) {
                next = execution.withStep(run.index(), done.moveTo(StepState.SUCCEEDED, summary), now).at(run.index() + 1, now);
                commit(next, ENGINE, "runbook.step-succeeded", "step " + step.id() + " succeeded: " + summary);
            } else {
                boolean retry = step.retries() >= done.attempts();
                next = execution.withStep(run.index(), done.moveTo(StepState.FAILED, (retry ? "attempt " + done.attempts()
                        + " of " + (step.retries() + 1) + " failed, retrying after " + Durations.format(step.retryDelay())
                        + ": " : "") + summary), now);
                commit(next, ENGINE, "runbook.step-failed", "step " + step.id() + " attempt " + done.attempts() + " failed: "
                        + summary);
            }
        }
        flush();
    }

    private Outcome call(long id, String stepId, Invocation invocation) {
        try {
            return executor.run(invocation, line -> bus.publish(new StepOutputLine(clock.instant(), id, stepId, line)));
        } catch (RuntimeException e) {
            LOG.warn("Executor failed on step {} of run {}", stepId, id, e);
            return Outcome.failed(-1, "", "executor error: " + e.getMessage());
        }
    }

    /** Polls the step's condition until it has held for {@code hold}, or fails at the step's timeout. */
    private Outcome validate(long id, Execution snapshot, RunbookStep step) throws InterruptedException {
        Condition condition = step.condition().orElseThrow();
        Instant deadline = clock.instant().plus(step.timeout());
        Instant heldSince = null;
        String last = "";
        while (true) {
            Optional<String> halted = halt.halted();
            if (halted.isPresent()) {
                return new Outcome(Outcome.Status.REFUSED, -1, last, false, "HALT during validation: " + halted.get());
            }
            if (stopAsked(id)) {
                return new Outcome(Outcome.Status.REFUSED, -1, last, false, "stopped during validation: abort asked");
            }
            Instant now = clock.instant();
            try {
                StepRenderer.Evaluation verdict = renderer.evaluate(snapshot, condition);
                last = verdict.rendered();
                heldSince = verdict.holds() ? (heldSince == null ? now : heldSince) : null;
            } catch (Templates.UnknownVariableException e) {
                last = e.getMessage();
                heldSince = null;
            }
            if (heldSince != null && !heldSince.plus(step.hold()).isAfter(now)) {
                return Outcome.succeeded(last, condition + " held for " + Durations.format(step.hold()) + " (" + last + ")");
            }
            if (!now.isBefore(deadline)) {
                return new Outcome(Outcome.Status.TIMED_OUT, -1, last, false, condition + " did not hold for "
                        + Durations.format(step.hold()) + " within " + Durations.format(step.timeout()) + " (last: " + last + ")");
            }
            Duration left = Duration.between(now, deadline);
            waiter.awaitUnless(left.compareTo(config.validationPoll()) < 0 ? left : config.validationPoll(), () -> stopAsked(id));
        }
    }

    private void rollBack(long id, Next.RollBack plan) {
        boolean allUndone = true;
        for (int index : plan.indexes()) {
            Execution execution;
            RunbookStep step;
            StepRenderer.Rendered rendered;
            synchronized (this) {
                execution = executions.get(id);
                step = execution.runbook().steps().get(index);
            }
            try {
                rendered = renderer.render(execution, step, step.rollback().orElseThrow());
            } catch (RuntimeException e) {
                allUndone = false;
                recordRollback(id, index, false, "rollback cannot render: " + e.getMessage());
                continue;
            }
            synchronized (this) {
                commit(executions.get(id), ENGINE, "runbook.rollback-started", "rolling back step " + step.id() + ": "
                        + rendered.text());
            }
            flush();
            Outcome outcome = rendered.invocation().map(invocation -> call(id, step.id(), invocation))
                    .orElse(Outcome.succeeded("", "nothing to undo"));
            allUndone &= outcome.succeeded();
            recordRollback(id, index, outcome.succeeded(), outcomeText(outcome));
        }
        synchronized (this) {
            Execution execution = executions.get(id);
            Instant now = clock.instant();
            if (plan.rollbackStep().isPresent()) {
                int index = plan.rollbackStep().get();
                StepRun run = execution.steps().get(index).finished("", 0, now);
                String summary = allUndone ? "rolled back " + plan.indexes().size() + " step(s)" : "a rollback failed";
                Execution next = execution.withStep(index, run.moveTo(allUndone ? StepState.SUCCEEDED : StepState.FAILED,
                        summary), now);
                commit(allUndone ? next.at(index + 1, now) : next, ENGINE, allUndone ? "runbook.step-succeeded"
                        : "runbook.step-failed", "step " + step(execution, index) + ": " + summary);
            } else {
                String halted = execution.message().startsWith("HALT: ")
                        ? execution.message().replaceFirst("; rolling back .*$", "") + "; " : "";
                String why = halted + (allUndone ? "rolled back " + plan.indexes().size() + " step(s)"
                        : "a rollback failed; the system may be half undone");
                commit(execution.moveTo(allUndone ? ExecutionState.ROLLED_BACK : ExecutionState.FAILED, now, why), ENGINE,
                        allUndone ? "runbook.rolled-back" : "runbook.rollback-failed", why);
            }
        }
        flush();
    }

    private static String step(Execution execution, int index) {
        return execution.runbook().steps().get(index).id();
    }

    private void recordRollback(long id, int index, boolean undone, String summary) {
        synchronized (this) {
            Execution execution = executions.get(id);
            Instant now = clock.instant();
            StepRun run = execution.steps().get(index);
            Execution next = execution.withStep(index, run.moveTo(undone ? StepState.ROLLED_BACK : StepState.ROLLBACK_FAILED,
                    summary), now);
            commit(next, ENGINE, undone ? "runbook.step-rolled-back" : "runbook.rollback-failed", "step "
                    + step(execution, index) + (undone ? " rolled back: " : " rollback failed: ") + summary);
        }
        flush();
    }

    private static String outcomeText(Outcome outcome) {
        String text = outcome.message();
        if (outcome.status() != Outcome.Status.SUCCEEDED && outcome.exitCode() != 0 && outcome.exitCode() != -1) {
            text = text + " (exit " + outcome.exitCode() + ")";
        }
        return outcome.truncated() ? text + " (output truncated)" : text;
    }

    // ---------------------------------------------------------------- helpers

    private List<Approval> validApprovals(StepRun run, String hash) {
        Instant now = clock.instant();
        return run.approvals().stream()
                .filter(approval -> approval.hash().equals(hash) && approval.at().plus(config.approvalTtl()).isAfter(now))
                .toList();
    }

    /** Whether a wait of run {@code id} should end early: it was aborted, or HALT holds. */
    private boolean stopAsked(long id) {
        synchronized (this) {
            if (abortRequested.containsKey(id)) {
                return true;
            }
        }
        return halt.halted().isPresent();
    }

    private void refuseWhileHalted() {
        Optional<String> halted = halt.halted();
        if (halted.isPresent()) {
            throw new ExecutionRefusedException("HALT is on (" + halted.get() + "); release it first");
        }
    }

    private synchronized Execution require(long id) {
        Execution execution = executions.get(id);
        if (execution == null) {
            throw new ExecutionRefusedException("no runbook run " + id);
        }
        return execution;
    }

    private Execution requireOpen(long id) {
        Execution execution = require(id);
        if (execution.state().isFinal()) {
            throw new ExecutionRefusedException("run " + id + " is " + execution.state() + " and takes no more actions");
        }
        return execution;
    }

    private int requireCurrent(Execution execution, String stepId) {
        int index = execution.indexOf(stepId);
        if (index != execution.current()) {
            throw new ExecutionRefusedException("step " + stepId + " is not the current step of run " + execution.id()
                    + execution.currentStep().map(s -> " (that is " + s.stepId() + ")").orElse(""));
        }
        return index;
    }

    private int currentWaiting(Execution execution, String stepId) {
        requireOpen(execution.id());
        int index = requireCurrent(execution, stepId);
        if (execution.state() != ExecutionState.WAITING_FOR_APPROVAL
                || execution.steps().get(index).state() != StepState.WAITING_FOR_APPROVAL) {
            throw new ExecutionRefusedException("step " + stepId + " is " + execution.steps().get(index).state()
                    + ", not waiting for approval");
        }
        return index;
    }

    /**
     * Stores {@code next} (durably, before anything it announces happens) and queues its journal entry and event; called
     * with the lock held. An empty {@code action} stores without a journal entry.
     */
    private void commit(Execution next, String actor, String action, String text) {
        store.save(next);
        executions.put(next.id(), next);
        if (!action.isEmpty()) {
            notices.add(() -> journal.record(next, actor, action, text));
        }
        notices.add(() -> bus.publish(new ExecutionChanged(next.updatedAt(), next)));
    }

    /** Journals and publishes what was committed, in order, outside the engine's lock. */
    private void flush() {
        synchronized (noticeOrder) {
            Runnable notice;
            while ((notice = notices.poll()) != null) {
                try {
                    notice.run();
                } catch (RuntimeException e) {
                    LOG.error("Runbook journal or subscriber failed", e);
                }
            }
        }
    }
}
