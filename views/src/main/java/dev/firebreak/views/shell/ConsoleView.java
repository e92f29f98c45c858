package dev.firebreak.views.shell;

import dev.firebreak.styles.Styles;
import dev.firebreak.views.component.ComponentDetailView;
import dev.firebreak.views.component.ComponentDetailViewModel;
import dev.firebreak.views.detection.DetectionSettingsView;
import dev.firebreak.views.forecast.ForecastView;
import dev.firebreak.views.healing.HaltBanner;
import dev.firebreak.views.healing.HaltViewModel;
import dev.firebreak.views.healing.HealingView;
import dev.firebreak.views.healing.ReasonDialog;
import dev.firebreak.views.healthmap.HealthMapView;
import dev.firebreak.views.healthmap.HealthMapViewModel;
import dev.firebreak.views.incident.IncidentsView;
import dev.firebreak.views.incident.IncidentsViewModel;
import dev.firebreak.views.runbook.RunbooksView;
import org.controlsfx.control.Notifications;
import dev.firebreak.views.shell.ConsoleViewModel.Screen;
import dev.firebreak.views.simcontrol.FaultDialog;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The console's main window content: toolbar (play/pause, speed, seed, topology, inject fault,
 * theme, simulated clock), a sidebar listing the screens that work, and the current screen.
 *
 * <p>Shortcuts: Ctrl+1 health map, Ctrl+2 component detail, Ctrl+3 detection settings, Ctrl+4 forecast,
 * Ctrl+5 incidents, Ctrl+6 runbooks, Ctrl+7 healing, Ctrl+I inject fault, Space play/pause
 * (not while typing), Ctrl+F search (the runbook library on the runbooks screen), Ctrl+T toggle theme,
 * Ctrl+Shift+H HALT (asks why).
 *
 * <p>The HALT button is the toolbar's first item, so it never overflows out of sight; while HALT is latched a red
 * banner across the top of every screen says who latched it, when and why, with a Release… button.
 */
public final class ConsoleView extends BorderPane {

    private final ConsoleViewModel viewModel;
    private final StackPane content = new StackPane();
    private final ToggleButton healthNav = new ToggleButton("Health map");
    private final ToggleButton detailNav = new ToggleButton("Component detail");
    private final ToggleButton settingsNav = new ToggleButton("Detection settings");
    private final ToggleButton forecastNav = new ToggleButton("Forecast");
    private final ToggleButton incidentsNav = new ToggleButton("Incidents");
    private final ToggleButton runbooksNav = new ToggleButton("Runbooks");
    private final ToggleButton healingNav = new ToggleButton("Healing");
    private final Button play = new Button();
    private final Button haltButton = new Button("■ HALT");
    private final Button injectButton = new Button("Inject fault…");
    private final HaltBanner haltBanner = new HaltBanner();
    private HealingView healingView;
    private HealthMapView healthMapView;
    private ComponentDetailView detailView;
    private DetectionSettingsView settingsView;
    private ForecastView forecastView;
    private IncidentsView incidentsView;
    private RunbooksView runbooksView;
    private FaultDialog openDialog;
    private String lastNotification = "";

    public ConsoleView(ConsoleViewModel viewModel) {
        this.viewModel = viewModel;
        setId("console");
        getStyleClass().add(Styles.CONSOLE);
        getStylesheets().add(Styles.STYLESHEET);
        setTop(new VBox(toolbar(), haltBanner));
        setLeft(sidebar());
        content.setPadding(new Insets(10));
        setCenter(content);
        viewModel.healthMapProperty().addListener((obs, old, now) -> {
            healthMapView = null;
            showScreen();
        });
        viewModel.detailProperty().addListener((obs, old, now) -> {
            detailView = null;
            showScreen();
        });
        viewModel.settingsProperty().addListener((obs, old, now) -> {
            settingsView = null;
            showScreen();
        });
        viewModel.forecastProperty().addListener((obs, old, now) -> {
            forecastView = null;
            showScreen();
        });
        viewModel.incidentsProperty().addListener((obs, old, now) -> {
            incidentsView = null;
            watchOpenings(now);
            showScreen();
        });
        watchOpenings(viewModel.incidentsProperty().get());
        viewModel.runbooksProperty().addListener((obs, old, now) -> {
            runbooksView = null;
            showScreen();
        });
        viewModel.healingProperty().addListener((obs, old, now) -> {
            healingView = null;
            showScreen();
        });
        viewModel.haltProperty().addListener((obs, old, now) -> showHalt(now));
        showHalt(viewModel.haltProperty().get());
        viewModel.screenProperty().addListener((obs, old, now) -> showScreen());
        viewModel.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        applyTheme(viewModel.themeProperty().get());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        showScreen();
    }

    /** Installs a theme for the whole application (AtlantaFX themes are user-agent stylesheets). */
    public static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
    }

    private Node toolbar() {
        play.setId("play-pause");
        play.setTooltip(new Tooltip("Play / pause the simulation (Space)"));
        play.textProperty().bind(viewModel.pausedProperty().map(p -> p ? "▶ Play" : "‖ Pause"));
        play.setOnAction(e -> viewModel.togglePlay());

        ComboBox<String> speed = new ComboBox<>();
        speed.setId("speed");
        speed.setEditable(true);
        speed.setPrefWidth(90);
        speed.getItems().setAll(ConsoleViewModel.SPEED_PRESETS);
        speed.getEditor().setText(formatSpeed(viewModel.speedProperty().get()));
        speed.setTooltip(new Tooltip("Simulated seconds per second: pick or type 0.1 – 3600, then Enter"));
        speed.setOnAction(e -> {
            String text = speed.getEditor().getText();
            if (!viewModel.setSpeed(text)) {
                speed.getEditor().setText(formatSpeed(viewModel.speedProperty().get()));
            }
        });

        TextField seed = new TextField(Long.toString(viewModel.seedProperty().get()));
        seed.setId("seed");
        seed.setPrefColumnCount(7);
        seed.setTooltip(new Tooltip("Seed of the simulation; Enter restarts with it"));
        seed.setOnAction(e -> {
            if (!viewModel.setSeed(seed.getText())) {
                seed.setText(Long.toString(viewModel.seedProperty().get()));
            }
        });

        ChoiceBox<String> topology = new ChoiceBox<>();
        topology.setId("topology");
        topology.getItems().setAll(viewModel.topologyNames());
        topology.setValue(viewModel.topologyNameProperty().get());
        topology.setTooltip(new Tooltip("Topology to simulate; switching restarts the simulation"));
        topology.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectTopology(now);
            }
        });
        viewModel.topologyNameProperty().addListener((obs, old, now) -> topology.setValue(now));

        Button inject = injectButton;
        inject.setId("inject-fault");
        inject.setTooltip(new Tooltip("Inject a fault into the simulation (Ctrl+I)"));
        inject.setOnAction(e -> openFaultDialog());

        Button themeToggle = new Button();
        themeToggle.setId("theme-toggle");
        themeToggle.textProperty().bind(viewModel.themeProperty().map(t -> t == Theme.LIGHT ? "☾ Dark" : "☀ Light"));
        themeToggle.setTooltip(new Tooltip("Switch light / dark theme (Ctrl+T)"));
        themeToggle.setOnAction(e -> viewModel.toggleTheme());

        Label message = new Label();
        message.setId("console-message");
        message.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        message.textProperty().bind(viewModel.messageProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy-indicator");
        busy.setPrefSize(18, 18);
        Label busyTitle = new Label();
        busyTitle.setId("busy-title");
        busyTitle.textProperty().bind(viewModel.busyTitleProperty());
        HBox busyBox = new HBox(6, busy, busyTitle);
        busyBox.setAlignment(Pos.CENTER_LEFT);
        busyBox.visibleProperty().bind(viewModel.busyProperty());
        busyBox.managedProperty().bind(busyBox.visibleProperty());
        seed.disableProperty().bind(viewModel.switchingProperty());
        topology.disableProperty().bind(viewModel.switchingProperty());

        Label clock = new Label();
        clock.setId("sim-clock");
        clock.getStyleClass().add(Styles.SIM_CLOCK);
        clock.textProperty().bind(viewModel.clockTextProperty());
        clock.setTooltip(new Tooltip("Simulated time"));

        haltButton.setId("halt");
        haltButton.getStyleClass().addAll(Styles.DANGER, Styles.HALT_BUTTON);
        haltButton.setTooltip(new Tooltip("HALT: stop healing, runbook runs and chaos at once, until released (Ctrl+Shift+H)"));
        haltButton.setOnAction(e -> openHaltDialog());

        Pane spacer = new Pane();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(haltButton, separator(), play, new Label("Speed"), speed, new Label("Seed"), seed, new Label("Topology"), topology,
                separator(), inject, separator(), themeToggle, message, busyBox, spacer, clock);
        return bar;
    }

    private static Separator separator() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }

    private Node sidebar() {
        ToggleGroup group = new ToggleGroup();
        healthNav.setId("nav-health-map");
        detailNav.setId("nav-detail");
        settingsNav.setId("nav-detection-settings");
        forecastNav.setId("nav-forecast");
        incidentsNav.setId("nav-incidents");
        runbooksNav.setId("nav-runbooks");
        healingNav.setId("nav-healing");
        healingNav.setTooltip(new Tooltip("Healing: its mode, the gates, recent actions and playbooks (Ctrl+7)"));
        runbooksNav.setTooltip(new Tooltip("The runbook library and runs: start, dry-run, step through, edit (Ctrl+6)"));
        incidentsNav.setTooltip(new Tooltip("Open and recent incidents: run them, keep their timeline (Ctrl+5)"));
        healthNav.setTooltip(new Tooltip("Every component coloured by health (Ctrl+1)"));
        detailNav.setTooltip(new Tooltip("The selected component's metrics, anomalies, faults and changes (Ctrl+2)"));
        settingsNav.setTooltip(new Tooltip("Detector parameters per metric kind, applied live (Ctrl+3)"));
        forecastNav.setTooltip(new Tooltip("A series' 30-minute forecast against its threshold (Ctrl+4)"));
        for (ToggleButton b : new ToggleButton[] {healthNav, detailNav, settingsNav, forecastNav, incidentsNav, runbooksNav,
                healingNav}) {
            b.setToggleGroup(group);
            b.getStyleClass().add(Styles.NAV_ITEM);
            b.setMaxWidth(Double.MAX_VALUE);
        }
        detailNav.disableProperty().bind(viewModel.detailProperty().isNull());
        healthNav.setOnAction(e -> viewModel.showHealthMap());
        detailNav.setOnAction(e -> viewModel.showDetail());
        settingsNav.setOnAction(e -> viewModel.showDetectionSettings());
        forecastNav.setOnAction(e -> viewModel.showForecast());
        incidentsNav.setOnAction(e -> viewModel.showIncidents());
        runbooksNav.setOnAction(e -> viewModel.showRunbooks());
        healingNav.setOnAction(e -> viewModel.showHealing());
        forecastNav.disableProperty().bind(viewModel.sessionProperty().map(s -> !viewModel.canForecast()));
        Label title = new Label("Screens");
        title.getStyleClass().add(Styles.MUTED);
        VBox sidebar = new VBox(title, healthNav, incidentsNav, runbooksNav, healingNav, detailNav, settingsNav,
                forecastNav);
        sidebar.getStyleClass().add(Styles.SIDEBAR);
        sidebar.setAlignment(Pos.TOP_LEFT);
        return sidebar;
    }

    private void showScreen() {
        Screen screen = viewModel.screenProperty().get();
        if (screen == Screen.HEALING && viewModel.healingProperty().get() != null) {
            if (healingView == null) {
                healingView = new HealingView(viewModel.healingProperty().get());
            }
            content.getChildren().setAll(healingView);
            healingNav.setSelected(true);
        } else if (screen == Screen.RUNBOOKS && viewModel.runbooksProperty().get() != null) {
            if (runbooksView == null) {
                runbooksView = new RunbooksView(viewModel.runbooksProperty().get());
            }
            content.getChildren().setAll(runbooksView);
            runbooksNav.setSelected(true);
        } else if (screen == Screen.INCIDENTS && viewModel.incidentsProperty().get() != null) {
            if (incidentsView == null) {
                incidentsView = new IncidentsView(viewModel.incidentsProperty().get());
            }
            content.getChildren().setAll(incidentsView);
            incidentsNav.setSelected(true);
        } else if (screen == Screen.DETECTION_SETTINGS) {
            if (settingsView == null) {
                settingsView = new DetectionSettingsView(viewModel.settingsProperty().get());
            }
            content.getChildren().setAll(settingsView);
            settingsNav.setSelected(true);
        } else if (screen == Screen.FORECAST && viewModel.forecastProperty().get() != null) {
            if (forecastView == null) {
                forecastView = new ForecastView(viewModel.forecastProperty().get());
            }
            content.getChildren().setAll(forecastView);
            forecastNav.setSelected(true);
        } else if (screen == Screen.COMPONENT_DETAIL && viewModel.detailProperty().get() != null) {
            if (detailView == null) {
                ComponentDetailViewModel d = viewModel.detailProperty().get();
                detailView = new ComponentDetailView(d);
            }
            content.getChildren().setAll(detailView);
            detailNav.setSelected(true);
        } else {
            if (healthMapView == null) {
                HealthMapViewModel map = viewModel.healthMapProperty().get();
                healthMapView = new HealthMapView(map);
            }
            content.getChildren().setAll(healthMapView);
            healthNav.setSelected(true);
        }
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown()) {
            switch (e.getCode()) {
                case DIGIT1 -> viewModel.showHealthMap();
                case DIGIT2 -> viewModel.showDetail();
                case DIGIT3 -> viewModel.showDetectionSettings();
                case DIGIT4 -> viewModel.showForecast();
                case DIGIT5 -> viewModel.showIncidents();
                case DIGIT6 -> viewModel.showRunbooks();
                case DIGIT7 -> viewModel.showHealing();
                case H -> {
                    if (!e.isShiftDown()) {
                        return; // Ctrl+H is the incident view's hand-over
                    }
                    openHaltDialog();
                }
                case I -> openFaultDialog();
                case T -> viewModel.toggleTheme();
                case F -> {
                    if (viewModel.screenProperty().get() == Screen.RUNBOOKS && runbooksView != null) {
                        runbooksView.focusSearch();
                    } else {
                        viewModel.showHealthMap();
                        healthMapView.focusSearch();
                    }
                }
                default -> {
                    return;
                }
            }
            e.consume();
        } else if (e.getCode() == KeyCode.SPACE && !isTyping()) {
            viewModel.togglePlay();
            e.consume();
        }
    }

    private boolean isTyping() {
        Scene scene = getScene();
        Node focus = scene == null ? null : scene.getFocusOwner();
        return focus instanceof TextInputControl || focus instanceof ComboBoxBase<?> || focus instanceof ChoiceBox<?>;
    }

    /** Opens the fault dialog (non-modal wait: the simulation keeps running while it is open). */
    public FaultDialog openFaultDialog() {
        if (openDialog != null && openDialog.isShowing()) {
            return openDialog;
        }
        if (!viewModel.mayInjectFaults()) {
            return null;
        }
        FaultDialog dialog = new FaultDialog(viewModel.newFaultDialog());
        dialog.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        if (getScene() != null && getScene().getWindow() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.setOnHidden(e -> {
            openDialog = null;
            viewModel.refreshNow();
        });
        openDialog = dialog;
        dialog.show();
        return dialog;
    }

    /** Points the HALT button and banner at the running session's latch. */
    private void showHalt(HaltViewModel halt) {
        haltBanner.show(halt);
        haltButton.disableProperty().unbind();
        injectButton.disableProperty().unbind();
        if (halt != null) {
            haltButton.disableProperty().bind(halt.haltedProperty().or(halt.workingProperty()));
            // injected faults are chaos: HALT ends them and refuses new ones, so the dialog closes and stays shut
            injectButton.disableProperty().bind(halt.haltedProperty());
            halt.haltedProperty().addListener((obs, was, now) -> {
                if (now && openDialog != null) {
                    openDialog.close();
                }
            });
        }
    }

    /** Asks why, then latches HALT in the operator's name (the HALT button, Ctrl+Shift+H). */
    public ReasonDialog openHaltDialog() {
        ReasonDialog dialog = new ReasonDialog("Press HALT", "HALT stops healing, runbook runs and chaos experiments at"
                + " once, and keeps them stopped until someone releases it. Why are you pressing it?", "Press HALT", true);
        dialog.getDialogPane().setId("halt-dialog");
        if (getScene() != null && getScene().getWindow() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                viewModel.pressHalt(dialog.getResult());
            }
        });
        dialog.show();
        return dialog;
    }

    /** The banner shown while HALT is latched. */
    public HaltBanner haltBanner() {
        return haltBanner;
    }

    /** The healing overview, once shown. */
    public HealingView healingView() {
        return healingView;
    }

    private static String formatSpeed(double speed) {
        return speed == Math.rint(speed) ? (long) speed + "x" : speed + "x";
    }

    public HealthMapView healthMapView() {
        return healthMapView;
    }

    public ComponentDetailView detailView() {
        return detailView;
    }

    public DetectionSettingsView settingsView() {
        return settingsView;
    }

    /** Incident toasts shown at once before one summary replaces them. */
    private static final int MAX_TOASTS = 3;

    /**
     * A desktop notification (ControlsFX) when an incident opens: severity, key and title; clicking it opens the
     * incident. Shown inside the console window, so it needs no OS notification service.
     */
    private void watchOpenings(IncidentsViewModel incidents) {
        if (incidents == null) {
            return;
        }
        incidents.latestOpenedProperty().addListener((obs, old, opened) -> {
            if (opened == null || getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
                return;
            }
            lastNotification = opened.severity().name() + " " + opened.key() + ": " + opened.title();
            // a burst of openings stacks toasts down past the window's edge: beyond a few, one summary stands for them
            Notifications burst = Notifications.create()
                    .title("Incidents opening")
                    .text("More than " + MAX_TOASTS + " incidents opened in a few seconds: see the incidents list")
                    .owner(getScene().getWindow())
                    .position(Pos.TOP_RIGHT)
                    .hideAfter(javafx.util.Duration.seconds(8))
                    .onAction(e -> viewModel.showIncidents());
            Notifications.create()
                    .title("Incident opened: " + opened.severity().label())
                    .text(opened.key() + "  " + opened.title() + "\n" + opened.components().size() + " component(s)")
                    .owner(getScene().getWindow())
                    .position(Pos.TOP_RIGHT)
                    .hideAfter(javafx.util.Duration.seconds(8))
                    .onAction(e -> viewModel.openIncident(opened.id()))
                    .threshold(MAX_TOASTS, burst)
                    .showWarning();
        });
    }

    /** The text of the last desktop notification shown, for tests. */
    public String lastNotification() {
        return lastNotification;
    }

    public IncidentsView incidentsView() {
        return incidentsView;
    }

    /** The runbooks screen, once shown. */
    public RunbooksView runbooksView() {
        return runbooksView;
    }

    public ForecastView forecastView() {
        return forecastView;
    }

    public ConsoleViewModel viewModel() {
        return viewModel;
    }
}
