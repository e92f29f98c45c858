package dev.firebreak.app.assembly;

import dev.firebreak.app.cli.ChangeFreezeSpec;
import dev.firebreak.engine.sim.SimulationConfig;
import java.util.List;
import dev.firebreak.engine.heal.HealingConfig;
import dev.firebreak.views.shell.Preference;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.escalation.EscalationConfig;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.rca.FeedbackStore;
import dev.firebreak.engine.notify.NotificationConfig;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.SessionFactory;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The console's sessions: each an {@link EngineSession} assembled with the detection settings in force when it
 * starts (so a topology switch keeps what the person saved), adapted to the views' ports, its runner started.
 */
public final class ConsoleSessions implements SessionFactory {

    private final Supplier<DetectionConfig> detection;
    private final IncidentStore incidents;
    private final NotificationConfig notifications;
    private final boolean paused;
    private final RealChecks realChecks;
    private final EscalationConfig escalation;
    private final FeedbackStore verdicts;
    private final RunbookSetup runbooks;
    private final HealingSettings healing;
    private final List<ChangeFreezeSpec> freezes;

    private ConsoleSessions(Supplier<DetectionConfig> detection, IncidentStore incidents, NotificationConfig notifications,
            boolean paused, RealChecks realChecks, EscalationConfig escalation, FeedbackStore verdicts, RunbookSetup runbooks,
            HealingSettings healing, List<ChangeFreezeSpec> freezes) {
        this.healing = Objects.requireNonNull(healing, "healing");
        this.freezes = List.copyOf(freezes);
        this.runbooks = Objects.requireNonNull(runbooks, "runbooks");
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.detection = Objects.requireNonNull(detection, "detection");
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.paused = paused;
        this.realChecks = Objects.requireNonNull(realChecks, "realChecks");
        this.escalation = Objects.requireNonNull(escalation, "escalation");
    }

    /** Sessions that run at once, keeping incidents in {@code incidents} (the console's database). */
    public static ConsoleSessions running(Supplier<DetectionConfig> detection, IncidentStore incidents,
            NotificationConfig notifications) {
        return new ConsoleSessions(detection, incidents, notifications, false, RealChecks.none(),
                EngineOptions.shippedEscalation(), FeedbackStore.inMemory(),
                RunbookSetup.inMemory(), HealingSettings.inMemory(), List.of());
    }

    /** Sessions whose runner waits for play, incidents in memory; tests step them by hand through {@link #assemble}. */
    public static ConsoleSessions paused(Supplier<DetectionConfig> detection) {
        return paused(detection, NotificationConfig.none());
    }

    public static ConsoleSessions paused(Supplier<DetectionConfig> detection, NotificationConfig notifications) {
        return new ConsoleSessions(detection, IncidentStore.inMemory(), notifications, true, RealChecks.none(),
                EngineOptions.shippedEscalation(), FeedbackStore.inMemory(),
                RunbookSetup.inMemory(), HealingSettings.inMemory(), List.of());
    }

    /** The same sessions with health checks against real endpoints ({@code --checks}). */
    public ConsoleSessions withRealChecks(RealChecks checks) {
        return new ConsoleSessions(detection, incidents, notifications, paused, checks, escalation, verdicts, runbooks,
                healing, freezes);
    }

    /** The same sessions with other escalation policies and rotations ({@code --escalation}, or the data directory's). */
    public ConsoleSessions withEscalation(EscalationConfig config) {
        return new ConsoleSessions(detection, incidents, notifications, paused, realChecks, config, verdicts, runbooks,
                healing, freezes);
    }

    /** The same sessions keeping people's verdicts on diagnosed causes in {@code store} (the console's database). */
    public ConsoleSessions withVerdicts(FeedbackStore store) {
        return new ConsoleSessions(detection, incidents, notifications, paused, realChecks, escalation, store, runbooks,
                healing, freezes);
    }

    /** The same sessions keeping runbook runs and finding runbooks as {@code setup} says (the console's data directory). */
    public ConsoleSessions withRunbooks(RunbookSetup setup) {
        return new ConsoleSessions(detection, incidents, notifications, paused, realChecks, escalation, verdicts, setup,
                healing, freezes);
    }

    /** The same sessions starting healing in the mode {@code mode} holds (shadow when nothing was saved), saving changes there. */
    public ConsoleSessions withHealingMode(Preference mode) {
        return new ConsoleSessions(detection, incidents, notifications, paused, realChecks, escalation, verdicts, runbooks,
                healing.withMode(mode), freezes);
    }

    /** The same sessions starting healing with the strategies {@code strategies} holds (all when none), saving changes there. */
    public ConsoleSessions withHealingStrategies(Preference strategies) {
        return new ConsoleSessions(detection, incidents, notifications, paused, realChecks, escalation, verdicts, runbooks,
                healing.withStrategies(strategies), freezes);
    }

    /** The same sessions keeping healing out of these change freezes ({@code --change-freeze}, from each session's start). */
    public ConsoleSessions withChangeFreezes(List<ChangeFreezeSpec> specs) {
        return new ConsoleSessions(detection, incidents, notifications, paused, realChecks, escalation, verdicts, runbooks,
                healing, specs);
    }

    private HealingConfig healingConfig(java.time.Instant start) {
        HealingConfig defaults = HealingConfig.defaults();
        HealingConfig config = defaults.withDefaultMode(healing.savedMode())
                .withStrategies(healing.savedStrategies(defaults.strategies()));
        for (ChangeFreezeSpec freeze : freezes) {
            config = config.withFreeze(freeze.from(start));
        }
        return config;
    }

    /** The engine behind a session, for callers (tests, benchmarks) that step or inspect it. */
    public EngineSession assemble(Topology topology, long seed, double speed) {
        EngineOptions options = EngineOptions.console(seed, speed).withDetection(detection.get())
                .withNotifications(notifications).withRealChecks(realChecks).withEscalation(escalation)
                .withHealing(healingConfig(SimulationConfig.DEFAULT_START));
        return EngineSession.assemble(topology, options, incidents, verdicts, runbooks).startRunner(paused);
    }

    @Override
    public ConsoleSession start(Topology topology, long seed, double speed) {
        return EnginePorts.of(assemble(topology, seed, speed), healing);
    }
}
