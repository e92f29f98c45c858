package dev.firebreak.app.wiring;

import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.app.cli.LaunchOptions;
import dev.firebreak.engine.store.AuditLog;
import dev.firebreak.engine.store.DataDirectoryInUseException;
import dev.firebreak.engine.store.DataDirectoryLock;
import dev.firebreak.app.assembly.RunbookSetup;
import dev.firebreak.app.api.ApiStartException;
import dev.firebreak.app.api.RunbookApiServer;
import java.util.Optional;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.store.StoreException;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.app.assembly.ConsoleSessions;
import dev.firebreak.engine.detect.config.DetectionConfigException;
import dev.firebreak.app.assembly.RealChecks;
import dev.firebreak.engine.check.CheckFileException;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.views.task.UiTaskExecutor;
import dev.firebreak.views.session.SessionFactory;
import dev.firebreak.views.session.SessionPorts;
import dev.firebreak.views.shell.ConsoleContext;
import dev.firebreak.views.shell.ConsoleView;
import dev.firebreak.views.shell.Preference;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.escalation.EscalationConfig;
import dev.firebreak.engine.escalation.EscalationConfigException;
import dev.firebreak.engine.rca.FeedbackStore;
import dev.firebreak.engine.notify.NotificationConfig;
import dev.firebreak.engine.notify.NotificationConfigException;
import dev.firebreak.views.shell.ConsoleViewModel;
import dev.firebreak.views.shell.Theme;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the console: takes the data directory, opens the database, builds the context the views
 * need, and shows the window. Problems a person can fix (data directory in use, unreadable
 * database) are shown as a message, not a stack trace.
 */
public final class ConsoleApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApplication.class);
    private static LaunchOptions options;
    private static String startupProblem;
    private static DataDirectoryLock lock;
    private static Database database;
    private static SavedDetectionSettings detectionSettings;
    private static NotificationConfig notifications;
    private static RealChecks realChecks = RealChecks.none();
    private static EscalationConfig escalation;
    private UiTaskExecutor tasks;
    private Optional<RunbookApiServer> api = Optional.empty();

    private ConsoleViewModel viewModel;

    /** Takes the data directory, then runs the JavaFX application until its window closes. */
    public static int launch(LaunchOptions launchOptions, PrintStream err) {
        options = Objects.requireNonNull(launchOptions);
        try {
            lock = DataDirectoryLock.acquire(options.dataDir());
            database = Database.openFile(options.dataDir());
            detectionSettings = SavedDetectionSettings.load(options.dataDir(), options.detectionConfig());
            notifications = Notifications.load(options);
            realChecks = realChecks(options);
            escalation = EscalationPolicies.load(options);
        } catch (EscalationConfigException e) {
            startupProblem = "Firebreak cannot read its escalation policies: " + e.getMessage();
        } catch (NotificationConfigException e) {
            startupProblem = "Firebreak cannot read its notification channels: " + e.getMessage();
        } catch (CheckFileException e) {
            startupProblem = "Firebreak cannot read its health checks: " + e.getMessage();
        } catch (TopologyException e) {
            startupProblem = "Firebreak cannot read its topology: " + e.getMessage();
        } catch (DetectionConfigException e) {
            startupProblem = "Firebreak cannot read its detection settings: " + e.getMessage()
                    + " (fix the file, or delete it to start from the shipped defaults)";
        } catch (DataDirectoryInUseException e) {
            startupProblem = e.getMessage();
        } catch (StoreException e) {
            startupProblem = "Firebreak cannot open its data in " + options.dataDir() + ": " + e.getMessage();
        }
        if (startupProblem != null) {
            err.println("firebreak: " + startupProblem);
        }
        try {
            Application.launch(ConsoleApplication.class);
        } catch (UnsupportedOperationException e) {
            // No display (e.g. over SSH): the message above is all a person will see.
            err.println("firebreak: cannot open a window: " + e.getMessage() + " (use --headless to run without one)");
            return startupProblem == null ? 1 : 3;
        }
        return startupProblem == null ? 0 : 3;
    }

    /** The real checks of --checks, checked against the topology the console starts on. */
    private static RealChecks realChecks(LaunchOptions launchOptions) throws CheckFileException, TopologyException {
        if (launchOptions.checks().isEmpty()) {
            return RealChecks.none();
        }
        Topology initial = TopologyCatalog.resolve(launchOptions.topology(), launchOptions.seed());
        return RealChecks.fromFile(launchOptions.checks().get(), initial);
    }

    @Override
    public void start(Stage stage) {
        if (startupProblem != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, startupProblem);
            alert.setHeaderText("Firebreak cannot start");
            alert.setTitle("Firebreak");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        SettingsPreference themes = new SettingsPreference(database.settings(), SettingsPreference.THEME);
        ConsoleView.applyTheme(Theme.fromKey(themes.load()));
        Map<String, Supplier<Topology>> topologies = TopologyCatalog.consoleChoices(options.seed());
        String initial = initialTopologyName(topologies);
        AuditLog audit = database.auditLog();
        SettingsPreference operator = new SettingsPreference(database.settings(), SettingsPreference.OPERATOR);
        Supplier<String> actor = () -> operatorName(operator);
        tasks = new UiTaskExecutor();
        ExecutionStore runs = ExecutionStore.jdbc(database);
        CurrentRunbookDesk runbookDesk = new CurrentRunbookDesk();
        ConsoleContext context = new ConsoleContext(topologies,
                sessions(ConsoleSessions.running(detectionSettings::current, IncidentStore.in(database), notifications)
                        .withRealChecks(realChecks).withEscalation(escalation).withVerdicts(FeedbackStore.in(database))
                        .withRunbooks(RunbookSetup.inDataDirectory(options.dataDir(), database))
                        .withHealingMode(healingMode(database))
                        .withHealingStrategies(healingStrategies(database))
                        .withChangeFreezes(options.changeFreezes()),
                        detectionSettings, audit, actor, runbookDesk), themes, initial, options.seed(),
                options.speed().orElse(1), tasks, operator);
        viewModel = new ConsoleViewModel(context);
        ConsoleView view = new ConsoleView(viewModel);
        Scene scene = new Scene(view, 1440, 900);
        stage.setTitle("Firebreak");
        stage.setScene(scene);
        stage.show();
        viewModel.start();
        startApi(runbookDesk, runs);
        audit.append(actor.get(), "console.started", options.dataDir().toString(), Map.of("topology", initial, "seed", options.seed()));
        LOG.info("Console started on {} with seed {}", initial, options.seed());
    }

    /**
     * The console's sessions: assembled by the composition root with the saved detection settings, every
     * command audited first, and applied detection settings saved for the next session and the next start.
     */
    static SessionFactory sessions(ConsoleSessions engine, SavedDetectionSettings settings, AuditLog audit,
            Supplier<String> actor) {
        return sessions(engine, settings, audit, actor, new CurrentRunbookDesk());
    }

    static SessionFactory sessions(ConsoleSessions engine, SavedDetectionSettings settings, AuditLog audit,
            Supplier<String> actor, CurrentRunbookDesk runbooks) {
        SessionFactory saving = (topology, seed, speed) -> {
            SessionPorts ports = SessionPorts.of(engine.start(topology, seed, speed));
            runbooks.use(ports.runbooks());
            runbooks.use(ports.healing());
            return ports.withDetection(settings.saving(ports.detection()));
        };
        return new AuditedSessions(saving, audit, actor);
    }

    /** The operator set in the console, or the OS user. */
    static String operatorName(Preference operator) {
        String saved = operator.load();
        return saved == null || saved.isBlank() ? System.getProperty("user.name", "operator") : saved;
    }

    private String initialTopologyName(Map<String, Supplier<Topology>> topologies) {
        if (options.topology().startsWith(TopologyCatalog.SYNTHETIC)) {
            return topologies.keySet().stream().filter(name -> name.startsWith("Synthetic")).findFirst().orElseThrow();
        }
        if (!options.topology().equals(TopologyCatalog.SHOP)) {
            String name = "File: " + options.topology();
            topologies.put(name, () -> TopologyCatalog.resolveFile(options.topology()));
            return name;
        }
        return topologies.keySet().iterator().next();
    }

    /** The healing mode kept in the settings; {@code --healing} given on the command line replaces it. */
    private SettingsPreference healingMode(Database database) {
        SettingsPreference mode = new SettingsPreference(database.settings(), SettingsPreference.HEALING_MODE);
        options.healing().ifPresent(asked -> mode.save(asked.name()));
        return mode;
    }

    /** The healing strategies kept in the settings; {@code --healing-strategies} given on the command line replaces them. */
    private SettingsPreference healingStrategies(Database database) {
        SettingsPreference strategies = new SettingsPreference(database.settings(), SettingsPreference.HEALING_STRATEGIES);
        options.healingStrategies().ifPresent(asked -> strategies.save(Strategy.labels(asked, ",")));
        return strategies;
    }

    /** The runbook API, if --api asked for it; a failure to start it is reported and the console runs on without it. */
    private void startApi(CurrentRunbookDesk runbookDesk, ExecutionStore runs) {
        try {
            api = RunbookApiServer.startIfAsked(options, runbookDesk.desk(), runbookDesk.healing(), runs::saveOutcome,
                    options.dataDir());
        } catch (ApiStartException e) {
            LOG.error("The runbook API did not start: {}", e.getMessage());
            Alert alert = new Alert(Alert.AlertType.WARNING, e.getMessage());
            alert.setHeaderText("The runbook API did not start");
            alert.show();
        }
    }

    @Override
    public void stop() {
        api.ifPresent(RunbookApiServer::close);
        if (viewModel != null) {
            viewModel.close();
        }
        if (tasks != null) {
            tasks.close();
        }
        if (database != null) {
            database.close();
        }
        if (lock != null) {
            lock.close();
        }
    }
}
