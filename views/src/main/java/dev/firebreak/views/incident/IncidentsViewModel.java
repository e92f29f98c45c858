package dev.firebreak.views.incident;

import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentChanged;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.views.runbook.RunbookNavigation;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.IncidentDesk;
import dev.firebreak.views.task.CurrentThreadTaskExecutor;
import dev.firebreak.views.task.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The incidents screen: open and recent incidents, newest and worst first, filtered by state, severity and text,
 * and the one selected, shown by its own {@link IncidentViewModel}. Engine events only mark it dirty; the list is
 * read again once per pulse.
 */
public final class IncidentsViewModel implements AutoCloseable {

    private final ConsoleSession session;
    private final IncidentDesk desk;
    private final ReadOnlyStringProperty operator;
    private final Predicate<String> changeOperator;
    private final Consumer<String> openComponent;
    private final TaskExecutor reads;
    private final FxCoalescer coalescer = new FxCoalescer(this::refresh);
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** Incidents opened since the last pulse, for the desktop notification; filled on the engine's thread. */
    private final ConcurrentLinkedQueue<Incident> opened = new ConcurrentLinkedQueue<>();

    private final ObservableList<Incident> rows = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableSet<IncidentState> states = FXCollections.observableSet(EnumSet.allOf(IncidentState.class));
    private final ObservableSet<IncidentSeverity> severities = FXCollections.observableSet(EnumSet.allOf(IncidentSeverity.class));
    private final ObjectProperty<Long> selectedId = new SimpleObjectProperty<>(this, "selectedId");
    private final ReadOnlyObjectWrapper<IncidentViewModel> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<Incident> latestOpened = new ReadOnlyObjectWrapper<>(this, "latestOpened");
    private boolean started;

    /**
     * @param operator       who acts: the person at the console
     * @param changeOperator sets who the person at the console is; false when the name is refused
     * @param openComponent  called with a component id when the person opens an affected component
     */
    public IncidentsViewModel(ConsoleSession session, ReadOnlyStringProperty operator, Predicate<String> changeOperator,
            Consumer<String> openComponent) {
        this(session, operator, changeOperator, openComponent, new CurrentThreadTaskExecutor());
    }

    /**
     * @param reads where the open incident's timeline is read and checked; off the FX thread in the console (its
     *              reads do not show on the busy indicator)
     */
    public IncidentsViewModel(ConsoleSession session, ReadOnlyStringProperty operator, Predicate<String> changeOperator,
            Consumer<String> openComponent, TaskExecutor reads) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.session = Objects.requireNonNull(session, "session");
        this.desk = session.incidents();
        this.operator = Objects.requireNonNull(operator, "operator");
        this.changeOperator = Objects.requireNonNull(changeOperator, "changeOperator");
        this.openComponent = Objects.requireNonNull(openComponent, "openComponent");
        subscriptions.add(session.telemetry().events().subscribe(IncidentChanged.class, e -> {
            if (e.kind() == IncidentChanged.Kind.OPENED) {
                opened.add(e.incident());
            }
            coalescer.markDirty();
        }));
        subscriptions.add(session.telemetry().events().subscribe(MetricsTicked.class, e -> coalescer.markDirty()));
        search.addListener((obs, old, now) -> refresh());
        states.addListener((javafx.collections.SetChangeListener<IncidentState>) change -> refresh());
        severities.addListener((javafx.collections.SetChangeListener<IncidentSeverity>) change -> refresh());
        selectedId.addListener((obs, old, now) -> select(now));
        refresh();
    }

    // ---- Properties ----

    /** The incidents that pass the filters: open before resolved, then worst severity, then newest. */
    public ObservableList<Incident> rows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The states shown (all by default). */
    public ObservableSet<IncidentState> states() {
        return states;
    }

    public ObservableSet<IncidentSeverity> severities() {
        return severities;
    }

    public ObjectProperty<Long> selectedIdProperty() {
        return selectedId;
    }

    /** The selected incident's view-model, or null. */
    public ReadOnlyObjectProperty<IncidentViewModel> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** "2 open (1 unacknowledged), 5 resolved". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The incident opened most recently (set once per opening), for a desktop notification. */
    public ReadOnlyObjectProperty<Incident> latestOpenedProperty() {
        return latestOpened.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operatorProperty() {
        return operator;
    }

    /** Changes who acts at this console (remembered across restarts). */
    public boolean changeOperator(String name) {
        return changeOperator.test(name);
    }

    // ---- Commands ----

    /** Selects an incident by id, e.g. from the health map. */
    public void open(long id) {
        selectedId.set(id);
    }

    /** The open incident a component is part of, if any. */
    public Optional<Incident> openIncidentOf(String componentId) {
        return desk.incidents().stream().filter(i -> i.state().isOpen() && i.components().contains(componentId))
                .reduce((a, b) -> b);
    }

    public void start() {
        started = true;
        coalescer.start();
        if (selected.get() != null) {
            selected.get().start();
        }
    }

    /** Reads the incidents again and applies the filters. */
    public void refresh() {
        Incident newest;
        while ((newest = opened.poll()) != null) {
            latestOpened.set(newest);
        }
        List<Incident> all = desk.incidents();
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        List<Incident> shown = all.stream()
                .filter(i -> states.contains(i.state()) && severities.contains(i.severity()))
                .filter(i -> text.isEmpty() || haystack(i).contains(text))
                .sorted(ORDER).toList();
        if (!shown.equals(rows)) {
            update(rows, shown, (a, b) -> a.id() == b.id());
        }
        long open = all.stream().filter(i -> i.state().isOpen()).count();
        long unacknowledged = all.stream().filter(i -> i.state().isOpen() && !i.isAcknowledged()).count();
        summary.set(open + " open" + (unacknowledged > 0 ? " (" + unacknowledged + " unacknowledged)" : "") + ", "
                + (all.size() - open) + " resolved or closed" + (shown.size() < all.size() ? "; " + shown.size() + " shown" : ""));
        if (selected.get() != null) {
            selected.get().refresh();
        }
    }

    /**
     * Makes {@code rows} equal to {@code next}. When the same incidents are shown in the same order (the usual case
     * under a burst: only alert counts and severities change), only the rows that changed are replaced, so the table
     * updates those cells instead of taking a whole new list and laying out every row again.
     */
    static <T> void update(ObservableList<T> rows, List<T> next, java.util.function.BiPredicate<T, T> same) {
        boolean inPlace = rows.size() == next.size();
        for (int i = 0; inPlace && i < next.size(); i++) {
            inPlace = same.test(rows.get(i), next.get(i));
        }
        if (!inPlace) {
            rows.setAll(next);
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!rows.get(i).equals(next.get(i))) {
                rows.set(i, next.get(i));
            }
        }
    }

    static final Comparator<Incident> ORDER = Comparator.comparing((Incident i) -> !i.state().isOpen())
            .thenComparing(Incident::severity).thenComparing(Incident::openedAt, Comparator.reverseOrder());

    private static String haystack(Incident incident) {
        return (incident.key() + " " + incident.title() + " " + String.join(" ", incident.components()) + " "
                + incident.type() + " " + incident.commander().orElse("")).toLowerCase(Locale.ROOT);
    }

    /** Where an incident's probable cause opens: its component's detail at the moment it moved. */
    public void setOpenComponentAt(java.util.function.BiConsumer<String, java.util.Optional<java.time.Instant>> opener) {
        this.openComponentAt = opener;
        if (selected.get() != null) {
            selected.get().setOpenComponentAt(opener);
        }
    }

    private java.util.function.BiConsumer<String, java.util.Optional<java.time.Instant>> openComponentAt;
    private RunbookNavigation runbookNavigation = RunbookNavigation.NONE;

    /** Where a run started from an incident's suggestions opens, and who hears of a runbook drafted and saved. */
    public void setRunbookNavigation(RunbookNavigation navigation) {
        this.runbookNavigation = Objects.requireNonNull(navigation, "navigation");
        if (selected.get() != null) {
            selected.get().setRunbookNavigation(navigation);
        }
    }

    private void select(Long id) {
        IncidentViewModel old = selected.get();
        if (old != null && id != null && old.id() == id) {
            return;
        }
        IncidentViewModel next = id == null || desk.incident(id).isEmpty() ? null
                : new IncidentViewModel(session, id, operator::get, openComponent, reads);
        if (next != null && openComponentAt != null) {
            next.setOpenComponentAt(openComponentAt);
        }
        if (next != null) {
            next.setRunbookNavigation(runbookNavigation);
        }
        if (next != null && started) {
            next.start();
        }
        selected.set(next);
        if (old != null) {
            old.close();
        }
    }

    /** "12 min", "3 h 5 min": how long ago {@code since} was. */
    public static String age(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        if (d.isNegative()) {
            return "0 min";
        }
        long minutes = d.toMinutes();
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    public Instant now() {
        return session.telemetry().clock().instant();
    }

    @Override
    public void close() {
        coalescer.close();
        subscriptions.forEach(Subscription::close);
        if (selected.get() != null) {
            selected.get().close();
        }
    }
}
