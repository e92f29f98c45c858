package dev.firebreak.views.shell;

import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.component.ComponentDetailViewModel;
import dev.firebreak.views.detection.DetectionSettingsViewModel;
import dev.firebreak.views.forecast.ForecastViewModel;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.views.healing.HaltViewModel;
import dev.firebreak.views.healing.HealingViewModel;
import dev.firebreak.views.healthmap.HealthMapViewModel;
import dev.firebreak.views.incident.IncidentsViewModel;
import dev.firebreak.views.runbook.RunbookNavigation;
import dev.firebreak.views.runbook.RunbooksViewModel;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.SimulationControl;
import dev.firebreak.views.simcontrol.FaultDialogViewModel;
import dev.firebreak.views.task.BackgroundTask;
import java.util.function.Supplier;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console shell: which session runs (topology, seed), play/pause and speed, the theme, which
 * screen is shown and which component is selected. Replacing topology or seed closes the running
 * session and its screens' view-models before starting the next.
 */
public final class ConsoleViewModel implements AutoCloseable {

    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 3600;
    /** Speeds offered in the toolbar; any other in range can be typed. */
    public static final List<String> SPEED_PRESETS = List.of("1x", "10x", "60x", "600x");

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleViewModel.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public enum Screen {
        HEALTH_MAP, COMPONENT_DETAIL, DETECTION_SETTINGS, FORECAST, INCIDENTS, RUNBOOKS, HEALING
    }

    private final ConsoleContext context;
    private final FxCoalescer clockCoalescer = new FxCoalescer(this::updateClock);
    private Subscription clockSubscription;
    private boolean started;
    private boolean closed;

    private final ReadOnlyObjectWrapper<ConsoleSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<HealthMapViewModel> healthMap = new ReadOnlyObjectWrapper<>(this, "healthMap");
    private final ReadOnlyObjectWrapper<ComponentDetailViewModel> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyObjectWrapper<DetectionSettingsViewModel> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyObjectWrapper<ForecastViewModel> forecast = new ReadOnlyObjectWrapper<>(this, "forecast");
    private final ReadOnlyObjectWrapper<IncidentsViewModel> incidents = new ReadOnlyObjectWrapper<>(this, "incidents");
    private final ReadOnlyObjectWrapper<RunbooksViewModel> runbooks = new ReadOnlyObjectWrapper<>(this, "runbooks");
    private final ReadOnlyObjectWrapper<HealingViewModel> healing = new ReadOnlyObjectWrapper<>(this, "healing");
    private final ReadOnlyObjectWrapper<HaltViewModel> halt = new ReadOnlyObjectWrapper<>(this, "halt");
    private final StringProperty operator = new SimpleStringProperty(this, "operator");
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.HEALTH_MAP);
    private final ReadOnlyObjectWrapper<String> topologyName = new ReadOnlyObjectWrapper<>(this, "topologyName");
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper(this, "seed");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed");
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper(this, "clockText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper(this, "switching");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");

    public ConsoleViewModel(ConsoleContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.topologyName.set(context.initialTopology());
        this.seed.set(context.initialSeed());
        this.speed.set(context.initialSpeed());
        this.theme.set(Theme.fromKey(context.themePreference().load()));
        theme.addListener((obs, old, now) -> context.themePreference().save(now.key()));
        String savedOperator = context.operatorPreference().load();
        operator.set(savedOperator == null || savedOperator.isBlank() ? System.getProperty("user.name", "operator") : savedOperator);
        startSession();
    }

    // ---- Properties ----

    public ReadOnlyObjectProperty<ConsoleSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HealthMapViewModel> healthMapProperty() {
        return healthMap.getReadOnlyProperty();
    }

    /** The open component's view-model, or null when none is selected. */
    public ReadOnlyObjectProperty<ComponentDetailViewModel> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DetectionSettingsViewModel> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The forecast screen's view-model, or null until a forecast is first shown. */
    public ReadOnlyObjectProperty<ForecastViewModel> forecastProperty() {
        return forecast.getReadOnlyProperty();
    }

    /** The incidents screen's view-model (one per session). */
    public ReadOnlyObjectProperty<IncidentsViewModel> incidentsProperty() {
        return incidents.getReadOnlyProperty();
    }

    /** The runbooks screen's view-model (one per session). */
    public ReadOnlyObjectProperty<RunbooksViewModel> runbooksProperty() {
        return runbooks.getReadOnlyProperty();
    }

    /** The healing overview's view-model (one per session). */
    public ReadOnlyObjectProperty<HealingViewModel> healingProperty() {
        return healing.getReadOnlyProperty();
    }

    /** The emergency stop of the running session: the toolbar's HALT button and the banner across every screen. */
    public ReadOnlyObjectProperty<HaltViewModel> haltProperty() {
        return halt.getReadOnlyProperty();
    }

    /** Who the person at the console is: their name goes on incident timelines and the audit log. */
    public ReadOnlyStringProperty operatorProperty() {
        return operator;
    }

    /**
     * Changes who the person at the console is, remembered across restarts.
     *
     * @return false (with a message) for an empty name
     */
    public boolean setOperator(String name) {
        if (name == null || name.isBlank()) {
            message.set("The operator needs a name: it goes on incident timelines and the audit log.");
            return false;
        }
        operator.set(name.strip());
        context.operatorPreference().save(operator.get());
        message.set("");
        return true;
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> topologyNameProperty() {
        return topologyName.getReadOnlyProperty();
    }

    public List<String> topologyNames() {
        return List.copyOf(context.topologies().keySet());
    }

    public ReadOnlyLongProperty seedProperty() {
        return seed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** Simulated time, e.g. "2026-01-01 00:05:00 UTC". */
    public ReadOnlyStringProperty clockTextProperty() {
        return clockText.getReadOnlyProperty();
    }

    /** Feedback on the last command (an invalid speed or seed, a topology that failed to load); empty when fine. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    // ---- Commands ----

    public void togglePlay() {
        SimulationControl control = session.get().control();
        if (control.isPaused()) {
            control.resume();
        } else {
            control.pause();
        }
        paused.set(control.isPaused());
    }

    /**
     * Sets the speed from what the user typed: "60", "60x", "0.5x".
     *
     * @return whether the text was a speed in range (otherwise {@link #messageProperty()} says why)
     */
    public boolean setSpeed(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.endsWith("x")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).trim();
        }
        double value;
        try {
            value = Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            message.set("Speed '" + text + "' is not a number; type e.g. 60 or 60x.");
            return false;
        }
        if (!(value >= MIN_SPEED && value <= MAX_SPEED)) {
            message.set("Speed must be between " + MIN_SPEED + "x and " + (int) MAX_SPEED + "x, was " + text + ".");
            return false;
        }
        session.get().control().setSpeed(value);
        speed.set(value);
        message.set("");
        return true;
    }

    /** Switches to another topology: the running session is closed and a new one started. */
    public void selectTopology(String name) {
        if (!context.topologies().containsKey(name)) {
            throw new IllegalArgumentException("unknown topology '" + name + "'");
        }
        if (name.equals(topologyName.get())) {
            return;
        }
        if (switching.get()) {
            message.set("Still starting " + topologyName.get() + "; try again when it is running.");
            return;
        }
        String previous = topologyName.get();
        message.set("");
        topologyName.set(name);
        restart(previous, seed.get());
    }

    /** Restarts with another seed; returns false (with a message) when the text is not a whole number. */
    public boolean setSeed(String text) {
        long value;
        try {
            value = Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            message.set("Seed '" + text + "' is not a whole number.");
            return false;
        }
        if (switching.get()) {
            message.set("Still starting " + topologyName.get() + "; try again when it is running.");
            return false;
        }
        message.set("");
        if (value != seed.get()) {
            long previous = seed.get();
            seed.set(value);
            restart(topologyName.get(), previous);
        }
        return true;
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public void showHealthMap() {
        screen.set(Screen.HEALTH_MAP);
    }

    /** Shows the detail screen; does nothing when no component is selected. */
    public void showDetail() {
        if (detail.get() != null) {
            screen.set(Screen.COMPONENT_DETAIL);
        }
    }

    public void showDetectionSettings() {
        screen.set(Screen.DETECTION_SETTINGS);
    }

    public void showIncidents() {
        screen.set(Screen.INCIDENTS);
    }

    /** Shows the runbooks screen, its library read again (runbooks may have been saved from an incident). */
    public void showRunbooks() {
        runbooks.get().library().refresh();
        screen.set(Screen.RUNBOOKS);
    }

    /** Shows the healing overview: mode, gates, cooldowns, recent actions, playbooks. */
    public void showHealing() {
        screen.set(Screen.HEALING);
    }

    /** Latches HALT in the operator's name (the toolbar's button, after asking why). */
    public void pressHalt(String reason) {
        halt.get().press(reason);
    }

    /** Shows a run in the runbooks screen's step-through. */
    public void openRun(long executionId) {
        runbooks.get().openRun(executionId);
        screen.set(Screen.RUNBOOKS);
    }

    /** Where the incident screens send a run they started, or a runbook they saved: the runbooks screen. */
    private final RunbookNavigation runbookNavigation = new RunbookNavigation() {
        @Override
        public void openRun(long executionId) {
            ConsoleViewModel.this.openRun(executionId);
        }

        @Override
        public void runbookSaved(dev.firebreak.engine.runbook.Runbook runbook) {
            runbooks.get().runbookSaved(runbook);
        }
    };

    /** Shows the incidents screen with one incident open. */
    public void openIncident(long id) {
        incidents.get().open(id);
        screen.set(Screen.INCIDENTS);
    }

    /**
     * Shows the forecast screen: the series shown last, or else the open component's first series with
     * a breach threshold (or the topology's first). Does nothing when no series has a threshold.
     */
    public void showForecast() {
        if (forecast.get() == null) {
            ComponentDetailViewModel d = detail.get();
            ForecastViewModel.defaultSeries(session.get(), d == null ? "" : d.component().id())
                    .ifPresent(this::openForecast);
            return;
        }
        screen.set(Screen.FORECAST);
    }

    /** Shows the forecast of a series. */
    public void openForecast(SeriesKey key) {
        if (forecast.get() == null) {
            ForecastViewModel next = new ForecastViewModel(session.get(), key);
            if (started) {
                next.start();
            }
            forecast.set(next);
        } else {
            forecast.get().select(key);
        }
        screen.set(Screen.FORECAST);
    }

    /** Whether the forecast screen has anything to show. */
    public boolean canForecast() {
        return !ForecastViewModel.choices(session.get()).isEmpty();
    }

    /** Selects a component and opens its detail. */
    public void openComponent(String componentId) {
        ConsoleSession s = session.get();
        ComponentDetailViewModel old = detail.get();
        if (old == null || !old.component().id().equals(componentId)) {
            ComponentDetailViewModel next = new ComponentDetailViewModel(s, componentId, this::openComponent, this::openForecast);
            if (started) {
                next.start();
            }
            detail.set(next);
            if (old != null) {
                old.close();
            }
        }
        healthMap.get().select(componentId);
        screen.set(Screen.COMPONENT_DETAIL);
    }

    /** Opens a component's detail with a moment marked on its charts (a probable cause's onset). */
    public void openComponentAt(String componentId, java.util.Optional<java.time.Instant> moment) {
        openComponent(componentId);
        detail.get().markMoment(moment.orElse(null));
    }

    /** False while HALT is latched (the message then says why): no fault is injected until it is released. */
    public boolean mayInjectFaults() {
        HaltViewModel latch = halt.get();
        if (latch != null && latch.haltedProperty().get()) {
            message.set("HALT is latched: no fault is injected until someone releases it.");
            return false;
        }
        return true;
    }

    /** A fresh fault dialog model, its target pre-filled with the selected component. */
    public FaultDialogViewModel newFaultDialog() {
        ConsoleSession s = session.get();
        ComponentDetailViewModel d = detail.get();
        return new FaultDialogViewModel(s.telemetry().topology(), s.faultControl().faults(), s.telemetry().clock(),
                d == null ? null : d.component().id());
    }

    /** Starts following the engine on every FX pulse (call on the FX thread, once the view is shown). */
    public void start() {
        started = true;
        clockCoalescer.start();
        healthMap.get().start();
        incidents.get().start();
        runbooks.get().start();
        healing.get().start();
        halt.get().start();
        if (detail.get() != null) {
            detail.get().start();
        }
        if (forecast.get() != null) {
            forecast.get().start();
        }
    }

    /** Applies pending engine updates now instead of waiting for the next pulse; for tests and screenshots. */
    public void refreshNow() {
        updateClock();
        healthMap.get().refresh();
        incidents.get().refresh();
        runbooks.get().refresh();
        healing.get().refresh();
        halt.get().refresh();
        if (incidents.get().selectedProperty().get() != null) {
            incidents.get().selectedProperty().get().healing().refresh();
        }
        if (detail.get() != null) {
            detail.get().refresh();
        }
        if (forecast.get() != null) {
            forecast.get().refresh();
        }
    }

    /**
     * Starts the session the current topology and seed describe, off the FX thread, and only then closes the
     * old one: the old session keeps running (and the window keeps answering) while the new one loads, and if
     * the new one cannot start (a broken topology file, say) the console keeps running what it had, and says
     * why. A request made while another start is in flight is refused with a message.
     */
    private void restart(String previousTopology, long previousSeed) {
        Supplier<Topology> topology = context.topologies().get(topologyName.get());
        String name = topologyName.get();
        long nextSeed = seed.get();
        double nextSpeed = speed.get();
        switching.set(true);
        BackgroundTask.wrap(() -> context.sessions().start(topology.get(), nextSeed, nextSpeed))
                .withTitle("Starting " + name + " (seed " + nextSeed + ")")
                .onSuccess(next -> {
                    if (closed) {
                        next.close();
                        return;
                    }
                    ConsoleSession old = detachSession();
                    install(next);
                    BackgroundTask.wrap(old::close).withTitle("Stopping the previous session").executeWith(context.tasks());
                })
                .onFailure(e -> {
                    LOG.error("Could not start a session for {} (seed {})", name, nextSeed, e);
                    message.set("Could not start " + name + ": " + e.getMessage());
                    topologyName.set(previousTopology);
                    seed.set(previousSeed);
                })
                .onFinished(() -> switching.set(false))
                .executeWith(context.tasks());
    }

    /** Whether background work started from the console runs now (shown as a progress indicator). */
    public ReadOnlyBooleanProperty busyProperty() {
        return context.tasks().busyProperty();
    }

    /** What the running background work is, e.g. "Starting Synthetic 2,000 (seed 42)". */
    public ReadOnlyStringProperty busyTitleProperty() {
        return context.tasks().busyTitleProperty();
    }

    /** Whether a session is being started; topology and seed changes wait until it is done. */
    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    private void startSession() {
        Topology topology = context.topologies().get(topologyName.get()).get();
        install(context.sessions().start(topology, seed.get(), speed.get()));
    }

    private void install(ConsoleSession next) {
        session.set(next);
        paused.set(next.control().isPaused());
        clockSubscription = next.telemetry().events().subscribe(MetricsTicked.class, e -> clockCoalescer.markDirty());
        HealthMapViewModel map = new HealthMapViewModel(next.telemetry(), next.status(), next.incidents());
        map.setOnOpenIncident(this::openIncident);
        map.selectedIdProperty().addListener((obs, old, now) -> {
            if (now != null && (detail.get() == null || !detail.get().component().id().equals(now))) {
                openComponent(now);
            }
        });
        if (started) {
            map.start();
        }
        healthMap.set(map);
        settings.set(new DetectionSettingsViewModel(next.detection()));
        IncidentsViewModel incidentScreen = new IncidentsViewModel(next, operator, this::setOperator, this::openComponent,
                context.tasks());
        incidentScreen.setOpenComponentAt(this::openComponentAt);
        incidentScreen.setRunbookNavigation(runbookNavigation);
        RunbooksViewModel runbookScreen = new RunbooksViewModel(next.runbooks(), next.telemetry().events(), operator,
                context.tasks());
        HealingViewModel healingScreen = new HealingViewModel(next.healing(), next.telemetry().events(),
                next.telemetry().clock(), operator::get, context.tasks());
        healingScreen.setOnOpenIncident(this::openIncident);
        HaltViewModel haltLatch = new HaltViewModel(next.healing(), next.telemetry().events(), operator::get, context.tasks());
        haltLatch.messageProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                message.set(now);
            }
        });
        if (started) {
            incidentScreen.start();
            runbookScreen.start();
            healingScreen.start();
            haltLatch.start();
        }
        incidents.set(incidentScreen);
        runbooks.set(runbookScreen);
        healing.set(healingScreen);
        halt.set(haltLatch);
        screen.set(Screen.HEALTH_MAP);
        updateClock();
    }

    /** Closes the screens' view-models of the running session and hands the session back, still running. */
    private ConsoleSession detachSession() {
        if (forecast.get() != null) {
            forecast.get().close();
            forecast.set(null);
        }
        if (detail.get() != null) {
            detail.get().close();
            detail.set(null);
        }
        if (healthMap.get() != null) {
            healthMap.get().close();
        }
        if (incidents.get() != null) {
            incidents.get().close();
        }
        if (runbooks.get() != null) {
            runbooks.get().close();
        }
        if (healing.get() != null) {
            healing.get().close();
        }
        if (halt.get() != null) {
            halt.get().close();
        }
        if (clockSubscription != null) {
            clockSubscription.close();
        }
        return session.get();
    }

    private void updateClock() {
        clockText.set(CLOCK.format(session.get().telemetry().clock().instant()));
    }

    public FxCoalescer clockCoalescer() {
        return clockCoalescer;
    }

    @Override
    public void close() {
        closed = true;
        clockCoalescer.close();
        ConsoleSession last = detachSession();
        if (last != null) {
            last.close();
        }
    }
}
