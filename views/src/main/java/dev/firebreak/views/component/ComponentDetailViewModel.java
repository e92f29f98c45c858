package dev.firebreak.views.component;

import dev.firebreak.engine.assess.AssessedHealthChanged;
import dev.firebreak.engine.assess.AssessedSeverityChanged;
import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.history.SeriesVerdict;
import dev.firebreak.engine.check.CheckTier;
import dev.firebreak.engine.check.ComponentChecks;
import dev.firebreak.engine.check.HealthCheckCompleted;
import dev.firebreak.engine.check.TierPolicy;
import dev.firebreak.engine.time.Durations;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultEnded;
import dev.firebreak.engine.fault.FaultStarted;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.FaultControl;
import dev.firebreak.views.session.Forecasts;
import dev.firebreak.views.session.HealthStatus;
import dev.firebreak.views.session.Telemetry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One component's detail: identity, live state and what it rests on (detection and the health checks, ADR 0025),
 * its health checks per tier with their last results, its metric series, neighbours, active faults and recent
 * changes. Engine events only mark it dirty; the newest state is read once per pulse.
 */
public final class ComponentDetailViewModel implements AutoCloseable {

    /** Charts show at most this much history (and at least {@link #MIN_WINDOW_SECONDS}, so early runs are readable). */
    public static final int MAX_WINDOW_SECONDS = 3600;
    public static final int MIN_WINDOW_SECONDS = 300;
    private static final int MAX_CHANGES_SHOWN = 20;

    private final Telemetry telemetry;
    private final HealthStatus status;
    private final FaultControl faultControl;
    private final Forecasts forecasts;
    private final int index;
    private final Component component;
    private final Map<MetricName, Integer> handles = new EnumMap<>(MetricName.class);
    private final Consumer<String> openComponent;
    private final Consumer<SeriesKey> openForecast;
    private final FxCoalescer coalescer;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<java.time.Instant> markedMoment =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "markedMoment");

    private final ReadOnlyObjectWrapper<HealthState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper(this, "version");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ObservableList<ActiveFault> faults = FXCollections.observableArrayList();
    private final ObservableList<ChangeEvent> changes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SeriesVerdict> selectedMark = new ReadOnlyObjectWrapper<>(this, "selectedMark");
    private final ReadOnlyObjectWrapper<MarkExplanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ReadOnlyStringWrapper healthBasis = new ReadOnlyStringWrapper(this, "healthBasis", "");
    private final ReadOnlyObjectWrapper<HealthState> checkedState = new ReadOnlyObjectWrapper<>(this, "checkedState");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ObservableList<CheckRow> checks = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasChecks = new ReadOnlyBooleanWrapper(this, "hasChecks");
    private final ObservableList<CheckRow> tierChecks = FXCollections.observableArrayList();
    private final ObjectProperty<CheckTier> selectedTier = new SimpleObjectProperty<>(this, "selectedTier", CheckTier.SHALLOW);
    private final Map<CheckTier, ReadOnlyStringWrapper> tierNames = new EnumMap<>(CheckTier.class);
    private final Map<CheckTier, ReadOnlyBooleanWrapper> tierFailing = new EnumMap<>(CheckTier.class);
    private final ReadOnlyStringWrapper tierSummary = new ReadOnlyStringWrapper(this, "tierSummary", "");

    /**
     * @param openComponent called with a component id when the user follows a dependency link
     * @throws IllegalArgumentException if the component is not in the session's topology
     */
    public ComponentDetailViewModel(ConsoleSession session, String componentId, Consumer<String> openComponent) {
        this(session, componentId, openComponent, key -> { });
    }

    /**
     * @param openComponent called with a component id when the user follows a dependency link
     * @param openForecast  called with a series when the user asks for its forecast
     * @throws IllegalArgumentException if the component is not in the session's topology
     */
    public ComponentDetailViewModel(ConsoleSession session, String componentId, Consumer<String> openComponent,
            Consumer<SeriesKey> openForecast) {
        Objects.requireNonNull(session, "session");
        this.telemetry = session.telemetry();
        this.status = session.status();
        this.faultControl = session.faultControl();
        this.forecasts = session.forecasts();
        this.openComponent = Objects.requireNonNull(openComponent, "openComponent");
        this.openForecast = Objects.requireNonNull(openForecast, "openForecast");
        Topology topology = telemetry.topology();
        this.index = topology.indexOf(componentId);
        if (index < 0) {
            throw new IllegalArgumentException("no component '" + componentId + "' in topology " + topology.name());
        }
        this.component = topology.component(index);
        for (MetricName metric : MetricName.values()) {
            int handle = telemetry.seriesHandle(index, metric);
            if (handle >= 0) {
                handles.put(metric, handle);
            }
        }
        status.detectionHistory().watch(componentId);
        for (CheckTier tier : CheckTier.values()) {
            tierNames.put(tier, new ReadOnlyStringWrapper(this, tier.name().toLowerCase(Locale.ROOT) + "Name", ""));
            tierFailing.put(tier, new ReadOnlyBooleanWrapper(this, tier.name().toLowerCase(Locale.ROOT) + "Failing"));
        }
        selectedTier.addListener((obs, old, now) -> showTier());
        this.coalescer = new FxCoalescer(this::refresh);
        subscriptions.add(telemetry.events().subscribe(MetricsTicked.class, e -> coalescer.markDirty()));
        subscriptions.add(telemetry.events().subscribe(ComponentHealthChanged.class, e -> coalescer.markDirty()));
        subscriptions.add(telemetry.events().subscribe(AssessedHealthChanged.class, e -> coalescer.markDirty()));
        subscriptions.add(telemetry.events().subscribe(AssessedSeverityChanged.class, e -> coalescer.markDirty()));
        // real checks finish on their own threads, between ticks too
        subscriptions.add(telemetry.events().subscribe(HealthCheckCompleted.class, e -> {
            if (e.componentId().equals(componentId)) {
                coalescer.markDirty();
            }
        }));
        subscriptions.add(telemetry.events().subscribe(FaultStarted.class, e -> coalescer.markDirty()));
        subscriptions.add(telemetry.events().subscribe(FaultEnded.class, e -> coalescer.markDirty()));
        subscriptions.add(telemetry.events().subscribe(ChangeEvent.class, e -> coalescer.markDirty()));
        refresh();
    }

    // ---- Properties ----

    public Component component() {
        return component;
    }

    public ReadOnlyObjectProperty<HealthState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The running version: the topology's, or the newest deployment's or rollback's. */
    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** Increases on every refresh; charts redraw on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ObservableList<ActiveFault> faults() {
        return FXCollections.unmodifiableObservableList(faults);
    }

    /** Newest first. */
    public ObservableList<ChangeEvent> changes() {
        return FXCollections.unmodifiableObservableList(changes);
    }

    /** The metrics this component reports, in catalogue order. */
    public List<MetricName> metrics() {
        return List.copyOf(handles.keySet());
    }

    public List<String> dependencies() {
        return ids(telemetry.topology().calleesOf(index));
    }

    public List<String> dependents() {
        return ids(telemetry.topology().callersOf(index));
    }

    private List<String> ids(int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> telemetry.topology().component(i).id()).sorted().toList();
    }

    /**
     * The samples a chart shows: the last {@code seconds} of the metric, ending now. Called on the FX
     * thread at redraw time, so it always reflects the newest sample.
     */
    public SeriesSnapshot window(MetricName metric, int seconds) {
        Integer handle = handles.get(metric);
        if (handle == null) {
            throw new IllegalArgumentException(component.id() + " does not report " + metric);
        }
        return telemetry.store().recent(handle, seconds);
    }

    /** How many seconds the charts span: the run so far, clamped to [5 min, 1 h]. */
    public int windowSeconds() {
        if (handles.isEmpty()) {
            return MIN_WINDOW_SECONDS;
        }
        // recent() clips to what is retained, so its length is the run's age up to the hour.
        int retained = telemetry.store().recent(handles.values().iterator().next(), MAX_WINDOW_SECONDS).size();
        return Math.clamp(retained, MIN_WINDOW_SECONDS, MAX_WINDOW_SECONDS);
    }

    /** The epoch second the charts end at (the newest sample, or now when there is none). */
    public long newestEpochSecond() {
        long newest = Long.MIN_VALUE;
        for (int handle : handles.values()) {
            newest = Math.max(newest, telemetry.store().latestEpochSecond(handle));
        }
        return newest == Long.MIN_VALUE ? telemetry.clock().instant().getEpochSecond() : newest;
    }

    /**
     * Detection's expected band, score and anomaly markers for the same window as {@link #window},
     * ending at {@link #newestEpochSecond()}.
     */
    public DetectionHistory.Trace detection(MetricName metric, int seconds) {
        long newest = newestEpochSecond();
        return status.detectionHistory().trace(new SeriesKey(component.id(), metric), newest - seconds + 1, newest);
    }

    /** The marker whose explanation is shown, or null. */
    public ReadOnlyObjectProperty<SeriesVerdict> selectedMarkProperty() {
        return selectedMark.getReadOnlyProperty();
    }

    /** The selected marker's explanation, or null when none is selected. */
    public ReadOnlyObjectProperty<MarkExplanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /**
     * What the component's health rests on (ADR 0025), e.g. "Low severity · from health checks alone · detection:
     * healthy, checks: critical".
     */
    public ReadOnlyStringProperty healthBasisProperty() {
        return healthBasis.getReadOnlyProperty();
    }

    /** The state the component's health checks give (the seed's rule), or null when no check speaks for it. */
    public ReadOnlyObjectProperty<HealthState> checkedStateProperty() {
        return checkedState.getReadOnlyProperty();
    }

    /** The checks' verdict and why, e.g. "Checks: 2 shallow failures: degraded, deep checks triggered (failing: ...)". */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Whether any health check speaks for the component. */
    public ReadOnlyBooleanProperty hasChecksProperty() {
        return hasChecks.getReadOnlyProperty();
    }

    /** Every health check of the component, tier by tier in the order given. */
    public ObservableList<CheckRow> checks() {
        return FXCollections.unmodifiableObservableList(checks);
    }

    /** The checks of the selected tier. */
    public ObservableList<CheckRow> tierChecks() {
        return FXCollections.unmodifiableObservableList(tierChecks);
    }

    /** Which tier's checks {@link #tierChecks()} lists. */
    public ObjectProperty<CheckTier> selectedTierProperty() {
        return selectedTier;
    }

    /** A tier's name and how many checks it has, e.g. "Shallow 3". */
    public ReadOnlyStringProperty tierNameProperty(CheckTier tier) {
        return tierNames.get(tier).getReadOnlyProperty();
    }

    /** Whether any check of a tier is failing. */
    public ReadOnlyBooleanProperty tierFailingProperty(CheckTier tier) {
        return tierFailing.get(tier).getReadOnlyProperty();
    }

    /**
     * How the selected tier's checks stand and how they run, e.g. "Shallow: 1 of 3 failing · every 10 s, timeout
     * 1 s, 3 retries".
     */
    public ReadOnlyStringProperty tierSummaryProperty() {
        return tierSummary.getReadOnlyProperty();
    }

    /** Whether a metric has a breach threshold, so its forecast can be shown. */
    public boolean canForecast(MetricName metric) {
        return forecasts.forecastConfig().threshold(metric).isPresent();
    }

    // ---- Commands ----

    /** The moment marked on every chart (a probable cause's onset), or null for none. */
    public javafx.beans.property.ReadOnlyObjectProperty<java.time.Instant> markedMomentProperty() {
        return markedMoment.getReadOnlyProperty();
    }

    /** Marks a moment on the charts; null clears it. */
    public void markMoment(java.time.Instant moment) {
        markedMoment.set(moment);
    }

    /** Shows the explanation of a marker (one of this component's), or hides it with null. */
    public void selectMark(SeriesVerdict mark) {
        if (mark != null && !mark.key().componentId().equals(component.id())) {
            throw new IllegalArgumentException("marker " + mark.key() + " is not on " + component.id());
        }
        selectedMark.set(mark);
        explanation.set(mark == null ? null : MarkExplanation.of(mark));
    }

    /** Selects the marker of a metric at exactly that second; returns whether there was one. */
    public boolean selectMarkAt(MetricName metric, long epochSecond) {
        Optional<SeriesVerdict> mark = status.detectionHistory().markAt(new SeriesKey(component.id(), metric), epochSecond);
        selectMark(mark.orElse(null));
        return mark.isPresent();
    }

    public void openForecast(MetricName metric) {
        openForecast.accept(new SeriesKey(component.id(), metric));
    }

    public void open(String componentId) {
        openComponent.accept(componentId);
    }

    /** Ends a fault early. */
    public boolean cancelFault(long faultId) {
        boolean cancelled = faultControl.faults().cancel(faultId);
        coalescer.markDirty();
        return cancelled;
    }

    /** Reads the newest state; runs once per pulse after engine events, or by hand in tests. */
    public void refresh() {
        HealthAssessment assessment = status.assessment(index);
        state.set(assessment.state());
        refreshChecks();
        healthBasis.set(basis(assessment, hasChecks.get()));
        List<ActiveFault> newestFaults = faultControl.faultsOn(component.id());
        if (!newestFaults.equals(faults)) {
            faults.setAll(newestFaults);
        }
        List<ChangeEvent> all = faultControl.changes(component.id());
        List<ChangeEvent> newestChanges = new ArrayList<>(all.subList(Math.max(0, all.size() - MAX_CHANGES_SHOWN), all.size()));
        java.util.Collections.reverse(newestChanges);
        if (!newestChanges.equals(changes)) {
            changes.setAll(newestChanges);
        }
        version.set(newestChanges.isEmpty() ? component.version() : newestChanges.getFirst().toVersion());
        revision.set(revision.get() + 1);
    }

    private void refreshChecks() {
        Optional<ComponentChecks> newest = status.checks(component.id());
        checkedState.set(newest.map(c -> c.verdict().state()).orElse(null));
        hasChecks.set(newest.isPresent());
        verdict.set(newest.map(c -> "Checks: " + c.verdict().reason()).orElse("No health check speaks for this component."));
        List<CheckRow> rows = newest.map(c -> c.checks().stream().map(s -> CheckRow.of(component.id(), s)).toList())
                .orElse(List.of());
        if (!rows.equals(checks)) {
            checks.setAll(rows);
        }
        for (CheckTier tier : CheckTier.values()) {
            List<CheckRow> ofTier = rows.stream().filter(r -> r.tier() == tier).toList();
            tierNames.get(tier).set(word(tier.name()) + " " + ofTier.size());
            tierFailing.get(tier).set(ofTier.stream().anyMatch(CheckRow::failing));
        }
        showTier();
    }

    private void showTier() {
        CheckTier tier = selectedTier.get();
        List<CheckRow> rows = checks.stream().filter(r -> r.tier() == tier).toList();
        if (!rows.equals(tierChecks)) {
            tierChecks.setAll(rows);
        }
        long failing = rows.stream().filter(CheckRow::failing).count();
        TierPolicy policy = TierPolicy.defaults(tier);
        String standing = rows.isEmpty() ? "no checks" : failing > 0 ? failing + " of " + rows.size() + " failing"
                : rows.size() + " passing";
        tierSummary.set(word(tier.name()) + ": " + standing + " · every " + Durations.format(policy.interval())
                + ", timeout " + Durations.format(policy.timeout()) + ", " + policy.retries()
                + (policy.retries() == 1 ? " retry" : " retries"));
    }

    /** Severity, which judgement set the state, and what each says. */
    static String basis(HealthAssessment assessment, boolean checked) {
        String severity = assessment.severity() == Severity.NONE ? "No alert"
                : word(assessment.severity().name()) + " severity";
        String from = switch (assessment.source()) {
            case DETECTION -> "from detection";
            case CHECKS -> assessment.state() == HealthState.FAILED ? "from a failed comprehensive check"
                    : "from health checks alone, no user-visible signal";
            case BOTH -> "from detection and health checks";
        };
        return severity + " · " + from + " · detection: " + word(assessment.detected().name()).toLowerCase(Locale.ROOT)
                + (checked ? ", checks: " + word(assessment.checked().name()).toLowerCase(Locale.ROOT) : ", no health checks");
    }

    private static String word(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    public FxCoalescer coalescer() {
        return coalescer;
    }

    public void start() {
        coalescer.start();
    }

    @Override
    public void close() {
        status.detectionHistory().unwatch(component.id());
        coalescer.close();
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
