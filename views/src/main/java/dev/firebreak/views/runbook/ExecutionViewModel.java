package dev.firebreak.views.runbook;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.runbook.Approval;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionChanged;
import dev.firebreak.engine.runbook.ExecutionRefusedException;
import dev.firebreak.engine.runbook.StepOutputLine;
import dev.firebreak.engine.runbook.StepRun;
import dev.firebreak.engine.runbook.StepState;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.views.session.RunbookDesk;
import dev.firebreak.views.task.BackgroundTask;
import dev.firebreak.views.task.TaskExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One run as a person steps through it: every step with its state, the selected step's exact rendered text, what it
 * is expected to come to, its output as it streams, who approved it when; the run's state and message; and the
 * actions the engine would accept now. Engine events (the run's snapshots, output lines) arrive on the engine's
 * threads and only mark this dirty; the newest snapshot is applied once per pulse. Actions go to the desk through
 * the task executor; a refusal leaves the run as it was and says why in {@link #refusalProperty()}.
 */
public final class ExecutionViewModel implements AutoCloseable {

    /** Output lines kept per step: a chatty step must not grow the console's memory without end. */
    static final int MOST_LINES_KEPT = 2_000;

    private final RunbookDesk desk;
    private final long id;
    private final Supplier<String> operator;
    private final TaskExecutor tasks;
    private final boolean protectedEnvironment;
    private final FxCoalescer coalescer = new FxCoalescer(this::refresh);
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** The newest snapshot published; set on the engine's threads, applied on the FX thread. */
    private final AtomicReference<Execution> latest = new AtomicReference<>();
    /** Output lines, and marks where a step started or stopped running, in the order the engine published them. */
    private final ConcurrentLinkedQueue<Streamed> arriving = new ConcurrentLinkedQueue<>();
    /**
     * Per step, the lines streamed while it runs, or after it stopped (a rollback's): once a step stops, its stored
     * output holds what it printed, so the lines streamed until then are dropped.
     */
    private final Map<String, Deque<String>> streamed = new HashMap<>();

    private final ReadOnlyObjectWrapper<Execution> execution = new ReadOnlyObjectWrapper<>(this, "execution");
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final ReadOnlyObjectWrapper<StepRow> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper shownOutput = new ReadOnlyStringWrapper(this, "shownOutput", "");
    private final ReadOnlyStringWrapper outputTitle = new ReadOnlyStringWrapper(this, "outputTitle", "Output");
    private final Map<RunAction, ReadOnlyBooleanWrapper> allowed = new EnumMap<>(RunAction.class);
    private final ReadOnlyObjectWrapper<ApprovalNeed> approvalNeed = new ReadOnlyObjectWrapper<>(this, "approvalNeed",
            ApprovalNeed.NONE);
    private final StringProperty approver = new SimpleStringProperty(this, "approver", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private int shownCurrent = -1;

    /**
     * @param first     the run as last read (from the runs list), shown until the engine says more
     * @param events    the session's bus: the run's snapshots and output lines
     * @param operator  who acts: the person at the console
     * @param tasks     where the desk is called: off the FX thread in the console
     */
    public ExecutionViewModel(RunbookDesk desk, EventBus events, Execution first, Supplier<String> operator,
            TaskExecutor tasks) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.id = first.id();
        this.operator = Objects.requireNonNull(operator, "operator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.protectedEnvironment = desk.isProtected(first.environment());
        for (RunAction action : RunAction.values()) {
            allowed.put(action, new ReadOnlyBooleanWrapper(this, action.name()));
        }
        latest.set(first);
        subscriptions.add(events.subscribe(ExecutionChanged.class, e -> {
            if (e.execution().id() == id) {
                Execution before = latest.getAndSet(e.execution());
                markStepsThatStartedOrStopped(before, e.execution());
                coalescer.markDirty();
            }
        }));
        subscriptions.add(events.subscribe(StepOutputLine.class, e -> {
            if (e.executionId() == id) {
                arriving.add(new Streamed(e.stepId(), e.line()));
                coalescer.markDirty();
            }
        }));
        selectedIndex.addListener((obs, old, now) -> showSelected());
        refresh();
    }

    public long id() {
        return id;
    }

    // ---- Properties ----

    /** The run as last applied. */
    public ReadOnlyObjectProperty<Execution> executionProperty() {
        return execution.getReadOnlyProperty();
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    /** The step shown in detail; follows the run's current step whenever the run moves on. */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public ReadOnlyObjectProperty<StepRow> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The shown step's output: as it streams while the step runs, else what its last attempt printed (see below). */
    public ReadOnlyStringProperty shownOutputProperty() {
        return shownOutput.getReadOnlyProperty();
    }

    /** "Output", or whose output is shown for a step that has not run yet ("Output of 2. Restart … (…)"). */
    public ReadOnlyStringProperty outputTitleProperty() {
        return outputTitle.getReadOnlyProperty();
    }

    /** Whether the engine would accept {@code action} now (and no other action is under way). */
    public ReadOnlyBooleanProperty allowedProperty(RunAction action) {
        return allowed.get(action).getReadOnlyProperty();
    }

    /** What approving the current step needs beyond the button: a second person, the environment's name. */
    public ReadOnlyObjectProperty<ApprovalNeed> approvalNeedProperty() {
        return approvalNeed.getReadOnlyProperty();
    }

    /** Who gives the second approval of a critical step (the person at the console unless they may not). */
    public StringProperty approverProperty() {
        return approver;
    }

    /** What the person typed to confirm in a protected environment. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    /** Why, for deny, skip, roll back and abort; goes on the journal. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** Why the last action was refused; empty after one that was accepted. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** Whether an action is on its way to the engine. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public String operator() {
        return operator.get();
    }

    // ---- Commands ----

    /**
     * Approves the current step as it is shown (its hash goes with the approval), or confirms a manual step is done.
     * The second approval of a critical step is given in the name typed in {@link #approverProperty()}.
     */
    public void approve() {
        Execution run = execution.get();
        StepRun step = currentShownOrNull(RunAction.APPROVE);
        if (step == null) {
            return;
        }
        ApprovalNeed need = approvalNeed.get();
        String person = need.needsSecondPerson() ? approver.get().strip() : operator.get();
        if (person.isEmpty()) {
            refusal.set("Name the second approver: " + need.secondPersonPrompt());
            return;
        }
        String typed = confirmation.get().strip();
        call((need.manual() ? "Confirming step " : "Approving step ") + step.stepId(),
                () -> desk.approve(run.id(), step.stepId(), person, step.hash(), typed));
    }

    public void deny() {
        StepRun step = currentShownOrNull(RunAction.DENY);
        if (step != null) {
            call("Denying step " + step.stepId(), () -> desk.deny(id, step.stepId(), operator.get(), reasonOr("denied")));
        }
    }

    public void skip() {
        StepRun step = currentShownOrNull(RunAction.SKIP);
        if (step != null) {
            call("Skipping step " + step.stepId(), () -> desk.skip(id, step.stepId(), operator.get(), reasonOr("skipped")));
        }
    }

    public void retry() {
        StepRun step = currentShownOrNull(RunAction.RETRY);
        if (step != null) {
            call("Retrying step " + step.stepId(), () -> desk.retry(id, step.stepId(), operator.get()));
        }
    }

    public void rollBack() {
        if (allowed.get(RunAction.ROLL_BACK).get()) {
            call("Rolling back run " + id, () -> desk.rollBack(id, operator.get(), reasonOr("rolled back")));
        }
    }

    public void abort() {
        if (allowed.get(RunAction.ABORT).get()) {
            call("Aborting run " + id, () -> desk.abort(id, operator.get(), reasonOr("aborted")));
        }
    }

    public void resume() {
        if (allowed.get(RunAction.RESUME).get()) {
            call("Resuming run " + id, () -> desk.resume(id, operator.get()));
        }
    }

    /** The current step when {@code action} is allowed on it now, else null. */
    private StepRun currentShownOrNull(RunAction action) {
        if (!allowed.get(action).get()) {
            return null;
        }
        return execution.get().currentStep().orElse(null);
    }

    private String reasonOr(String fallback) {
        String given = reason.get() == null ? "" : reason.get().strip();
        return given.isEmpty() ? fallback + " from the console, no reason given" : given;
    }

    private void call(String title, Callable<Execution> action) {
        working.set(true);
        updateAllowed();
        BackgroundTask.wrap(action).withTitle(title)
                .onSuccess(after -> {
                    refusal.set("");
                    reason.set("");
                    // the engine published every snapshot before it returned: the newest is already in latest
                    coalescer.markDirty();
                })
                .onFailure(e -> refusal.set(e instanceof ExecutionRefusedException ? e.getMessage()
                        : title + " failed: " + e.getMessage()))
                .onFinished(() -> {
                    working.set(false);
                    // a refused action changes no snapshot: the actions must be offered again all the same
                    updateAllowed();
                    refresh();
                })
                .executeWith(tasks);
    }

    // ---- Following the engine ----

    public void start() {
        coalescer.start();
    }

    /** Applies the newest snapshot and the output that arrived since the last pulse. */
    public void refresh() {
        boolean outputArrived = drainOutput();
        Execution now = latest.get();
        if (now != execution.get()) {
            apply(now);
        } else if (outputArrived) {
            showOutput();
        }
    }

    /** An output line, or (line null) the mark that a step started or stopped running. */
    private record Streamed(String stepId, String line) {
    }

    /** On the engine's thread, in publishing order: lines after the mark belong to the new attempt or the rollback. */
    private void markStepsThatStartedOrStopped(Execution before, Execution after) {
        for (int i = 0; i < after.steps().size() && i < before.steps().size(); i++) {
            StepRun was = before.steps().get(i);
            StepRun is = after.steps().get(i);
            if ((was.state() == StepState.RUNNING) != (is.state() == StepState.RUNNING) || is.attempts() != was.attempts()) {
                arriving.add(new Streamed(is.stepId(), null));
            }
        }
    }

    private boolean drainOutput() {
        boolean any = false;
        Streamed next;
        while ((next = arriving.poll()) != null) {
            if (next.line() == null) {
                streamed.remove(next.stepId());
                continue;
            }
            Deque<String> lines = streamed.computeIfAbsent(next.stepId(), k -> new ArrayDeque<>());
            lines.add(next.line());
            if (lines.size() > MOST_LINES_KEPT) {
                lines.removeFirst();
            }
            any = true;
        }
        return any;
    }

    private void apply(Execution now) {
        execution.set(now);
        List<StepRow> rows = new ArrayList<>();
        for (int i = 0; i < now.steps().size(); i++) {
            StepRun run = now.steps().get(i);
            rows.add(new StepRow(i + 1, now.runbook().steps().get(i), run, i == now.current()));
        }
        for (int i = 0; i < rows.size(); i++) {
            if (i >= steps.size()) {
                steps.add(rows.get(i));
            } else if (!steps.get(i).equals(rows.get(i))) {
                steps.set(i, rows.get(i));
            }
        }
        if (now.current() != shownCurrent) {
            // what was typed for one step's approval is not an approval of the next
            shownCurrent = now.current();
            approver.set("");
            confirmation.set("");
            selectedIndex.set(Math.min(now.current(), now.steps().size() - 1));
        }
        ApprovalNeed need = ApprovalNeed.of(now, protectedEnvironment);
        if (need.needsSecondPerson() && !need.equals(approvalNeed.get())) {
            // pre-filled only with someone the engine would take: the person at the console is often the first approver
            approver.set(need.mayApproveSecond(operator.get()) ? operator.get() : "");
        }
        approvalNeed.set(need);
        updateAllowed();
        showSelected();
    }

    private void updateAllowed() {
        Execution now = execution.get();
        Set<RunAction> legal = now == null ? Set.of() : RunAction.legal(now);
        for (RunAction action : RunAction.values()) {
            allowed.get(action).set(!working.get() && legal.contains(action));
        }
    }

    private void showSelected() {
        int index = selectedIndex.get();
        shown.set(index >= 0 && index < steps.size() ? steps.get(index) : null);
        showOutput();
    }

    /**
     * The shown step's output; for a step that has not run yet, the output of the last step before it that printed
     * something, which is what a person reads before approving the next step.
     */
    private void showOutput() {
        StepRow row = shown.get();
        if (row == null) {
            shownOutput.set("");
            outputTitle.set("Output");
            return;
        }
        String own = outputOf(row);
        if (!own.isEmpty() || row.run().attempts() > 0) {
            shownOutput.set(own);
            outputTitle.set("Output");
            return;
        }
        for (int i = row.number() - 2; i >= 0; i--) {
            String before = outputOf(steps.get(i));
            if (!before.isEmpty()) {
                shownOutput.set(before);
                outputTitle.set("Latest output: " + steps.get(i).title());
                return;
            }
        }
        shownOutput.set("");
        outputTitle.set("Output");
    }

    /** What a step printed: as it streams while it runs; when it stopped, what it stored, then any later lines. */
    private String outputOf(StepRow row) {
        Deque<String> lines = streamed.get(row.run().stepId());
        String live = lines == null ? "" : String.join("\n", lines);
        String stored = row.run().state() == StepState.RUNNING ? "" : row.run().output();
        return stored.isEmpty() ? live : live.isEmpty() ? stored : stored + "\n" + live;
    }

    /** "bob at 10:03:12 (rendering 3fa2c1d0)" per approval of the shown step, or what it still waits for. */
    public String approvalsText(StepRow row) {
        List<Approval> given = row.run().approvals();
        String text = given.isEmpty() ? "" : "Approved by " + String.join("; ", given.stream().map(RunbookTexts::approval).toList());
        if (row.current() && row.run().state() == StepState.WAITING_FOR_APPROVAL) {
            int needed = row.step().type() == dev.firebreak.engine.runbook.StepType.MANUAL ? 1 : row.step().approvalsNeeded();
            String waits = row.step().type() == dev.firebreak.engine.runbook.StepType.MANUAL
                    ? "Waits for a person to confirm it is done."
                    : "Waits for " + (needed - given.size()) + " more approval" + (needed - given.size() == 1 ? "" : "s")
                            + (needed == 2 ? " (critical: 2 different people)" : "") + ".";
            text = text.isEmpty() ? waits : text + ". " + waits;
        }
        return text.isEmpty() ? (row.step().waitsForPerson(execution.get().mode()) || row.step().approval()
                || row.step().critical() ? "No approvals yet." : "Runs without approval in "
                + RunbookTexts.mode(execution.get().mode()) + " mode.") : text;
    }

    @Override
    public void close() {
        coalescer.close();
        subscriptions.forEach(Subscription::close);
    }
}
