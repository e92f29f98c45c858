package dev.firebreak.engine.detect.health;

import dev.firebreak.engine.detect.composite.CompositeScore;
import dev.firebreak.engine.health.HealthState;

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

    private final HealthConfig config;
    private HealthState state = HealthState.HEALTHY;
    private int worse;
    private int better;

    public HealthTracker(HealthConfig config) {
        this.config = config;
    }

    public HealthState state() {
        return state;
    }

    /** Feeds one tick and returns the (possibly new) state. */
    public HealthState update(CompositeScore score) {
        int target = level(score);
        int current = state.severity();
        if (target > current) {
            better = 0;
            worse++;
            if (target == 4 || worse >= config.worsenTicks()) {
                state = HealthState.ofSeverity(target);
                worse = 0;
            }
        } else if (target < current && target > 0) {
            // still deviating, only less than at the worst: hold the state, and count no quiet ticks
            worse = 0;
            better = 0;
        } else if (target < current) {
            worse = 0;
            better++;
            if (state == HealthState.RECOVERING) {
                if (better >= config.recoveredTicks()) {
                    state = HealthState.HEALTHY;
                    better = 0;
                }
            } else if (better >= config.improveTicks()) {
                state = HealthState.RECOVERING;
                better = 0;
            }
        } else {
            worse = 0;
            better = 0;
        }
        return state;
    }

    private int level(CompositeScore score) {
        if (score.score() >= config.failedScore()) {
            return 4;
        }
        if (score.severity().isAtLeast(config.criticalAt())) {
            return 3;
        }
        return score.severity().isAtLeast(config.degradedAt()) ? 2 : 0;
    }
}
