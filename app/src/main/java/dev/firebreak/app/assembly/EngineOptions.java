package dev.firebreak.app.assembly;

import dev.firebreak.engine.heal.HealingConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.escalation.EscalationConfig;
import dev.firebreak.engine.escalation.EscalationConfigException;
import dev.firebreak.engine.escalation.EscalationConfigLoader;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.notify.NotificationConfig;
import dev.firebreak.engine.sim.SimulationRunner;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one engine session is assembled.
 *
 * @param seed            seed of the simulation's randomness
 * @param speed           simulated seconds per wall-clock second for the runner, in [0.1, 3600]
 * @param detection       the detection settings to start with (saved, from --detection-config, or the defaults)
 * @param backgroundRefits whether ML models refit on a background thread (the console, paced runs) or on the
 *                        ticking thread itself (unpaced headless runs and tests, so that a seeded run repeats)
 * @param incidents       how alerts are grouped into incidents and when they resolve
 * @param escalation      escalation policies, on-call rotations and trigger thresholds
 * @param start           simulated time at the start; empty for the simulator's default start
 * @param notifications   where incident notifications go (none by default)
 * @param realChecks      health checks against real endpoints ({@code --checks}), replacing the simulated defaults of
 *                        the components they name
 * @param healing         how self-healing decides (its mode per environment, thresholds, gates)
 */
public record EngineOptions(long seed, double speed, DetectionConfig detection, boolean backgroundRefits,
        IncidentConfig incidents, EscalationConfig escalation, Optional<Instant> start, NotificationConfig notifications,
        RealChecks realChecks, HealingConfig healing) {

    public EngineOptions {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(realChecks, "realChecks");
        Objects.requireNonNull(healing, "healing");
        if (!(speed >= SimulationRunner.MIN_SPEED && speed <= SimulationRunner.MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be in [" + SimulationRunner.MIN_SPEED + ", "
                    + SimulationRunner.MAX_SPEED + "], was " + speed);
        }
    }

    /** The console's: background refits, shipped detection settings, simulated checks only. */
    public static EngineOptions console(long seed, double speed) {
        return new EngineOptions(seed, speed, DetectionConfig.ofDefaults(), true, IncidentConfig.defaults(),
                shippedEscalation(), Optional.empty(), NotificationConfig.none(), RealChecks.none(),
                HealingConfig.defaults());
    }

    public EngineOptions withDetection(DetectionConfig config) {
        return new EngineOptions(seed, speed, config, backgroundRefits, incidents, escalation, start, notifications,
                realChecks, healing);
    }

    public EngineOptions withRealChecks(RealChecks checks) {
        return new EngineOptions(seed, speed, detection, backgroundRefits, incidents, escalation,
                start, notifications, checks, healing);
    }

    public EngineOptions withEscalation(EscalationConfig config) {
        return new EngineOptions(seed, speed, detection, backgroundRefits, incidents, config,
                start, notifications, realChecks, healing);
    }

    public EngineOptions withNotifications(NotificationConfig config) {
        return new EngineOptions(seed, speed, detection, backgroundRefits, incidents, escalation,
                start, config, realChecks, healing);
    }

    public EngineOptions withHealing(HealingConfig config) {
        return new EngineOptions(seed, speed, detection, backgroundRefits, incidents, escalation, start, notifications,
                realChecks, config);
    }

    /** The same options for a run (headless, unpaced: refits on the ticking thread) starting at {@code at}. */
    public static EngineOptions headless(long seed, Instant at) {
        return new EngineOptions(seed, 1, DetectionConfig.ofDefaults(), false, IncidentConfig.defaults(),
                shippedEscalation(), Optional.of(at), NotificationConfig.none(), RealChecks.none(),
                HealingConfig.defaults());
    }

    /** The escalation policies shipped in sample-data ({@code escalation/policies.yaml}). */
    public static EscalationConfig shippedEscalation() {
        try {
            return EscalationConfigLoader.loadResource(SHIPPED_ESCALATION);
        } catch (EscalationConfigException e) {
            // the shipped file is tested; if it is broken, the message names file and line
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static final String SHIPPED_ESCALATION = "escalation/policies.yaml";
}
