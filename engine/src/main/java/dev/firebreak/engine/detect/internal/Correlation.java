package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.topology.Topology;
import java.util.Objects;

/**
 * The correlation family's evidence (the seed's "related components anomalous"): the worst score of a
 * component's callers and callees at the previous tick. Detection thread only.
 */
public final class Correlation {

    private final Topology topology;
    /** Each component's composite score at the previous tick. */
    private final double[] previous;

    public Correlation(Topology topology) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.previous = new double[topology.size()];
    }

    /**
     * The worst previous score, at least low, of the component's callees and callers, or NaN for no opinion;
     * asked only when the component itself shows something (otherwise every healthy neighbour of a failing
     * service would light up).
     */
    public double of(int c, boolean componentShowsSomething) {
        if (!componentShowsSomething) {
            return Double.NaN;
        }
        double worst = worstRelated(Double.NaN, topology.calleesOf(c));
        return worstRelated(worst, topology.callersOf(c));
    }

    /** Keeps component {@code c}'s score of this tick for the next one; call once every component is scored. */
    public void remember(int c, double score) {
        previous[c] = score;
    }

    private double worstRelated(double worst, int[] related) {
        for (int r : related) {
            if (Severity.ofScore(previous[r]).isAtLeast(Severity.LOW)) {
                worst = Double.isNaN(worst) ? previous[r] : Math.max(worst, previous[r]);
            }
        }
        return worst;
    }
}
