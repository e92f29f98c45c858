package dev.firebreak.views.incident;

import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingChanged;
import dev.firebreak.engine.heal.HealingDecided;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingLearning;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionChanged;
import dev.firebreak.engine.runbook.StepRun;
import dev.firebreak.engine.runbook.StepState;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.views.healing.HealingTexts;
import dev.firebreak.views.runbook.RunbookNavigation;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.HealingDesk;
import dev.firebreak.views.session.RunbookDesk;
import dev.firebreak.views.task.EngineCommand;
import dev.firebreak.views.task.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What healing did for one incident: every decision, newest first, with its chain of gates, the playbook it chose and
 * that playbook's record on the fault kind, and the action it led to, live. An action waiting for approval offers the
 * step its run waits at (title, exact text, hash): Approve approves that step through the {@link RunbookDesk} like
 * any run, Deny denies the action with a reason. Healing and run events for the incident only mark it dirty; it reads
 * again once per pulse.
 */
public final class IncidentHealingViewModel implements AutoCloseable {

    /**
     * The step a healing run waits at, as shown to the person who approves it.
     *
     * @param index 1-based position in the run
     * @param hash  the hash of {@code rendered}: an approval is for exactly this text
     */
    public record PendingStep(long executionId, String stepId, String title, String rendered, String hash, int index,
            int total, String environment) {
    }

    /**
     * One decision as the panel shows it.
     *
     * @param action  the action it led to, if it acted (or waits for approval)
     * @param record  the chosen playbook's past record on this fault kind
     * @param pending the step its run waits at for approval, if it waits
     */
    public record DecisionRow(HealingDecision decision, Optional<HealingAction> action, HealingLearning.Record record,
            Optional<PendingStep> pending, boolean undoable) {

        /** Shadow mode: every gate passed and nothing ran. */
        public boolean shadow() {
            return decision.verdict() == Verdict.SHADOW;
        }

        public boolean awaitingApproval() {
            return action.map(a -> a.state() == HealingState.AWAITING_APPROVAL).orElse(false);
        }
    }

    private final HealingDesk desk;
    private final RunbookDesk runbooks;
    private final long incidentId;
    private final Supplier<String> operator;
    private final FxCoalescer coalescer = new FxCoalescer(this::refresh);
    private final List<Subscription> subscriptions = new ArrayList<>();
    private RunbookNavigation navigation = RunbookNavigation.NONE;
    /** Whether the newest decision is shown (until the person picks an older one). */
    private boolean followNewest = true;

    private final ObservableList<DecisionRow> decisions = FXCollections.observableArrayList();
    private final ObjectProperty<DecisionRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "Healing");
    private final ReadOnlyStringWrapper modeText = new ReadOnlyStringWrapper(this, "modeText", "");
    private final EngineCommand command;

    /**
     * @param operator who approves or denies: the person at the console
     * @param tasks    where approvals and denials go to the engine: off the FX thread in the console
     */
    public IncidentHealingViewModel(ConsoleSession session, long incidentId, Supplier<String> operator, TaskExecutor tasks) {
        this.desk = session.healing();
        this.runbooks = session.runbooks();
        this.incidentId = incidentId;
        this.operator = Objects.requireNonNull(operator, "operator");
        this.command = new EngineCommand(tasks, this::refresh);
        Optional<Long> mine = Optional.of(incidentId);
        subscriptions.add(session.telemetry().events().subscribe(HealingDecided.class, e -> {
            if (e.decision().incidentId().equals(mine)) {
                coalescer.markDirty();
            }
        }));
        subscriptions.add(session.telemetry().events().subscribe(HealingChanged.class, e -> {
            if (e.action().decision().incidentId().equals(mine)) {
                coalescer.markDirty();
            }
        }));
        subscriptions.add(session.telemetry().events().subscribe(ExecutionChanged.class, e -> {
            if (e.execution().incidentId().equals(mine)) {
                coalescer.markDirty();
            }
        }));
        selected.addListener((obs, old, now) -> followNewest = now == null || decisions.isEmpty()
                || now.decision().id() == decisions.getFirst().decision().id());
        refresh();
    }

    // ---- Properties ----

    /** Decisions for the incident, newest first. */
    public ObservableList<DecisionRow> decisions() {
        return decisions;
    }

    /** The decision shown in detail: the newest, unless the person picked an older one. */
    public ObjectProperty<DecisionRow> selectedProperty() {
        return selected;
    }

    /** The tab's title: "Healing: ✔ succeeded", "Healing: would have done", "Healing: not acting". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** "Mode auto in simulator". */
    public ReadOnlyStringProperty modeTextProperty() {
        return modeText.getReadOnlyProperty();
    }

    /** Why the last approval or denial was refused; empty after one that worked. */
    public ReadOnlyStringProperty messageProperty() {
        return command.messageProperty();
    }

    /** Whether an approval or a denial is on its way to the engine. */
    public ReadOnlyBooleanProperty workingProperty() {
        return command.workingProperty();
    }

    // ---- Commands ----

    /** Whether approving {@code row}'s step needs the environment's name typed (a protected environment). */
    public boolean needsConfirmation(DecisionRow row) {
        return row != null && row.pending().map(p -> runbooks.isProtected(p.environment())).orElse(false);
    }

    /**
     * Approves the step the action's run waits at, exactly as shown (its hash goes with the approval).
     *
     * @param confirmation the environment's name when {@link #needsConfirmation} (else ignored)
     */
    public void approve(DecisionRow row, String confirmation) {
        Optional<PendingStep> step = row == null || !row.awaitingApproval() ? Optional.empty() : row.pending();
        if (step.isEmpty()) {
            command.refuse("Nothing of this decision waits for approval now.");
            return;
        }
        PendingStep pending = step.get();
        String person = operator.get();
        command.send("Approving step " + pending.stepId() + " of healing run " + pending.executionId(), () -> runbooks.approve(
                pending.executionId(), pending.stepId(), person, pending.hash(), confirmation == null ? "" : confirmation.strip()));
    }

    /** Denies the action waiting for approval: its run is aborted, nothing of it runs. */
    public void deny(DecisionRow row, String reason) {
        Optional<HealingAction> action = row == null || !row.awaitingApproval() ? Optional.empty() : row.action();
        sendWithReason(action, "Nothing of this decision waits for approval now.", "Denying", reason,
                (id, person, why) -> desk.deny(id, person, why));
    }

    /**
     * Undoes a verified action whose steps can be undone (a breaker it opened is closed): its rollbacks run, started by
     * the person, and the reason goes on the timeline.
     */
    public void undo(DecisionRow row, String reason) {
        Optional<HealingAction> action = row == null || !row.undoable() ? Optional.empty() : row.action();
        sendWithReason(action, "Only a verified healing action with steps to undo can be undone.", "Undoing", reason,
                (id, person, why) -> desk.undo(id, person, why));
    }

    private interface ActionCommand {
        HealingAction apply(long actionId, String person, String reason);
    }

    /** Refuses without an action or a reason (it goes on the timeline); else sends it in the operator's name. */
    private void sendWithReason(Optional<HealingAction> action, String nothing, String doing, String reason,
            ActionCommand call) {
        if (action.isEmpty()) {
            command.refuse(nothing);
            return;
        }
        if (reason == null || reason.isBlank()) {
            command.refuse(doing + " a healing action needs a reason: it goes on the timeline.");
            return;
        }
        String person = operator.get();
        long id = action.get().id();
        command.send(doing + " healing action " + id, () -> call.apply(id, person, reason.strip()));
    }

    private boolean hasRollback(String playbookId) {
        return desk.playbooks().stream().filter(p -> p.id().equals(playbookId))
                .anyMatch(p -> p.runbook().steps().stream().anyMatch(step -> step.rollback().isPresent()));
    }

    /** Opens the action's run in the runbooks screen's step-through. */
    public void openRun(DecisionRow row) {
        if (row != null) {
            row.action().flatMap(HealingAction::executionId).ifPresent(navigation::openRun);
        }
    }

    /** Where a healing run opens: the runbooks screen. */
    public void setRunbookNavigation(RunbookNavigation next) {
        this.navigation = Objects.requireNonNull(next, "navigation");
    }


    // ---- Following the engine ----

    public void start() {
        coalescer.start();
    }

    /** Reads the incident's decisions and actions again. */
    public void refresh() {
        List<HealingDecision> read = new ArrayList<>(desk.decisions(incidentId));
        read.sort(Comparator.comparing(HealingDecision::at).thenComparing(HealingDecision::id).reversed());
        Map<Long, HealingAction> byDecision = new HashMap<>();
        for (HealingAction action : desk.actions(incidentId)) {
            byDecision.put(action.decision().id(), action);
        }
        List<DecisionRow> rows = new ArrayList<>();
        for (HealingDecision decision : read) {
            Optional<HealingAction> action = Optional.ofNullable(byDecision.get(decision.id()));
            HealingLearning.Record record = decision.playbookId().map(id -> desk.record(id, decision.faultKind()))
                    .orElse(new HealingLearning.Record(0, 0));
            Optional<PendingStep> pending = action.filter(a -> a.state() == HealingState.AWAITING_APPROVAL)
                    .flatMap(HealingAction::executionId).flatMap(runbooks::execution).flatMap(IncidentHealingViewModel::pending);
            boolean undoable = action.filter(a -> a.state() == HealingState.SUCCEEDED && !a.undone())
                    .map(a -> hasRollback(a.playbookId())).orElse(false);
            rows.add(new DecisionRow(decision, action, record, pending, undoable));
        }
        modeText.set("Mode " + desk.mode().label() + " in " + desk.environment());
        headline.set(rows.isEmpty() ? "Healing" : "Healing: " + headline(rows.getFirst()));
        if (rows.equals(decisions)) {
            return;
        }
        long shown = selected.get() == null ? -1 : selected.get().decision().id();
        boolean newest = followNewest;
        decisions.setAll(rows);
        DecisionRow next = rows.isEmpty() ? null : newest ? rows.getFirst()
                : rows.stream().filter(r -> r.decision().id() == shown).findFirst().orElse(rows.getFirst());
        selected.set(next);
        followNewest = newest || next == null || next == rows.getFirst();
    }

    private static String headline(DecisionRow row) {
        if (row.shadow()) {
            return HealingTexts.WOULD_HAVE_DONE;
        }
        return row.action().map(a -> HealingTexts.label(a.state())).orElse(HealingTexts.verdict(row.decision().verdict()));
    }

    /** The step a run waits at for a person's approval, if it waits. */
    static Optional<PendingStep> pending(Execution run) {
        Optional<StepRun> step = run.currentStep().filter(s -> s.state() == StepState.WAITING_FOR_APPROVAL);
        return step.map(s -> new PendingStep(run.id(), s.stepId(), run.runbook().steps().get(run.current()).title(),
                s.rendered(), s.hash(), run.current() + 1, run.steps().size(), run.environment()));
    }

    public String operator() {
        return operator.get();
    }

    @Override
    public void close() {
        coalescer.close();
        subscriptions.forEach(Subscription::close);
    }
}
