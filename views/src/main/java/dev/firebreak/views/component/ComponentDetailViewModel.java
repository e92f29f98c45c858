package dev.firebreak.views.component;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.history.SeriesVerdict;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One component's detail: identity, live state, its metric series, neighbours, active faults and
 * recent changes. Engine events only mark it dirty; the newest state is read once per pulse.
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

    private final ReadOnlyObjectWrapper<HealthState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper(this, "version");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ObservableList<ActiveFault> faults = FXCollections.observableArrayList();
    private final ObservableList<ChangeEvent> changes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SeriesVerdict> selectedMark = new ReadOnlyObjectWrapper<>(this, "selectedMark");
    private final ReadOnlyObjectWrapper<MarkExplanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");

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
        this.coalescer = new FxCoalescer(this::refresh);
        subscriptions.add(telemetry.events().subscribe(MetricsTicked.class, e -> coalescer.markDirty()));
        subscriptions.add(telemetry.events().subscribe(ComponentHealthChanged.class, e -> coalescer.markDirty()));
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

    /** Whether a metric has a breach threshold, so its forecast can be shown. */
    public boolean canForecast(MetricName metric) {
        return forecasts.forecastConfig().threshold(metric).isPresent();
    }

    // ---- Commands ----

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
        state.set(status.health(index));
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
