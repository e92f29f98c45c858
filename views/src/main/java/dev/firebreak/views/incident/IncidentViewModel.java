package dev.firebreak.views.incident;

import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentChanged;
import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.DiagnosisUpdated;
import dev.firebreak.engine.rca.Feedback;
import dev.firebreak.engine.rca.SimilarIncident;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.Role;
import dev.firebreak.engine.incident.StatusTemplate;
import dev.firebreak.engine.incident.TimelineChain;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.incident.TimelineVerification;
import dev.firebreak.engine.lifecycle.IllegalTransitionException;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.views.runbook.RunbookEditorViewModel;
import dev.firebreak.views.runbook.RunbookNavigation;
import dev.firebreak.views.runbook.StartRunViewModel;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.IncidentDesk;
import dev.firebreak.views.task.BackgroundTask;
import dev.firebreak.views.task.CurrentThreadTaskExecutor;
import dev.firebreak.views.task.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * One incident as the commander runs it: its header (severity, state, roles, acknowledgement), the moves its
 * lifecycle allows now (and only those), its affected components with their health, its timeline (filtered by kind,
 * with the verification of its hash chain), the next status update owed and the commands a person gives. Every
 * command names the operator; a refused one leaves the incident as it was and says why in {@link #messageProperty()}.
 */
public final class IncidentViewModel implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One affected component and its health now. */
    public record AffectedComponent(String id, HealthState state) {
    }

    private final ConsoleSession session;
    private final IncidentDesk desk;
    private final long id;
    private final Supplier<String> operator;
    private final Consumer<String> openComponent;
    private final FxCoalescer coalescer = new FxCoalescer(this::refresh);
    /** Where the timeline is read and its chain checked: off the FX thread in the console. */
    private final TaskExecutor reads;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final IncidentHealingViewModel healing;

    private final ReadOnlyObjectWrapper<Incident> incident = new ReadOnlyObjectWrapper<>(this, "incident");
    private final ObservableList<IncidentState> moves = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ObservableSet<TimelineKind> kinds = FXCollections.observableSet(EnumSet.allOf(TimelineKind.class));
    private final ObservableList<AffectedComponent> components = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> notifications = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verification = new ReadOnlyStringWrapper(this, "verification", "");
    private final ReadOnlyBooleanWrapper intact = new ReadOnlyBooleanWrapper(this, "intact", true);
    private final ReadOnlyStringWrapper statusDue = new ReadOnlyStringWrapper(this, "statusDue", "");
    private final ReadOnlyBooleanWrapper statusOverdue = new ReadOnlyBooleanWrapper(this, "statusOverdue");
    private final ReadOnlyStringWrapper rolesText = new ReadOnlyStringWrapper(this, "rolesText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** Counts refreshes, so the incident's map can recolour components that are not part of it. */
    private final javafx.beans.property.ReadOnlyLongWrapper revision = new javafx.beans.property.ReadOnlyLongWrapper(this, "revision");
    /** The call path to draw on the incident's map (symptom first), e.g. the chosen cause's; empty for none. */
    private final ObservableList<String> highlightedPath = FXCollections.observableArrayList();
    private final ObservableList<CauseRow> causes = FXCollections.observableArrayList();
    private final ObservableList<SimilarIncident> similar = FXCollections.observableArrayList();
    private final javafx.beans.property.ObjectProperty<CauseRow> selectedCause =
            new javafx.beans.property.SimpleObjectProperty<>(this, "selectedCause");
    private final ReadOnlyStringWrapper diagnosisSummary = new ReadOnlyStringWrapper(this, "diagnosisSummary",
            "Not analysed yet: root-cause analysis runs when the incident opens and as it grows.");
    private Diagnosis shownDiagnosis;
    /**
     * Whether the verdicts must be read again: only when the diagnosis changed or a person gave a verdict here. The
     * console keeps verdicts in H2, and reading them on every pulse was a query on the FX thread each pulse.
     */
    private boolean verdictsChanged = true;
    private java.util.function.BiConsumer<String, Optional<Instant>> openComponentAt;
    private RunbookNavigation runbookNavigation = RunbookNavigation.NONE;
    private final ObservableList<RunbookLibrary.Match> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper resolved = new ReadOnlyBooleanWrapper(this, "resolved");
    /** Bumped per suggestion read, so an older diagnosis's suggestions never replace a newer one's. */
    private long suggestionsAsked;

    /**
     * One candidate cause as the probable-cause panel shows it.
     *
     * @param rank    1 for the likeliest
     * @param verdict what a person said of it on this incident: confirmed (true), rejected (false), or nothing yet
     */
    public record CauseRow(int rank, Cause cause, Optional<Boolean> verdict) {
    }
    private long shownHead = -1;
    /** The newest entry read and checked, from which the next read continues; null to read it all again. */
    private TimelineChain.Head readHead;
    private int appendsSinceFullCheck;
    /** A timeline read is under way; the next starts after it is applied. */
    private boolean reading;
    /** Bumped when the shown timeline must be read again from its start (the kinds shown changed). */
    private long generation;
    private boolean closed;

    /**
     * What one background read found: the entries after the last one read, checked as the chain's continuation, or
     * (when {@code whole}) the whole timeline with its verification.
     */
    private record TimelineRead(long generation, boolean whole, List<TimelineEntry> entries, TimelineVerification verification) {
    }
    /** Growths of the timeline taken incrementally between two full reads and checks of it. */
    static final int FULL_CHECK_EVERY = 20;

    /** Causes shown in the panel: the likeliest few; the rest rank below anything a person would check first. */
    static final int SHOWN_CAUSES = 5;

    /** Reads the timeline on the calling thread: tests, and screens without a task executor. */
    public IncidentViewModel(ConsoleSession session, long id, Supplier<String> operator, Consumer<String> openComponent) {
        this(session, id, operator, openComponent, new CurrentThreadTaskExecutor());
    }

    /**
     * @param reads where the timeline is read from the store and its hash chain checked; in the console an executor
     *              off the FX thread, which then only applies the entries read
     */
    public IncidentViewModel(ConsoleSession session, long id, Supplier<String> operator, Consumer<String> openComponent,
            TaskExecutor reads) {
        this.session = Objects.requireNonNull(session, "session");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.desk = session.incidents();
        this.id = id;
        this.operator = Objects.requireNonNull(operator, "operator");
        this.openComponent = Objects.requireNonNull(openComponent, "openComponent");
        this.healing = new IncidentHealingViewModel(session, id, operator, reads);
        subscriptions.add(session.telemetry().events().subscribe(IncidentChanged.class, e -> {
            if (e.incident().id() == id) {
                coalescer.markDirty();
            }
        }));
        subscriptions.add(session.telemetry().events().subscribe(ComponentHealthChanged.class, e -> coalescer.markDirty()));
        subscriptions.add(session.telemetry().events().subscribe(DiagnosisUpdated.class, e -> {
            if (e.incidentId() == id) {
                coalescer.markDirty();
            }
        }));
        selectedCause.addListener((obs, old, now) -> highlightedPath.setAll(now == null ? List.of() : now.cause().path()));
        subscriptions.add(session.telemetry().events().subscribe(MetricsTicked.class, e -> coalescer.markDirty()));
        kinds.addListener((javafx.collections.SetChangeListener<TimelineKind>) change -> {
            shownHead = -1;
            readHead = null;
            generation++;
            refresh();
        });
        refresh();
    }

    public long id() {
        return id;
    }

    /** What healing decided and did for this incident. */
    public IncidentHealingViewModel healing() {
        return healing;
    }

    // ---- Properties ----

    public ReadOnlyObjectProperty<Incident> incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    /** The lifecycle moves legal from the current state, in lifecycle order: the only transition buttons offered. */
    public ObservableList<IncidentState> moves() {
        return moves;
    }

    /** Timeline entries of the kinds in {@link #kinds()}, oldest first. */
    public ObservableList<TimelineEntry> timeline() {
        return timeline;
    }

    /** The timeline kinds shown; all by default. */
    public ObservableSet<TimelineKind> kinds() {
        return kinds;
    }

    public ObservableList<AffectedComponent> components() {
        return components;
    }

    /** Notifications sent for this incident and their outcome (the timeline's notification entries). */
    public ObservableList<TimelineEntry> notifications() {
        return notifications;
    }

    /** "Timeline intact (12 entries)" or what was tampered with. */
    public ReadOnlyStringProperty verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty intactProperty() {
        return intact.getReadOnlyProperty();
    }

    /** "Status update due in 12 min (P1: every 30 min)", "overdue by 3 min", or empty when none is owed. */
    public ReadOnlyStringProperty statusDueProperty() {
        return statusDue.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusOverdueProperty() {
        return statusOverdue.getReadOnlyProperty();
    }

    /** "Commander alice · Tech lead bob · Acknowledged by alice at 10:03:12". */
    public ReadOnlyStringProperty rolesTextProperty() {
        return rolesText.getReadOnlyProperty();
    }

    /** Why the last command was refused; empty after one that worked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String operator() {
        return operator.get();
    }

    // ---- Commands ----

    public boolean acknowledge() {
        return run(() -> desk.acknowledge(id, operator.get()));
    }

    /** The operator becomes incident commander (a hand-over if someone else was). */
    public boolean takeCommand() {
        return run(() -> desk.assign(id, Role.COMMANDER, operator.get(), operator.get()));
    }

    /** Gives a role to someone else, e.g. handing the commander role over. */
    public boolean assign(Role role, String person) {
        if (role == null) {
            message.set("Choose the role.");
            return false;
        }
        if (person == null || person.isBlank()) {
            message.set("Name the person who takes the role " + role.title().toLowerCase(java.util.Locale.ROOT) + ".");
            return false;
        }
        return run(() -> desk.assign(id, role, person.strip(), operator.get()));
    }

    public boolean moveTo(IncidentState target, String reason) {
        return run(() -> desk.transition(id, target, operator.get(), reason));
    }

    public boolean overrideSeverity(IncidentSeverity severity, String reason) {
        if (severity == null) {
            message.set("Choose a severity.");
            return false;
        }
        if (reason == null || reason.isBlank()) {
            message.set("Say why the severity should be " + severity.name() + ": the reason goes on the timeline.");
            return false;
        }
        return run(() -> desk.overrideSeverity(id, severity, operator.get(), reason));
    }

    public boolean addNote(String text) {
        if (text == null || text.isBlank()) {
            message.set("A note needs some text.");
            return false;
        }
        return run(() -> desk.addNote(id, operator.get(), text));
    }

    /**
     * Impact the console cannot see, as a person counted it: customer reports and whether a VIP is affected (the
     * customer-impact trigger), and a failed data consistency check (the data-integrity trigger).
     */
    public boolean reportImpact(int customerReports, boolean vipAffected, String failedCheck) {
        boolean customers = customerReports > 0 || vipAffected;
        boolean data = failedCheck != null && !failedCheck.isBlank();
        if (customerReports < 0) {
            message.set("Customer reports cannot be fewer than 0, was " + customerReports + ".");
            return false;
        }
        if (!customers && !data) {
            message.set("Nothing to report: enter customer reports, tick VIP affected, or name the failed data check.");
            return false;
        }
        return run(() -> {
            if (customers) {
                desk.reportCustomerImpact(id, customerReports, vipAffected, operator.get());
            }
            if (data) {
                desk.reportDataIntegrityRisk(id, failedCheck.strip(), operator.get());
            }
        });
    }

    /** Which stakeholder message is owed now. */
    public StatusTemplate dueTemplate() {
        return StatusTemplate.dueFor(incident.get());
    }

    /** The owed message, filled in from the incident and its timeline, for the operator to edit before sending. */
    public String draftStatusUpdate(StatusTemplate template) {
        Incident now = incident.get();
        Instant at = session.telemetry().clock().instant();
        Optional<Instant> next = now.severity().updateEvery().map(at::plus);
        return template.render(now, desk.timeline(id), at, next);
    }

    public boolean sendStatusUpdate(String text) {
        if (text == null || text.isBlank()) {
            message.set("The status update is empty.");
            return false;
        }
        return run(() -> desk.sendStatusUpdate(id, operator.get(), text));
    }

    /** Opens an affected component's detail. */
    public void openComponent(String componentId) {
        openComponent.accept(componentId);
    }

    private boolean run(Runnable command) {
        try {
            command.run();
            message.set("");
            refresh();
            return true;
        } catch (IllegalTransitionException | IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    public void start() {
        coalescer.start();
        healing.start();
    }

    /** Reads the incident again; the timeline is re-read only when it grew. */
    public void refresh() {
        Optional<Incident> read = desk.incident(id);
        if (read.isEmpty()) {
            return;
        }
        Incident now = read.get();
        incident.set(now);
        List<IncidentState> legal = new ArrayList<>(IncidentState.movesFor(now.state()));
        if (!legal.equals(moves)) {
            moves.setAll(legal);
        }
        if (now.timelineHead().seq() != shownHead && !reading) {
            shownHead = now.timelineHead().seq();
            readTimeline();
        }
        List<AffectedComponent> affected = now.components().stream().map(c -> new AffectedComponent(c, health(c))).toList();
        if (!affected.equals(components)) {
            components.setAll(affected);
        }
        rolesText.set(roles(now));
        resolved.set(now.state() == IncidentState.RESOLVED || now.state() == IncidentState.CLOSED);
        refreshDiagnosis();
        revision.set(revision.get() + 1);
        Instant clock = session.telemetry().clock().instant();
        Optional<Instant> due = desk.statusUpdateDue(id);
        if (due.isEmpty()) {
            statusDue.set(now.state().isOpen() ? "No status updates owed at " + now.severity().name() : "");
            statusOverdue.set(false);
        } else {
            Duration left = Duration.between(clock, due.get());
            String cadence = now.severity().updateEvery().map(d -> "every " + d.toMinutes() + " min").orElse("by end of day");
            statusOverdue.set(left.isNegative());
            statusDue.set(left.isNegative()
                    ? StatusTemplate.dueFor(now).name().charAt(0) + StatusTemplate.dueFor(now).name().substring(1).toLowerCase(java.util.Locale.ROOT)
                            + " update overdue by " + IncidentsViewModel.age(due.get(), clock) + " (" + now.severity().name() + ": " + cadence + ")"
                    : "Status update due in " + IncidentsViewModel.age(clock, due.get()) + " (" + now.severity().name() + ": " + cadence + ")");
        }
    }

    /** The ranked causes of the latest diagnosis, best first. */
    public ObservableList<CauseRow> causes() {
        return causes;
    }

    /** Past incidents that moved the same metrics, most alike first, with their cause and resolution. */
    public ObservableList<SimilarIncident> similar() {
        return similar;
    }

    /** The cause the panel shows the evidence of; its call path is drawn on the incident's map. */
    public javafx.beans.property.ObjectProperty<CauseRow> selectedCauseProperty() {
        return selectedCause;
    }

    /** One line on the diagnosis: what it explained, what it could not use. */
    public ReadOnlyStringProperty diagnosisSummaryProperty() {
        return diagnosisSummary.getReadOnlyProperty();
    }

    /** Where opening a cause goes: its component's detail with the moment its metrics moved marked. */
    public void setOpenComponentAt(java.util.function.BiConsumer<String, Optional<Instant>> opener) {
        this.openComponentAt = opener;
    }

    /** The person confirms the cause: stored, on the timeline, and similar incidents learn from it. */
    public boolean confirmCause(CauseRow row) {
        return row != null && run(() -> {
            session.rootCauses().confirm(id, row.cause().component(), operator.get());
            verdictsChanged = true;
        });
    }

    public boolean rejectCause(CauseRow row) {
        return row != null && run(() -> {
            session.rootCauses().reject(id, row.cause().component(), operator.get());
            verdictsChanged = true;
        });
    }

    /** Opens the cause's component, at the moment its metrics moved when the diagnosis knows it. */
    public void openCause(CauseRow row) {
        if (row == null) {
            return;
        }
        if (openComponentAt != null) {
            openComponentAt.accept(row.cause().component(), row.cause().onset());
        } else {
            openComponent.accept(row.cause().component());
        }
    }

    private void refreshDiagnosis() {
        Optional<Diagnosis> read = session.rootCauses().diagnosis(id);
        if (read.isEmpty() || (read.get() == shownDiagnosis && !verdictsChanged)) {
            return;
        }
        Diagnosis diagnosis = read.get();
        shownDiagnosis = diagnosis;
        List<Feedback> verdicts = session.rootCauses().verdicts();
        verdictsChanged = false;
        java.util.Map<String, Boolean> said = new java.util.HashMap<>();
        verdicts.stream().filter(v -> v.incidentId() == id).forEach(v -> said.put(v.component(), v.confirmed()));
        String selected = selectedCause.get() == null ? null : selectedCause.get().cause().component();
        List<CauseRow> rows = new ArrayList<>();
        for (int i = 0; i < diagnosis.causes().size() && i < SHOWN_CAUSES; i++) {
            Cause cause = diagnosis.causes().get(i);
            rows.add(new CauseRow(i + 1, cause, Optional.ofNullable(said.get(cause.component()))));
        }
        causes.setAll(rows);
        similar.setAll(diagnosis.similar());
        readSuggestions();
        selectedCause.set(rows.stream().filter(r -> r.cause().component().equals(selected)).findFirst()
                .orElse(rows.isEmpty() ? null : rows.getFirst()));
        String metric = diagnosis.symptom().metric().toLowerCase(java.util.Locale.ROOT);
        diagnosisSummary.set("Explains " + diagnosis.symptom().node() + (metric.isBlank() ? "" : " " + metric)
                + (diagnosis.notes().isEmpty() ? "" : "; " + String.join("; ", diagnosis.notes())));
    }

    // ---- Runbooks ----

    /** Runbooks that fit the diagnosed cause (its fault kind, its component's kind), best first, with why. */
    public ObservableList<RunbookLibrary.Match> suggestedRunbooks() {
        return suggestions;
    }

    /** Whether the incident is resolved (or closed): what was done can be drafted into a runbook. */
    public ReadOnlyBooleanProperty resolvedProperty() {
        return resolved.getReadOnlyProperty();
    }

    /** Where a run started here opens, and who hears of a runbook saved from a draft. */
    public void setRunbookNavigation(RunbookNavigation navigation) {
        this.runbookNavigation = Objects.requireNonNull(navigation, "navigation");
        healing.setRunbookNavigation(navigation);
    }

    /**
     * The start dialog's model for a suggested runbook, filled in for this incident: parameters of type component
     * take the diagnosed component, and the run is labelled with the component and the fault kind the runbook answers
     * (learning counts that kind as resolved when the run succeeds).
     */
    public StartRunViewModel startRunbook(RunbookLibrary.Match match) {
        Optional<String> component = causes.isEmpty() ? Optional.empty() : Optional.of(causes.getFirst().cause().component());
        java.util.Map<String, String> labels = new java.util.TreeMap<>();
        component.ifPresent(c -> labels.put("component", c));
        labels.put("incident", Incident.key(id));
        match.reasons().stream().filter(r -> r.startsWith("answers ")).map(r -> r.substring("answers ".length())).findFirst()
                .ifPresent(kind -> labels.put(RunbookLearning.FAULT_KIND_LABEL, kind));
        return new StartRunViewModel(session.runbooks(), match.runbook(), ExecutionMode.APPROVAL_ONLY, operator, reads,
                runbookNavigation).forIncident(id, component, labels);
    }

    /** The YAML editor on a draft runbook written from what was run during this incident. */
    public RunbookEditorViewModel draftRunbook() {
        return new RunbookEditorViewModel(session.runbooks(), reads, runbookNavigation, "Draft from " + Incident.key(id), "")
                .loadFrom(() -> session.runbooks().draftFrom(id), "the draft from " + Incident.key(id));
    }

    private void readSuggestions() {
        long asked = ++suggestionsAsked;
        BackgroundTask.wrap(() -> session.runbooks().suggestionsFor(id))
                .withTitle("Finding runbooks for " + Incident.key(id))
                .quietly()
                .onSuccess(found -> {
                    if (asked == suggestionsAsked && !closed && !found.equals(suggestions)) {
                        suggestions.setAll(found);
                    }
                })
                .executeWith(reads);
    }

    /** Refreshes so far: the map's cue to read the health of the components around the incident again. */
    public javafx.beans.property.ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ObservableList<String> highlightedPath() {
        return highlightedPath;
    }

    public dev.firebreak.engine.topology.Topology topology() {
        return session.telemetry().topology();
    }

    /** A component's health as the console shows it (any component, not only the incident's). */
    public HealthState stateOf(String componentId) {
        return health(componentId);
    }

    /**
     * Reads the timeline in the background and applies what was read on the FX thread. Only the entries stored since
     * the last read are read, and checked as the continuation of the chain already checked: under a burst of alerts
     * the timeline grows every few pulses, and reading and hashing all of it again each time cost the console its
     * frame rate. Every {@link #FULL_CHECK_EVERY}th time (and when the new entries do not continue the chain) the
     * whole timeline is read and checked again, so an edit of an older entry is still found. The read, the SQL and
     * the hashing run on {@link #reads}; the FX thread only appends the ready entries. One read at a time: growth
     * during a read is picked up by the next one.
     */
    private void readTimeline() {
        TimelineChain.Head from = appendsSinceFullCheck >= FULL_CHECK_EVERY ? null : readHead;
        long asked = generation;
        reading = true;
        BackgroundTask.wrap(() -> read(from, asked))
                .withTitle("Reading the timeline of " + Incident.key(id))
                .quietly()
                .onSuccess(this::apply)
                .onFailure(e -> {
                    shownHead = -1;
                    verification.set("Timeline not read: " + e.getMessage());
                })
                .onFinished(() -> {
                    reading = false;
                    Incident shown = incident.get();
                    if (!closed && (shown == null || shown.timelineHead().seq() != shownHead)) {
                        coalescer.markDirty();
                    }
                })
                .executeWith(reads);
    }

    /** Off the FX thread: the new entries checked as the chain's continuation, or the whole timeline checked. */
    private TimelineRead read(TimelineChain.Head from, long asked) {
        if (from != null) {
            List<TimelineEntry> fresh = desk.timelineAfter(id, from.seq());
            TimelineVerification verified = TimelineChain.verifyAfter(id, from, fresh, Optional.empty());
            if (verified.intact()) {
                return new TimelineRead(asked, false, fresh, verified);
            }
        }
        List<TimelineEntry> all = desk.timeline(id);
        return new TimelineRead(asked, true, all, desk.verify(id));
    }

    /** On the FX thread: shows what a read found, unless the kinds shown changed while it ran (then it reads again). */
    private void apply(TimelineRead read) {
        if (closed || read.generation() != generation) {
            shownHead = -1;
            return;
        }
        List<TimelineEntry> entries = read.entries();
        List<TimelineEntry> shown = entries.stream().filter(e -> kinds.contains(e.kind())).toList();
        List<TimelineEntry> sent = entries.stream().filter(e -> e.kind() == TimelineKind.NOTIFICATION).toList();
        TimelineVerification verified = read.verification();
        if (read.whole()) {
            timeline.setAll(shown);
            notifications.setAll(sent);
            readHead = verified.intact() && !entries.isEmpty()
                    ? new TimelineChain.Head(entries.getLast().seq(), entries.getLast().hash()) : null;
            appendsSinceFullCheck = 0;
        } else {
            if (!shown.isEmpty()) {
                timeline.addAll(shown);
            }
            if (!sent.isEmpty()) {
                notifications.addAll(sent);
            }
            if (!entries.isEmpty()) {
                readHead = new TimelineChain.Head(entries.getLast().seq(), entries.getLast().hash());
            }
            appendsSinceFullCheck++;
        }
        verification.set(verified.describe());
        intact.set(verified.intact());
    }

    private HealthState health(String componentId) {
        int index = session.telemetry().topology().indexOf(componentId);
        return index < 0 ? HealthState.HEALTHY : session.status().health(index);
    }

    private static String roles(Incident incident) {
        List<String> parts = new ArrayList<>();
        for (Role role : Role.values()) {
            String person = incident.roles().get(role);
            if (person != null) {
                parts.add(role.title() + " " + person);
            }
        }
        if (parts.isEmpty()) {
            parts.add("No commander yet");
        }
        parts.add(incident.acknowledgedBy().map(p -> "Acknowledged by " + p + " at "
                + TIME.format(incident.acknowledgedAt().orElseThrow())).orElse("Not acknowledged"));
        return String.join(" · ", parts);
    }

    /** "10:03:12". */
    public static String time(Instant at) {
        return TIME.format(at);
    }

    @Override
    public void close() {
        closed = true;
        coalescer.close();
        healing.close();
        subscriptions.forEach(Subscription::close);
    }
}
