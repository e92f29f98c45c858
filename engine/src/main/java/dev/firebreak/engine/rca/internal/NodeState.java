package dev.firebreak.engine.rca.internal;

import dev.firebreak.engine.rca.MetricSpec;
import java.util.ArrayList;
import java.util.List;

/** What the analysis knows about one candidate node: its readings and the per-method scores built from them. */
final class NodeState {

    final int index;
    final String id;
    final List<MetricReading> readings = new ArrayList<>();
    /** Metrics the spec list names that this node did not report or could not be judged on. */
    final List<String> missing = new ArrayList<>();
    /** Calls from the symptom's node (or the nearest affected node) down to this one. */
    int depth;
    int parent = -1;
    /** Below the symptom or the incident: blamable. Otherwise a caller, whose anomalies a candidate may explain. */
    boolean candidate;

    double faultDeviation;
    double trafficDeviation;
    /** The other of latency and errors than the symptom's role. */
    double otherDeviation;
    long faultOnset = Long.MAX_VALUE;
    /** Its calls stopped arriving (see {@link #trafficLost}). */
    boolean lostTraffic;
    long onset = Long.MAX_VALUE;
    MetricReading strongest;
    MetricReading strongestFault;
    boolean moved;
    /** Its traffic moved because a caller's did first: load from above, not a fault here. */
    boolean loadFromAbove;
    /** A moved callee moved no later: this node's anomaly is the callee's, passed up. */
    int explainedBy = -1;
    /**
     * This node has no telemetry of its own and a sibling that does (same caller) moved with it: both are probably one
     * fault, seen from outside here and from inside there.
     */
    int seenInsideBy = -1;
    /** The other end of this node's one lossy call, when nothing else is lossy at either end; -1 otherwise. */
    int linkPartner = -1;
    /**
     * A caller whose calls are lost at its end, this node among their destinations: what moved here (connections held
     * by the hanging calls, retries) is that caller's, passed down.
     */
    int losesCallsOf = -1;
    /**
     * Several callers lose their calls to it beyond what it answered, while it answered what reached it as before (its
     * own error rate did not move): the calls are lost at its end, on the network (ADR 0052).
     */
    boolean lossAtItsEnd;
    /** Its own checks found instances it should have not serving during the incident. */
    boolean foundDown;

    /** Cached by the walk: how well its metrics follow the symptom's series; NaN until computed. */
    double followsSymptom = Double.NaN;
    double robust;
    double onsetScore;
    double walk;
    double change;
    double similarity;
    double combined;

    NodeState(int index, String id) {
        this.index = index;
        this.id = id;
    }

    /**
     * Summarises the readings. A fault's own signals are the metrics of the symptom's role (latency for a latency
     * symptom, errors for an error one) and resources: they can explain the symptom. The other of latency and errors,
     * and traffic, count at half: they show the node is involved but not that it explains this symptom.
     *
     * @param symptomRole the symptom metric's role; null when unknown (then latency and errors both count fully)
     */
    void summarise(double threshold, MetricSpec.Role symptomRole) {
        for (MetricReading r : readings) {
            if (strongest == null || r.deviation() > strongest.deviation()) {
                strongest = r;
            }
            MetricSpec.Role role = r.spec().role();
            if (role == MetricSpec.Role.TRAFFIC) {
                trafficDeviation = Math.max(trafficDeviation, r.deviation());
            } else if (explains(role, symptomRole)) {
                if (strongestFault == null || r.deviation() > strongestFault.deviation()) {
                    strongestFault = r;
                    faultDeviation = r.deviation();
                }
                if (r.moved(threshold)) {
                    faultOnset = Math.min(faultOnset, r.onset());
                }
            } else {
                otherDeviation = Math.max(otherDeviation, r.deviation());
            }
            if (r.moved(threshold)) {
                onset = Math.min(onset, r.onset());
            }
        }
        moved = faultDeviation >= threshold || OTHER_SHARE * Math.max(otherDeviation, trafficDeviation) >= threshold;
        if (!moved) {
            onset = Long.MAX_VALUE;
        }
    }

    /**
     * Traffic that stopped arriving while the callers' own traffic did not drop: the calls to this node are lost or
     * refused on the way, so it is a failing dependency of its callers even if its own metrics are quiet otherwise.
     * Called by {@link Explanations} once load from above is known.
     */
    void trafficLost(double bar) {
        for (MetricReading r : readings) {
            if (r.spec().role() == MetricSpec.Role.TRAFFIC && r.moved(bar) && r.reached() < r.normal()
                    && r.deviation() > faultDeviation) {
                faultDeviation = r.deviation();
                strongestFault = r;
                faultOnset = Math.min(faultOnset, onsetOrStart(r));
                lostTraffic = true;
                moved = true;
                onset = Math.min(onset, onsetOrStart(r));
            }
        }
    }

    /** A reading below the usual threshold may have no onset of its own: it counts from when the callers failed. */
    private long onsetOrStart(MetricReading r) {
        return r.onset() == Long.MAX_VALUE ? callersOnset : r.onset();
    }

    /** Failed by direct evidence (its instances found down) though its metrics moved too little to say so. */
    void markFailed(double threshold, long at) {
        faultDeviation = Math.max(faultDeviation, threshold);
        faultOnset = Math.min(faultOnset, at);
        onset = Math.min(onset, at);
        moved = true;
    }

    /** When the failing callers moved; set with {@link #trafficLost}. */
    long callersOnset = Long.MAX_VALUE;

    /** Half: involved, but not an explanation of the symptom by itself. */
    static final double OTHER_SHARE = 0.5;

    static boolean explains(MetricSpec.Role role, MetricSpec.Role symptomRole) {
        if (role == MetricSpec.Role.RESOURCE) {
            return true;
        }
        boolean symptomIsLatencyOrErrors = symptomRole == MetricSpec.Role.LATENCY || symptomRole == MetricSpec.Role.ERRORS;
        return !symptomIsLatencyOrErrors || role == symptomRole;
    }

    boolean faultMoved(double threshold) {
        return faultDeviation >= threshold;
    }

    boolean trafficMoved(double threshold) {
        return trafficDeviation >= threshold;
    }

    /** The onset of its fault metrics (those that can explain the symptom), Long.MAX_VALUE if none moved. */
    long faultOnset() {
        return faultOnset;
    }

    long trafficOnset(double threshold) {
        long first = Long.MAX_VALUE;
        for (MetricReading r : readings) {
            if (r.spec().role() == MetricSpec.Role.TRAFFIC && r.moved(threshold)) {
                first = Math.min(first, r.onset());
            }
        }
        return first;
    }
}
