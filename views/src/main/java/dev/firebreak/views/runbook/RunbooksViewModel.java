package dev.firebreak.views.runbook;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionChanged;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.views.session.RunbookDesk;
import dev.firebreak.views.task.TaskExecutor;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The runbooks screen: the library, the runs (those still going first) and the run opened in the step-through. Runs
 * are kept from the engine's snapshots as they are published, so the list needs no reads while runs move; a run that
 * finished makes the library read its learning again.
 */
public final class RunbooksViewModel implements AutoCloseable, RunbookNavigation {

    /** Which half of the screen shows. */
    public enum Tab {
        LIBRARY, RUNS
    }

    /** Still going (and waiting for a person) before finished; then newest first. */
    static final Comparator<Execution> ORDER = Comparator.comparing((Execution e) -> e.state().isFinal())
            .thenComparing(Execution::id, Comparator.reverseOrder());

    private final RunbookDesk desk;
    private final EventBus events;
    private final ObservableStringValue operatorName;
    private final Supplier<String> operator;
    private final TaskExecutor tasks;
    private final RunbookLibraryViewModel library;
    private final FxCoalescer coalescer = new FxCoalescer(this::refresh);
    private final Subscription subscription;
    /** The newest snapshot of every run, written on the engine's threads. */
    private final Map<Long, Execution> known = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> finishedRunbooks = new ConcurrentLinkedQueue<>();

    private final ObservableList<Execution> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Long> selectedRunId = new SimpleObjectProperty<>(this, "selectedRunId");
    private final ReadOnlyObjectWrapper<ExecutionViewModel> openRun = new ReadOnlyObjectWrapper<>(this, "openRun");
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(this, "tab", Tab.LIBRARY);
    private final ReadOnlyStringWrapper runsSummary = new ReadOnlyStringWrapper(this, "runsSummary", "");
    private final ReadOnlyIntegerWrapper going = new ReadOnlyIntegerWrapper(this, "going");
    private boolean started;

    /**
     * @param events   the session's bus: runs' snapshots and output
     * @param operator who acts: the person at the console
     * @param tasks    where desk calls, saves and reads run: off the FX thread in the console
     */
    public RunbooksViewModel(RunbookDesk desk, EventBus events, ObservableStringValue operator, TaskExecutor tasks) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.events = Objects.requireNonNull(events, "events");
        this.operatorName = Objects.requireNonNull(operator, "operator");
        this.operator = operatorName::get;
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.library = new RunbookLibraryViewModel(desk, tasks);
        subscription = events.subscribe(ExecutionChanged.class, e -> {
            Execution before = known.put(e.execution().id(), e.execution());
            if (e.execution().state().isFinal() && (before == null || !before.state().isFinal())) {
                finishedRunbooks.add(e.execution().runbook().id());
            }
            coalescer.markDirty();
        });
        // after subscribing, so no run is missed; a snapshot published meanwhile is newer than the one read
        desk.executions().forEach(execution -> known.putIfAbsent(execution.id(), execution));
        selectedRunId.addListener((obs, old, now) -> open(now));
        refresh();
    }

    public RunbookLibraryViewModel library() {
        return library;
    }

    /** Runs still going first, then finished ones, newest first. */
    public ObservableList<Execution> runs() {
        return runs;
    }

    public ObjectProperty<Long> selectedRunIdProperty() {
        return selectedRunId;
    }

    /** The run shown in the step-through, or null. */
    public ReadOnlyObjectProperty<ExecutionViewModel> openRunProperty() {
        return openRun.getReadOnlyProperty();
    }

    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    /** How many runs have not finished. */
    public ReadOnlyIntegerProperty goingProperty() {
        return going.getReadOnlyProperty();
    }

    /** "2 going (1 waiting for a person), 5 finished". */
    public ReadOnlyStringProperty runsSummaryProperty() {
        return runsSummary.getReadOnlyProperty();
    }

    /** Who acts: the person at the console (approvals, skips and starts go in their name). */
    public ObservableStringValue operatorProperty() {
        return operatorName;
    }

    // ---- Commands ----

    /** The start dialog's model for {@code runbook}; a started run opens here. */
    public StartRunViewModel newStart(Runbook runbook, ExecutionMode mode) {
        return new StartRunViewModel(desk, runbook, mode, operator, tasks, this);
    }

    /** The YAML editor on a runbook's source. */
    public RunbookEditorViewModel newEditor(Runbook runbook) {
        return new RunbookEditorViewModel(desk, tasks, this, runbook.id(), runbook.source());
    }

    /** The YAML editor on a new runbook, started from a skeleton. */
    public RunbookEditorViewModel newRunbook() {
        return new RunbookEditorViewModel(desk, tasks, this, "New runbook", SKELETON);
    }

    @Override
    public void openRun(long executionId) {
        desk.execution(executionId).ifPresent(execution -> known.merge(execution.id(), execution, (mine, read) -> mine));
        refresh();
        tab.set(Tab.RUNS);
        selectedRunId.set(executionId);
    }

    @Override
    public void runbookSaved(Runbook runbook) {
        library.refresh();
        library.searchProperty().set("");
        library.tagProperty().set(RunbookLibraryViewModel.ANY_TAG);
        library.selectedIdProperty().set(runbook.id());
    }

    public void start() {
        started = true;
        coalescer.start();
        if (openRun.get() != null) {
            openRun.get().start();
        }
    }

    /** Applies the runs published since the last pulse, and the open run's. */
    public void refresh() {
        List<Execution> sorted = known.values().stream().sorted(ORDER).toList();
        if (!sorted.equals(runs)) {
            runs.setAll(sorted);
        }
        long unfinished = sorted.stream().filter(e -> !e.state().isFinal()).count();
        going.set((int) unfinished);
        long waiting = sorted.stream().filter(e -> e.state() == dev.firebreak.engine.runbook.ExecutionState.WAITING_FOR_APPROVAL
                || e.state() == dev.firebreak.engine.runbook.ExecutionState.PAUSED
                || e.state() == dev.firebreak.engine.runbook.ExecutionState.INTERRUPTED).count();
        runsSummary.set(unfinished + " going" + (waiting > 0 ? " (" + waiting + " waiting for a person)" : "") + ", "
                + (sorted.size() - unfinished) + " finished");
        String finished;
        while ((finished = finishedRunbooks.poll()) != null) {
            library.runFinished(finished);
        }
        if (openRun.get() != null) {
            openRun.get().refresh();
        }
    }

    private void open(Long id) {
        ExecutionViewModel old = openRun.get();
        if (old != null && id != null && old.id() == id) {
            return;
        }
        Execution first = id == null ? null : known.get(id);
        ExecutionViewModel next = first == null ? null : new ExecutionViewModel(desk, events, first, operator, tasks);
        if (next != null && started) {
            next.start();
        }
        openRun.set(next);
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void close() {
        coalescer.close();
        subscription.close();
        if (openRun.get() != null) {
            openRun.get().close();
        }
    }

    /** What "New runbook" starts from: every part a runbook has, to change or delete. */
    static final String SKELETON = """
            id: my-runbook
            title: What this runbook does
            description: When to run it and what it fixes.
            owner: your-team
            tags: [example]
            alerts: []
            faultKinds: []
            componentKinds: [service]
            parameters:
              - name: service
                type: component
                description: The component to act on
            steps:
              - id: restart
                title: Restart the service
                type: command
                simulator: {action: restart, target: "{{params.service}}"}
                approval: true
                expect: The service answers again within a minute
              - id: check
                title: Check the error rate
                type: manual
                instructions: Look at {{params.service}}'s error rate on its detail screen
            """;
}
