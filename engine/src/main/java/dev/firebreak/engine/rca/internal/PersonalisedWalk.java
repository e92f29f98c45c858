package dev.firebreak.engine.rca.internal;

import java.util.List;
import java.util.Map;

/**
 * Personalised PageRank from the symptom over the candidates (MicroRank / CloudRanger style). From a node the walker
 * steps down to a callee in proportion to how anomalous the callee is and how well its metrics follow the symptom's
 * series (just before and since the onset), back up to a caller a little, or stays when the node is more anomalous than all its callees; it
 * jumps back to the symptom with the restart chance. Where it spends its time is the score.
 */
final class PersonalisedWalk {

    private static final int ITERATIONS = 40;
    /** Stepping back up is allowed (the walk must not get stuck in a quiet corner) but rare. */
    private static final double BACKWARD = 0.2;
    /** Correlation only modulates: an uncorrelated anomalous callee is still worth a visit. */
    private static final double CORRELATION_FLOOR = 0.3;

    private final List<NodeState> candidates;
    private final Map<Integer, NodeState> states;
    private final int[][] callees;
    private final int[][] callers;
    private final double restart;
    private final int from;
    private final int until;
    private final double[] own;
    private final double[] symptom;

    PersonalisedWalk(List<NodeState> candidates, Map<Integer, NodeState> states, int[][] callees, int[][] callers,
            double restart, int anomalousFrom, int anomalousUntil, double[] own, double[] symptom) {
        this.candidates = candidates;
        this.states = states;
        this.callees = callees;
        this.callers = callers;
        this.restart = restart;
        this.from = anomalousFrom;
        this.until = anomalousUntil;
        this.own = own;
        this.symptom = symptom;
    }

    void apply() {
        int n = candidates.size();
        // local numbering: candidates are a part of the graph
        int[] local = new int[callees.length];
        java.util.Arrays.fill(local, -1);
        for (int i = 0; i < n; i++) {
            local[candidates.get(i).index] = i;
        }
        int[][] targets = new int[n][];
        double[][] weights = new double[n][];
        for (int i = 0; i < n; i++) {
            NodeState s = candidates.get(i);
            int[] down = callees[s.index];
            int[] up = callers[s.index];
            int[] t = new int[down.length + up.length + 1];
            double[] w = new double[t.length];
            int k = 0;
            double strongestCallee = 0;
            for (int c : down) {
                if (local[c] < 0) {
                    continue;
                }
                t[k] = local[c];
                w[k++] = own[c] * (CORRELATION_FLOOR + (1 - CORRELATION_FLOOR) * followsSymptom(states.get(c)));
                strongestCallee = Math.max(strongestCallee, own[c]);
            }
            for (int p : up) {
                if (local[p] < 0) {
                    continue;
                }
                t[k] = local[p];
                w[k++] = BACKWARD * own[p];
            }
            t[k] = i;
            w[k++] = Math.max(0, own[s.index] - strongestCallee);
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += w[j];
            }
            targets[i] = java.util.Arrays.copyOf(t, k);
            weights[i] = java.util.Arrays.copyOf(w, k);
            if (sum > 0) {
                for (int j = 0; j < k; j++) {
                    weights[i][j] /= sum;
                }
            }
        }
        double[] personal = new double[n];
        personal[0] = 1; // the symptom's node is the first candidate
        double[] rank = personal.clone();
        double[] next = new double[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            java.util.Arrays.fill(next, 0);
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                double mass = rank[i] * (1 - restart);
                double[] w = weights[i];
                double out = 0;
                for (int j = 0; j < w.length; j++) {
                    next[targets[i][j]] += mass * w[j];
                    out += w[j];
                }
                if (out == 0) {
                    dangling += mass;
                }
            }
            for (int i = 0; i < n; i++) {
                next[i] += (restart + 0) * personal[i] + dangling * personal[i];
            }
            double[] swap = rank;
            rank = next;
            next = swap;
        }
        double max = 0;
        for (double r : rank) {
            max = Math.max(max, r);
        }
        for (int i = 0; i < n; i++) {
            NodeState s = candidates.get(i);
            // a quiet node gains nothing by being where the walk passes through
            s.walk = max > 0 ? rank[i] / max * Math.min(1, own[s.index] * 4) : 0;
        }
    }

    /** The strongest absolute correlation of the node's metrics with the symptom's series (once per node). */
    private double followsSymptom(NodeState node) {
        if (symptom == null) {
            return 0;
        }
        if (!Double.isNaN(node.followsSymptom)) {
            return node.followsSymptom;
        }
        double best = 0;
        for (MetricReading r : node.readings) {
            best = Math.max(best, Math.abs(RobustStats.correlation(r.series(), symptom, from, until)));
        }
        node.followsSymptom = best;
        return best;
    }
}
