package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.composite.CompositeScore;
import dev.firebreak.engine.detect.health.HealthConfig;
import dev.firebreak.engine.detect.health.HealthTracker;
import dev.firebreak.engine.health.HealthState;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every component's detected health: one {@link HealthTracker} each, moved on the detection thread, and the
 * states as any thread may read them.
 */
public final class ComponentHealth {

    private final HealthTracker[] trackers;
    private final AtomicReferenceArray<HealthState> states;

    public ComponentHealth(int components, HealthConfig config) {
        this.trackers = new HealthTracker[components];
        this.states = new AtomicReferenceArray<>(components);
        for (int c = 0; c < components; c++) {
            trackers[c] = new HealthTracker(config);
            states.set(c, HealthState.HEALTHY);
        }
    }

    /** Component {@code c}'s state; any thread. */
    public HealthState state(int c) {
        return states.get(c);
    }

    /** Feeds component {@code c}'s composite at this tick; returns whether its state changed. */
    public boolean update(int c, CompositeScore score) {
        HealthState after = trackers[c].update(score);
        if (after == states.get(c)) {
            return false;
        }
        states.set(c, after);
        return true;
    }
}
