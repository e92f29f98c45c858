package dev.firebreak.app.assembly;

import dev.firebreak.engine.detect.DetectionConfig;
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
    private final boolean paused;
    private final RealChecks realChecks;

    private ConsoleSessions(Supplier<DetectionConfig> detection, boolean paused, RealChecks realChecks) {
        this.detection = Objects.requireNonNull(detection, "detection");
        this.paused = paused;
        this.realChecks = Objects.requireNonNull(realChecks, "realChecks");
    }

    /** Sessions that run at once. */
    public static ConsoleSessions running(Supplier<DetectionConfig> detection) {
        return new ConsoleSessions(detection, false, RealChecks.none());
    }

    /** Sessions whose runner waits for play; tests step them by hand through {@link #assemble}. */
    public static ConsoleSessions paused(Supplier<DetectionConfig> detection) {
        return new ConsoleSessions(detection, true, RealChecks.none());
    }

    /** The same sessions with health checks against real endpoints ({@code --checks}). */
    public ConsoleSessions withRealChecks(RealChecks checks) {
        return new ConsoleSessions(detection, paused, checks);
    }

    /** The engine behind a session, for callers (tests, benchmarks) that step or inspect it. */
    public EngineSession assemble(Topology topology, long seed, double speed) {
        EngineOptions options = EngineOptions.console(seed, speed).withDetection(detection.get()).withRealChecks(realChecks);
        return EngineSession.assemble(topology, options).startRunner(paused);
    }

    @Override
    public ConsoleSession start(Topology topology, long seed, double speed) {
        return EnginePorts.of(assemble(topology, seed, speed));
    }
}
