package dev.firebreak.engine.rca.internal;

import java.util.List;
import java.util.Map;

/**
 * Reads the call graph with the onsets: which anomalies are passed-on ones. A caller whose callee moved no later is
 * explained by it (faults travel up the calls); a node whose traffic moved after a caller's did is busy because it was
 * called more (load travels down); a node whose traffic dropped while a caller fails and the callers' traffic did not
 * drop is where the calls are lost.
 */
final class Explanations {

    private final List<NodeState> candidates;
    private final Map<Integer, NodeState> states;
    private final int[][] callees;
    private final int[][] callers;
    private final double threshold;
    private final long tolerance;
    /** Lost traffic below a failing caller counts from half the usual threshold. */
    private static final double LOST_TRAFFIC_SHARE = 0.5;

    Explanations(List<NodeState> candidates, Map<Integer, NodeState> states, int[][] callees, int[][] callers,
            double threshold, long tolerance) {
        this.candidates = candidates;
        this.states = states;
        this.callees = callees;
        this.callers = callers;
        this.threshold = threshold;
        this.tolerance = tolerance;
    }

    void apply() {
        for (NodeState s : candidates) {
            s.loadFromAbove = loadFromAbove(s);
        }
        for (NodeState s : candidates) {
            s.explainedBy = explainingCallee(s);
        }
        // a failing caller that nothing below explains points at its callees: a smaller traffic drop is enough to
        // say which one its calls are lost to
        boolean found = false;
        for (NodeState s : candidates) {
            long failing = unexplainedFailingCallersOnset(s);
            if (!s.loadFromAbove && failing != Long.MAX_VALUE) {
                s.callersOnset = failing;
                s.trafficLost(threshold * LOST_TRAFFIC_SHARE);
                found |= s.lostTraffic;
            }
        }
        if (found) {
            for (NodeState s : candidates) {
                s.explainedBy = explainingCallee(s);
            }
        }
    }

    private boolean loadFromAbove(NodeState s) {
        if (!s.trafficMoved(threshold)) {
            return false;
        }
        long onset = s.trafficOnset(threshold);
        for (int p : callers[s.index]) {
            NodeState caller = states.get(p);
            if (caller != null && caller.trafficMoved(threshold) && caller.trafficOnset(threshold) <= onset + tolerance) {
                return true;
            }
        }
        return false;
    }

    /** The earliest fault onset among the node's callers that fail with nothing below to explain it. */
    private long unexplainedFailingCallersOnset(NodeState s) {
        long first = Long.MAX_VALUE;
        for (int p : callers[s.index]) {
            NodeState caller = states.get(p);
            if (caller != null && caller.faultMoved(threshold) && caller.explainedBy < 0) {
                first = Math.min(first, caller.faultOnset());
            }
        }
        return first;
    }

    /** The callee whose fault moved earliest, no later than this node; -1 if none. */
    private int explainingCallee(NodeState s) {
        if (!s.moved) {
            return -1;
        }
        int best = -1;
        long bestOnset = Long.MAX_VALUE;
        for (int c : callees[s.index]) {
            NodeState callee = states.get(c);
            if (callee == null || callee.loadFromAbove || !callee.faultMoved(threshold)) {
                continue;
            }
            long onset = callee.faultOnset();
            if (onset <= s.onset + tolerance && onset < bestOnset) {
                best = c;
                bestOnset = onset;
            }
        }
        return best;
    }
}
