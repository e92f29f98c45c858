package dev.firebreak.views.healing;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.heal.HaltChanged;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingChanged;
import dev.firebreak.engine.heal.HealingDecided;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingGates;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.heal.Playbook;
import dev.firebreak.engine.heal.PlaybookException;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.engine.heal.VerificationOutcome;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.views.session.HealingDesk;
import dev.firebreak.views.task.BackgroundTask;
import dev.firebreak.views.task.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The healing overview: the environment's mode (changed here, audited and kept by the app), the gates as they stand
 * now, the components cooling down, the recent actions (and what shadow mode would have done), each playbook's record
 * and the playbook files that did not load. Healing events mark it dirty and the lists are read again once per pulse;
 * the simulator's ticks only make it read the gates again (cooldowns and the hourly window move with time).
 */
public final class HealingViewModel implements AutoCloseable {

    /** Rows kept in the recent actions table. */
    static final int RECENT = 200;

    /**
     * One row of the recent actions: an action, or what shadow mode would have done (no state then).
     *
     * @param decisionId   the decision it came from
     * @param state        the action's state; empty for a shadow decision
     * @param verification what verification concluded, if it has
     * @param undone       a person undid it after it was verified (its rollbacks ran)
     */
    public record ActionRow(long decisionId, Instant at, Optional<Long> incidentId, String playbook, String component,
            Optional<HealingState> state, Optional<VerificationOutcome> verification, String note, boolean undone) {

        public boolean shadow() {
            return state.isEmpty();
        }

        /** "INC-0001", or "predicted" for a decision before any incident. */
        public String incident() {
            return incidentId.map(dev.firebreak.engine.incident.Incident::key).orElse("predicted");
        }

        /** "✔ succeeded", "✔ succeeded · undone", or "would have done" for shadow mode. */
        public String stateText() {
            return state.map(HealingTexts::label).map(label -> undone ? label + " · undone" : label)
                    .orElse("◌ " + HealingTexts.WOULD_HAVE_DONE);
        }
    }

    /**
     * One playbook and its record over every finished action (denied and halted ones do not count).
     *
     * @param triggers   the fault kinds it answers, joined
     * @param strategies what may set it off ("reactive, proactive"), in the order of {@link Strategy}
     * @param change     whether what it changes stays, and how it is undone (see {@link #change(Playbook)})
     */
    public record PlaybookRow(String id, String category, String triggers, String strategies, String mode, String change,
            int attempts, int successes) {

        public OptionalDouble successRate() {
            return attempts == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) successes / attempts);
        }

        /** "2 of 3 (67 %)", or "no record yet". */
        public String record() {
            return attempts == 0 ? "no record yet" : String.format(Locale.ROOT, "%d of %d (%.0f %%)", successes, attempts,
                    100.0 * successes / attempts);
        }
    }

    /** A component acted on recently, and until when no healing touches it again. */
    public record Cooldown(String component, Instant until, Duration left) {
        /** "catalog until 10:35:12 (4 min 10 s left)". */
        public String text() {
            long seconds = Math.max(0, left.toSeconds());
            return component + " until " + HealingTexts.time(until) + " UTC (" + (seconds >= 60 ? seconds / 60 + " min "
                    + seconds % 60 + " s" : seconds + " s") + " left)";
        }
    }

    private final HealingDesk desk;
    private final Clock clock;
    private final Supplier<String> operator;
    private final TaskExecutor tasks;
    private final FxCoalescer coalescer = new FxCoalescer(this::refresh);
    /** Healing itself changed (not only time): the lists are read again, not only the gates. */
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private final List<Subscription> subscriptions = new ArrayList<>();
    private Consumer<Long> openIncident = id -> { };

    private final ReadOnlyObjectWrapper<HealingMode> mode = new ReadOnlyObjectWrapper<>(this, "mode");
    private final ReadOnlyObjectWrapper<Set<Strategy>> strategies = new ReadOnlyObjectWrapper<>(this, "strategies");
    private final ReadOnlyObjectWrapper<HealingGates> gates = new ReadOnlyObjectWrapper<>(this, "gates");
    private final ObservableList<Cooldown> cooldowns = FXCollections.observableArrayList();
    private final ObservableList<ActionRow> actions = FXCollections.observableArrayList();
    private final ObservableList<PlaybookRow> playbooks = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");

    /**
     * @param events   the session's bus: decisions, actions, HALT and the simulator's ticks
     * @param clock    the engine's clock, for what is left of a cooldown
     * @param operator who changes the mode: the person at the console
     * @param tasks    where the mode is changed: off the FX thread in the console
     */
    public HealingViewModel(HealingDesk desk, EventBus events, Clock clock, Supplier<String> operator, TaskExecutor tasks) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        subscriptions.add(events.subscribe(HealingDecided.class, e -> changedNow()));
        subscriptions.add(events.subscribe(HealingChanged.class, e -> changedNow()));
        subscriptions.add(events.subscribe(HaltChanged.class, e -> changedNow()));
        subscriptions.add(events.subscribe(MetricsTicked.class, e -> coalescer.markDirty()));
        mode.set(desk.mode());
        strategies.set(Set.copyOf(desk.strategies()));
        refresh();
    }

    private void changedNow() {
        changed.set(true);
        coalescer.markDirty();
    }

    // ---- Properties ----

    /** The environment healing acts in, e.g. "simulator". */
    public String environment() {
        return desk.environment();
    }

    /** The environment's mode as the engine holds it. */
    public ReadOnlyObjectProperty<HealingMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The strategies switched on, as the engine holds them. */
    public ReadOnlyObjectProperty<Set<Strategy>> strategiesProperty() {
        return strategies.getReadOnlyProperty();
    }

    /** The gates that carry state, as they stand now. */
    public ReadOnlyObjectProperty<HealingGates> gatesProperty() {
        return gates.getReadOnlyProperty();
    }

    /** Components cooling down, soonest free first. */
    public ObservableList<Cooldown> cooldowns() {
        return cooldowns;
    }

    /** Actions and shadow decisions, newest first (at most {@value #RECENT}). */
    public ObservableList<ActionRow> actions() {
        return actions;
    }

    /** Every playbook, the most tried first, with its record. */
    public ObservableList<PlaybookRow> playbooks() {
        return playbooks;
    }

    /** Playbook files that did not load: "file:line field: problem". */
    public ObservableList<String> problems() {
        return problems;
    }

    /** "12 decisions, 3 actions (2 succeeded), 1 running". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the last mode change was refused; empty after one that worked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    // ---- Commands ----

    /** Changes the environment's mode in the operator's name. */
    public void setMode(HealingMode next) {
        if (next == null || next == mode.get()) {
            return;
        }
        String person = operator.get();
        working.set(true);
        BackgroundTask.wrap(() -> {
                    desk.setMode(next, person);
                    return desk.mode();
                })
                .withTitle("Setting healing to " + next.label())
                .onSuccess(now -> {
                    message.set("");
                    mode.set(now);
                })
                .onFailure(e -> {
                    message.set("Healing mode not changed: " + e.getMessage());
                    // the control shows the choice; put it back to what the engine holds
                    mode.set(null);
                    mode.set(desk.mode());
                })
                .onFinished(() -> working.set(false))
                .executeWith(tasks);
    }

    /** Switches strategies on and off in the operator's name. */
    public void setStrategies(Set<Strategy> next) {
        if (next == null || next.equals(strategies.get())) {
            return;
        }
        String person = operator.get();
        Set<Strategy> asked = Set.copyOf(next);
        working.set(true);
        BackgroundTask.wrap(() -> {
                    desk.setStrategies(asked, person);
                    return Set.copyOf(desk.strategies());
                })
                .withTitle("Setting healing strategies")
                .onSuccess(now -> {
                    message.set("");
                    strategies.set(now);
                })
                .onFailure(e -> {
                    message.set("Healing strategies not changed: " + e.getMessage());
                    strategies.set(null);
                    strategies.set(Set.copyOf(desk.strategies()));
                })
                .onFinished(() -> working.set(false))
                .executeWith(tasks);
    }

    /** Where opening an action's incident goes (the incidents screen). */
    public void setOnOpenIncident(Consumer<Long> opener) {
        this.openIncident = Objects.requireNonNull(opener, "opener");
    }

    public void openIncident(ActionRow row) {
        if (row != null) {
            row.incidentId().ifPresent(openIncident);
        }
    }

    // ---- Following the engine ----

    public void start() {
        coalescer.start();
    }

    /** Reads the gates again, and the lists too when healing changed since the last read. */
    public void refresh() {
        HealingGates now = desk.gates();
        if (!now.equals(gates.get())) {
            gates.set(now);
        }
        Instant at = clock.instant();
        List<Cooldown> cooling = now.coolingUntil().entrySet().stream().filter(e -> e.getValue().isAfter(at))
                .sorted(Map.Entry.comparingByValue())
                .map(e -> new Cooldown(e.getKey(), e.getValue(), Duration.between(at, e.getValue()))).toList();
        if (!cooling.equals(cooldowns)) {
            cooldowns.setAll(cooling);
        }
        if (!changed.getAndSet(false)) {
            return;
        }
        List<HealingDecision> decided = desk.decisions();
        List<HealingAction> acted = desk.actions();
        List<ActionRow> rows = rows(decided, acted);
        if (!rows.equals(actions)) {
            actions.setAll(rows);
        }
        List<PlaybookRow> records = records(desk.playbooks(), acted);
        if (!records.equals(playbooks)) {
            playbooks.setAll(records);
        }
        List<String> broken = desk.problems().stream().map(HealingViewModel::describe).toList();
        if (!broken.equals(problems)) {
            problems.setAll(broken);
        }
        long succeeded = acted.stream().filter(a -> a.state() == HealingState.SUCCEEDED).count();
        long running = acted.stream().filter(a -> !a.state().isFinal()).count();
        summary.set(decided.size() + " decision" + (decided.size() == 1 ? "" : "s") + ", " + acted.size() + " action"
                + (acted.size() == 1 ? "" : "s") + " (" + succeeded + " succeeded), " + running + " under way");
    }

    /** Actions and shadow decisions, newest first. */
    static List<ActionRow> rows(List<HealingDecision> decisions, List<HealingAction> actions) {
        List<ActionRow> rows = new ArrayList<>();
        for (HealingAction a : actions) {
            rows.add(new ActionRow(a.decision().id(), a.startedAt(), a.decision().incidentId(), a.playbookId(), a.component(),
                    Optional.of(a.state()), a.verification(), a.note(), a.undone()));
        }
        for (HealingDecision d : decisions) {
            if (d.verdict() == Verdict.SHADOW) {
                rows.add(new ActionRow(d.id(), d.at(), d.incidentId(), d.playbookId().orElse(""), d.component(),
                        Optional.empty(), Optional.empty(), "shadow mode: every gate passed, nothing was run", false));
            }
        }
        rows.sort(Comparator.comparing(ActionRow::at).thenComparing(ActionRow::decisionId).reversed());
        return rows.size() > RECENT ? List.copyOf(rows.subList(0, RECENT)) : rows;
    }

    /** Each playbook with its finished actions counted, the most tried first, then by id. */
    static List<PlaybookRow> records(List<Playbook> playbooks, List<HealingAction> actions) {
        List<PlaybookRow> rows = new ArrayList<>();
        for (Playbook p : playbooks) {
            int attempts = 0;
            int successes = 0;
            for (HealingAction a : actions) {
                if (a.playbookId().equals(p.id()) && a.state().isFinal() && a.state() != HealingState.DENIED
                        && a.state() != HealingState.HALTED) {
                    attempts++;
                    successes += a.state() == HealingState.SUCCEEDED ? 1 : 0;
                }
            }
            rows.add(new PlaybookRow(p.id(), p.category(),
                    p.triggers().stream().map(Playbook.Trigger::describe).collect(Collectors.joining("; ")),
                    strategies(p.strategies()),
                    p.mode().map(HealingMode::label).orElse("as env"), change(p), attempts, successes));
        }
        rows.sort(Comparator.comparingInt(PlaybookRow::attempts).reversed().thenComparing(PlaybookRow::id));
        return rows;
    }

    /**
     * What becomes of a playbook's change once verified: it passes (a restart), stays until a person undoes it from the
     * panel (an open breaker), or stays for good (a failover: nothing here fails a database back). One that stays is not
     * made again for the same incident.
     */
    static String change(Playbook playbook) {
        if (!playbook.lasting()) {
            return "one-off";
        }
        return playbook.undoable() ? "until undone" : "for good";
    }

    private static String describe(PlaybookException problem) {
        return problem.sourceName() + ":" + problem.line() + " " + problem.field() + ": " + problem.problem();
    }

    public String operator() {
        return operator.get();
    }

    @Override
    public void close() {
        coalescer.close();
        subscriptions.forEach(Subscription::close);
    }

    /** "reactive, proactive"; "all (...)" first when every strategy is listed, so a narrow column still says so. */
    static String strategies(Set<Strategy> listed) {
        String names = Strategy.labels(listed, ", ");
        return listed.size() == Strategy.values().length ? "all (" + names + ")" : names;
    }
}
