package dev.firebreak.views.testing;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyGenerator;
import dev.firebreak.engine.topology.TopologyLoader;

/** The topologies screen tests use: the shipped shop (25 components) and a synthetic 2,000. */
public final class Topologies {

    private Topologies() {
    }

    public static Topology shop() {
        try {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        } catch (TopologyException e) {
            throw new IllegalStateException("the shipped shop topology does not load", e);
        }
    }

    public static Topology synthetic2000() {
        return TopologyGenerator.generate(2000, 7);
    }
}
