package dev.firebreak.app.assembly;

import dev.firebreak.engine.detect.DetectionConfig;
import dev.firebreak.engine.sim.SimulationRunner;
import java.util.Objects;

/**
 * How one engine session is assembled.
 *
 * @param seed            seed of the simulation's randomness
 * @param speed           simulated seconds per wall-clock second for the runner, in [0.1, 3600]
 * @param detection       the detection settings to start with (saved, from --detection-config, or the defaults)
 * @param backgroundRefits whether ML models refit on a background thread (the console, paced runs) or on the
 *                        ticking thread itself (unpaced headless runs and tests, so that a seeded run repeats)
 * @param realChecks      health checks against real endpoints ({@code --checks}), replacing the simulated defaults of
 *                        the components they name
 */
public record EngineOptions(long seed, double speed, DetectionConfig detection, boolean backgroundRefits,
        RealChecks realChecks) {

    public EngineOptions {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(realChecks, "realChecks");
        if (!(speed >= SimulationRunner.MIN_SPEED && speed <= SimulationRunner.MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be in [" + SimulationRunner.MIN_SPEED + ", "
                    + SimulationRunner.MAX_SPEED + "], was " + speed);
        }
    }

    /** The console's: background refits, shipped detection settings, simulated checks only. */
    public static EngineOptions console(long seed, double speed) {
        return new EngineOptions(seed, speed, DetectionConfig.ofDefaults(), true, RealChecks.none());
    }

    public EngineOptions withDetection(DetectionConfig config) {
        return new EngineOptions(seed, speed, config, backgroundRefits, realChecks);
    }

    public EngineOptions withRealChecks(RealChecks checks) {
        return new EngineOptions(seed, speed, detection, backgroundRefits, checks);
    }
}
