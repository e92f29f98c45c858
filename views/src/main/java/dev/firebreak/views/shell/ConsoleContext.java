package dev.firebreak.views.shell;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.session.SessionFactory;
import dev.firebreak.views.task.TaskExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the console needs from the application that hosts it.
 *
 * @param topologies      the topologies offered in the toolbar, by display name, in menu order; loaded on demand
 * @param sessions        starts a running session for a topology and seed
 * @param themePreference where the light/dark choice is remembered
 * @param initialTopology name (a key of {@code topologies}) shown first
 * @param initialSeed     seed of the first session
 * @param initialSpeed    simulated seconds per wall-clock second at start, in [0.1, 3600]
 * @param tasks           where long work started from the UI runs (session starts, later exports and analyses)
 * @param operatorPreference who the person at the console is (their name goes on timelines and the audit log);
 *                        nothing saved means the OS user
 */
public record ConsoleContext(Map<String, Supplier<Topology>> topologies, SessionFactory sessions,
        Preference themePreference, String initialTopology, long initialSeed, double initialSpeed,
        TaskExecutor tasks, Preference operatorPreference) {

    public ConsoleContext {
        Objects.requireNonNull(topologies, "topologies");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(themePreference, "themePreference");
        Objects.requireNonNull(initialTopology, "initialTopology");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(operatorPreference, "operatorPreference");
        if (topologies.isEmpty()) {
            throw new IllegalArgumentException("the console needs at least one topology");
        }
        if (!topologies.containsKey(initialTopology)) {
            throw new IllegalArgumentException("initial topology '" + initialTopology + "' is not one of " + topologies.keySet());
        }
        if (!(initialSpeed >= ConsoleViewModel.MIN_SPEED && initialSpeed <= ConsoleViewModel.MAX_SPEED)) {
            throw new IllegalArgumentException("initial speed must be in [" + ConsoleViewModel.MIN_SPEED + ", "
                    + ConsoleViewModel.MAX_SPEED + "], was " + initialSpeed);
        }
        topologies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topologies));
    }
}
