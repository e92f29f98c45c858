package dev.firebreak.app.headless;

import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.views.session.SessionPorts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.app.cli.LaunchOptions;
import dev.firebreak.app.assembly.EngineOptions;
import dev.firebreak.app.wiring.EscalationPolicies;
import dev.firebreak.app.assembly.EngineSession;
import dev.firebreak.app.wiring.Notifications;
import dev.firebreak.app.assembly.RealChecks;
import dev.firebreak.app.assembly.RunbookSetup;
import dev.firebreak.app.assembly.EnginePorts;
import dev.firebreak.app.api.ApiStartException;
import dev.firebreak.app.api.RunbookApiServer;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.rca.FeedbackStore;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.store.Database;
import java.util.Optional;
import dev.firebreak.engine.check.CheckFileException;
import dev.firebreak.app.wiring.TopologyCatalog;
import dev.firebreak.engine.notify.NotificationConfigException;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.DetectionConfigException;
import dev.firebreak.engine.detect.config.DetectionConfigLoader;
import dev.firebreak.engine.escalation.EscalationConfigException;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine without a window: builds the topology and simulator, injects the requested faults,
 * runs for the requested simulated time (paced or flat out) and writes a JSON report of what
 * happened. Every input is validated before the first tick, so a typo fails fast instead of after
 * a two-hour run.
 */
public final class HeadlessRun {

    private final LaunchOptions options;
    private final PrintStream out;

    public HeadlessRun(LaunchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs to the end and returns the report (also written to --report or printed). */
    public ObjectNode run() throws TopologyException, DetectionConfigException, EscalationConfigException,
            NotificationConfigException, CheckFileException {
        Topology topology = TopologyCatalog.resolve(options.topology(), options.seed());
        RealChecks realChecks = options.checks().isPresent() ? RealChecks.fromFile(options.checks().get(), topology)
                : RealChecks.none();
        DetectionConfig detectionConfig = options.detectionConfig().isPresent()
                ? DetectionConfigLoader.load(options.detectionConfig().get()) : DetectionConfig.ofDefaults();
        // Unpaced runs refit on the run's own thread so a seeded run repeats; paced ones refit in the
        // background like the console, so a fit never delays a simulated second.
        EngineOptions engineOptions = new EngineOptions(options.seed(), options.speed().orElse(1), detectionConfig,
                options.speed().isPresent(), IncidentConfig.defaults(), EscalationPolicies.load(options),
                java.util.Optional.empty(), Notifications.load(options), realChecks,
                healing(options, SimulationConfig.DEFAULT_START));
        // A runbook's runs outlive the process (a restart finds an interrupted run), so they need the data directory.
        Optional<Database> database = usesDataDirectory() ? Optional.of(Database.openFile(options.dataDir()))
                : Optional.empty();
        RunbookSetup runbookSetup = database.map(db -> RunbookSetup.inDataDirectory(options.dataDir(), db))
                .orElseGet(RunbookSetup::inMemory);
        try (AutoCloseable closesDatabase = () -> database.ifPresent(Database::close);
                EngineSession engine = EngineSession.assemble(topology, engineOptions, IncidentStore.inMemory(),
                        FeedbackStore.inMemory(), runbookSetup)) {
            Optional<HeadlessRunbook> runbook = options.runbook().map(launch -> new HeadlessRunbook(launch, engine,
                    engine.clock().instant(), out));
            Optional<RunbookApiServer> api = startApi(engine, runbookSetup);
            Simulator simulator = engine.simulator();
            DetectionEngine detection = engine.detection();
            Instant runStart = engine.clock().instant();
            List<FaultSpec> faults = new ArrayList<>();
            for (String text : options.faults()) {
                faults.add(FaultSpecParser.parse(text, runStart));
            }
            for (int i = 0; i < faults.size(); i++) {
                try {
                    engine.faults().inject(faults.get(i));
                } catch (IllegalStateException e) {
                    throw new IllegalArgumentException("--inject " + options.faults().get(i) + ": " + e.getMessage(), e);
                }
            }
            long wallStart = System.nanoTime();
            long seconds = options.duration().toSeconds();
            try (RunRecorder recorder = new RunRecorder(simulator, detection, engine.store(), engine.events())) {
                for (long tick = 1; tick <= seconds; tick++) {
                    engine.step();
                    Instant now = engine.clock().instant();
                    runbook.ifPresent(r -> r.tick(now));
                    pace(wallStart, tick);
                }
                double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
                ObjectNode report = RunReport.build(options, topology, runStart, engine.clock().instant(), wallSeconds,
                        faults, recorder, simulator, detection, engine.health(),
                        engine.incidents(), engine.rootCauses());
                RunbookRunsReport.write(report, engine.runbooks());
                HealingReport.write(report, engine.healing());
                runbook.filter(r -> !r.refusal().isEmpty()).ifPresent(r -> report.put("runbookRefused", r.refusal()));
                api.ifPresent(RunbookApiServer::close);
                write(report);
                out.printf("firebreak: simulated %s of %s (%d components) in %.1f s wall; %d fault(s), %d anomaly report(s), %d detected health change(s), %d component(s) ended unhealthy; %d check verdict change(s), %d assessed health change(s); %d incident(s)%n",
                        dev.firebreak.engine.time.Durations.format(options.duration()), topology.name(), topology.size(),
                        wallSeconds, faults.size(), recorder.anomalies.size(), recorder.healthChanges.size(),
                        countUnhealthy(detection, topology.size()), recorder.checkedChanges.size(),
                        recorder.assessedChanges.size(), engine.incidents().incidents().size());
                out.printf("firebreak: healing %s: %d decision(s), %d action(s), %d verified%n",
                        engine.healing().config().modeFor(engine.healing().environment()).label(),
                        engine.healing().decisions().size(), engine.healing().actions().size(),
                        engine.healing().actions().stream().filter(a -> a.state()
                                == dev.firebreak.engine.heal.HealingState.SUCCEEDED).count());
                return report;
            }
        } catch (TopologyException | DetectionConfigException | EscalationConfigException | NotificationConfigException
                | CheckFileException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the run failed: " + e.getMessage(), e);
        }
    }

    private boolean usesDataDirectory() {
        return options.runbook().isPresent() || options.api().isPresent();
    }

    /** Healing as the command line asks: its mode, its strategies, and its change freezes from the run's start. */
    public static dev.firebreak.engine.heal.HealingConfig healing(LaunchOptions options, Instant start) {
        dev.firebreak.engine.heal.HealingConfig config = dev.firebreak.engine.heal.HealingConfig.defaults()
                .withDefaultMode(options.headlessHealing());
        if (options.healingStrategies().isPresent()) {
            config = config.withStrategies(options.healingStrategies().get());
        }
        for (var freeze : options.changeFreezes()) {
            config = config.withFreeze(freeze.from(start));
        }
        return config;
    }

    private Optional<RunbookApiServer> startApi(EngineSession engine, RunbookSetup setup) {
        try {
            SessionPorts ports = EnginePorts.of(engine);
            Optional<RunbookApiServer> api = RunbookApiServer.startIfAsked(options, ports.runbooks(), ports.healing(),
                    setup.executions()::saveOutcome, options.dataDir());
            api.ifPresent(server -> out.printf("firebreak: runbook API on port %d (token in %s)%n",
                    server.address().map(a -> a.getPort()).orElse(-1),
                    options.dataDir().resolve("api-token")));
            return api;
        } catch (ApiStartException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private void pace(long wallStart, long tick) {
        if (options.speed().isEmpty()) {
            return;
        }
        long due = wallStart + (long) (tick * TimeUnit.SECONDS.toNanos(1) / options.speed().getAsDouble());
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static long countUnhealthy(DetectionEngine detection, int components) {
        long count = 0;
        for (int i = 0; i < components; i++) {
            if (detection.state(i) != HealthState.HEALTHY) {
                count++;
            }
        }
        return count;
    }

    private void write(ObjectNode report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            if (options.report().isEmpty()) {
                out.println(mapper.writeValueAsString(report));
                return;
            }
            Path target = options.report().get().toAbsolutePath();
            Files.createDirectories(target.getParent());
            // Write beside the target and move: a run killed mid-write never leaves half a report.
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            mapper.writeValue(partial.toFile(), report);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + options.report().orElse(null) + ": " + e.getMessage(), e);
        }
    }

    static ArrayNode array(ObjectNode parent, String name) {
        return parent.putArray(name);
    }
}
