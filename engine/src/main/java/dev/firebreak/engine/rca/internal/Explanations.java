package dev.firebreak.engine.rca.internal;

import dev.firebreak.engine.rca.MetricSpec;
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
    private final boolean[] observedOnly;
    private final long tolerance;
    /** Lost traffic below a failing caller counts from half the usual threshold. */
    private static final double LOST_TRAFFIC_SHARE = 0.5;
    /** A callee explains a slow caller only if it rose by at least this share of the caller's rise. */
    static final double LATENCY_SHARE = 0.1;

    Explanations(List<NodeState> candidates, Map<Integer, NodeState> states, int[][] callees, int[][] callers,
            boolean[] observedOnly, double threshold, long tolerance) {
        this.observedOnly = observedOnly;
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
        for (NodeState s : candidates) {
            if (observedOnly[s.index]) {
                s.seenInsideBy = instrumentedTwin(s);
            }
        }
    }

    /**
     * A node known only through its callers' calls, and a sibling with telemetry of its own (a callee of one of the
     * same callers) whose fault moved with it: the sibling's own measurement places the fault; this one adds the
     * network and whatever fronts it. The earliest such sibling; -1 if none.
     */
    private int instrumentedTwin(NodeState s) {
        if (!s.faultMoved(threshold)) {
            return -1;
        }
        int best = -1;
        long bestOnset = Long.MAX_VALUE;
        for (int p : callers[s.index]) {
            for (int c : callees[p]) {
                NodeState sibling = states.get(c);
                if (c == s.index || observedOnly[c] || sibling == null || !sibling.faultMoved(threshold)
                        || sibling.loadFromAbove) {
                    continue;
                }
                long onset = sibling.faultOnset();
                if (Math.abs(onset - s.faultOnset()) <= tolerance && onset < bestOnset) {
                    best = c;
                    bestOnset = onset;
                }
            }
        }
        return best;
    }

    private boolean loadFromAbove(NodeState s) {
        // more calls to a node whose calls fail are its callers' retries, not load passed down to it
        if (!s.trafficMoved(threshold) || callsToItFail(s)) {
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

    private boolean callsToItFail(NodeState s) {
        return s.readings.stream().anyMatch(r -> r.spec().role() == MetricSpec.Role.ERRORS
                && r.label().startsWith(Analysis.CALLS_FROM) && r.moved(threshold));
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

    /**
     * A caller waits for its callee, so a slow callee adds its own rise to the caller's latency (once per call). A
     * callee whose rise on the caller's slowest metric is a small share of the caller's (a 20 ms wobble under a 1 s
     * jump) cannot be why the caller is slow, however unusual that wobble is for the callee. Only latency adds up
     * like this; other roles, or a callee without that metric, keep the onset argument alone.
     */
    private static boolean largeEnough(NodeState callee, NodeState caller) {
        MetricReading slowest = caller.strongestFault;
        if (slowest == null || slowest.spec().role() != MetricSpec.Role.LATENCY) {
            return true;
        }
        double callerRise = slowest.reached() - slowest.normal();
        for (MetricReading r : callee.readings) {
            if (r.label().equals(r.spec().name()) && r.spec().name().equals(slowest.spec().name())) {
                return r.reached() - r.normal() >= LATENCY_SHARE * callerRise;
            }
        }
        return true;
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
            // a callee this node loses its calls to is suffering them, hanging or retried: it explains nothing here
            if (callee == null || callee.loadFromAbove || !callee.faultMoved(threshold) || callee.losesCallsOf == s.index) {
                continue;
            }
            long onset = callee.faultOnset();
            if (onset <= s.onset + tolerance && onset < bestOnset && largeEnough(callee, s)) {
                best = c;
                bestOnset = onset;
            }
        }
        return best;
    }
}
