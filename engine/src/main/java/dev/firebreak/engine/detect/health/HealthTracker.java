package dev.firebreak.engine.detect.health;

import static dev.firebreak.engine.health.HealthState.CRITICAL;
import static dev.firebreak.engine.health.HealthState.DEGRADED;
import static dev.firebreak.engine.health.HealthState.FAILED;
import static dev.firebreak.engine.health.HealthState.HEALTHY;
import static dev.firebreak.engine.health.HealthState.RECOVERING;

import dev.firebreak.engine.detect.composite.CompositeScore;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.lifecycle.StateMachine;
import dev.firebreak.engine.lifecycle.Transitions;
import java.util.Objects;

/**
 * Health of one component driven by its composite score, with hysteresis: worsening needs a few
 * consecutive ticks (failure is immediate), improving needs more, and a component that was worse and is
 * quiet again is RECOVERING until it has stayed quiet for a while. Called from one thread.
 *
 * <p>While the composite still sees a deviation (degraded or worse) the state does not step down: the
 * score of a sustained fault falls after its onset because onset detectors (rate of change) stop firing,
 * not because the component got better, so a killed database stays critical while it is down. It steps
 * down only once the signals are back within their bands.
 */
public final class HealthTracker {

    /**
     * Every move detection makes between health states. Worsening goes straight to the state the score shows
     * (so HEALTHY may become FAILED at once); improving never skips a step: a component that was degraded or
     * worse becomes RECOVERING once quiet, and only RECOVERING becomes HEALTHY. Nothing steps down to a state
     * that is still a deviation (CRITICAL never becomes DEGRADED: it holds until quiet), and HEALTHY never
     * becomes RECOVERING.
     */
    public static final Transitions<HealthState> TRANSITIONS = Transitions.of(HealthState.class)
            .allow(HEALTHY, DEGRADED, CRITICAL, FAILED)
            .allow(RECOVERING, HEALTHY, DEGRADED, CRITICAL, FAILED)
            .allow(DEGRADED, RECOVERING, CRITICAL, FAILED)
            .allow(CRITICAL, RECOVERING, FAILED)
            .allow(FAILED, RECOVERING)
            .build();

    private final HealthConfig config;
    private final StateMachine<HealthState> machine = new StateMachine<>(TRANSITIONS, HEALTHY);
    /** Consecutive ticks the score has shown a worse state than the current one. */
    private int worse;
    /** Consecutive quiet ticks (the score shows no deviation) while the state is worse than healthy. */
    private int better;

    public HealthTracker(HealthConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public HealthState state() {
        return machine.state();
    }

    /** Feeds one tick and returns the (possibly new) state. */
    public HealthState update(CompositeScore score) {
        HealthState shown = shown(score);
        HealthState current = machine.state();
        if (shown.isWorseThan(current)) {
            better = 0;
            worse++;
            if (shown == FAILED || worse >= config.worsenTicks()) {
                machine.moveTo(shown);
                worse = 0;
            }
        } else if (current.isWorseThan(shown) && shown != HEALTHY) {
            // still deviating, only less than at the worst: hold the state, and count no quiet ticks
            worse = 0;
            better = 0;
        } else if (current.isWorseThan(shown)) {
            worse = 0;
            better++;
            boolean recovering = current == RECOVERING;
            if (better >= (recovering ? config.recoveredTicks() : config.improveTicks())) {
                machine.moveTo(recovering ? HEALTHY : RECOVERING);
                better = 0;
            }
        } else {
            worse = 0;
            better = 0;
        }
        return machine.state();
    }

    /** The state the score alone shows: HEALTHY, DEGRADED, CRITICAL or FAILED (never RECOVERING). */
    private HealthState shown(CompositeScore score) {
        if (score.score() >= config.failedScore()) {
            return FAILED;
        }
        if (score.severity().isAtLeast(config.criticalAt())) {
            return CRITICAL;
        }
        return score.severity().isAtLeast(config.degradedAt()) ? DEGRADED : HEALTHY;
    }
}
