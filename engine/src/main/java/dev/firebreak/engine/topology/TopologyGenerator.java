package dev.firebreak.engine.topology;

import dev.firebreak.engine.topology.internal.LayeredTopologyBuilder;

/**
 * Generates large synthetic topologies for load tests, benchmarks and demos.
 *
 * <p>The shape is layered: a few gateways at tier 0, services in tiers 1 to 4 that each call 2 to 6
 * components further down, and a shared data tier (5) of databases (some with a read replica), caches,
 * queues, object stores, search indexes and external APIs, where the calls of many services fan in.
 * Calls only ever go to a higher tier, so the graph is acyclic by construction, and every component
 * below tier 0 gets at least one caller, so everything is reachable from a gateway. Capacities are
 * sized from the steady load at the given entry rate so that each component runs at about
 * {@value #TARGET_UTILISATION} utilisation. The same size and seed always give the same topology.
 */
public final class TopologyGenerator {

    /** Entry rate the capacities are sized for unless told otherwise, in requests per second. */
    public static final double DEFAULT_ENTRY_REQUESTS_PER_SECOND = 1_500;
    /** Fraction of capacity each component uses at the entry rate the topology is sized for. */
    public static final double TARGET_UTILISATION = 0.5;
    /** Fewer components cannot fill one gateway, four service tiers and a data tier. */
    public static final int MINIMUM_COMPONENTS = 8;

    private TopologyGenerator() {
    }

    /** A topology of exactly {@code components} components sized for {@link #DEFAULT_ENTRY_REQUESTS_PER_SECOND}. */
    public static Topology generate(int components, long seed) {
        return generate(components, seed, DEFAULT_ENTRY_REQUESTS_PER_SECOND);
    }

    /**
     * @param components             exact number of components, at least {@link #MINIMUM_COMPONENTS}
     * @param seed                   same seed, same topology
     * @param entryRequestsPerSecond traffic entering at the gateways that capacities are sized for
     * @throws IllegalArgumentException if components is below the minimum or the rate is not positive
     */
    public static Topology generate(int components, long seed, double entryRequestsPerSecond) {
        if (components < MINIMUM_COMPONENTS) {
            throw new IllegalArgumentException("components must be >= " + MINIMUM_COMPONENTS + ", was " + components);
        }
        if (!(entryRequestsPerSecond > 0) || Double.isInfinite(entryRequestsPerSecond)) {
            throw new IllegalArgumentException("entry rate must be a positive number, was " + entryRequestsPerSecond);
        }
        return new LayeredTopologyBuilder(components, seed).build(entryRequestsPerSecond, TARGET_UTILISATION);
    }
}
