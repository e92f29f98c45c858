package dev.firebreak.views.session;

import dev.firebreak.engine.topology.Topology;

/** Starts a running session for a topology; the console calls it again whenever topology or seed change. */
@FunctionalInterface
public interface SessionFactory {

    /**
     * @param topology what to run
     * @param seed     seed of the simulation's randomness
     * @param speed    initial simulated seconds per wall-clock second
     */
    ConsoleSession start(Topology topology, long seed, double speed);
}
