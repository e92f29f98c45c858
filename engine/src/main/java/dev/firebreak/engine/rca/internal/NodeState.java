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

    double faultDeviation;
    double trafficDeviation;
    long onset = Long.MAX_VALUE;
    MetricReading strongest;
    MetricReading strongestFault;
    boolean moved;
    /** Its traffic moved because a caller's did first: load from above, not a fault here. */
    boolean loadFromAbove;
    /** A moved callee moved no later: this node's anomaly is the callee's, passed up. */
    int explainedBy = -1;
    /** Not moved itself, but every caller (at least two) moved unexplained: the common callee they fail on. */
    boolean blamedByCallers;

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

    /** Summarises the readings: the strongest fault signal and traffic signal, and the earliest onset. */
    void summarise(double threshold) {
        for (MetricReading r : readings) {
            if (strongest == null || r.deviation() > strongest.deviation()) {
                strongest = r;
            }
            if (r.spec().role() == MetricSpec.Role.TRAFFIC) {
                trafficDeviation = Math.max(trafficDeviation, r.deviation());
            } else if (strongestFault == null || r.deviation() > strongestFault.deviation()) {
                strongestFault = r;
                faultDeviation = r.deviation();
            }
            if (r.moved(threshold)) {
                moved = true;
                onset = Math.min(onset, r.onset());
            }
        }
    }

    boolean faultMoved(double threshold) {
        return faultDeviation >= threshold;
    }

    boolean trafficMoved(double threshold) {
        return trafficDeviation >= threshold;
    }

    /** The onset of its fault metrics (not traffic), Long.MAX_VALUE if none moved. */
    long faultOnset(double threshold) {
        long first = Long.MAX_VALUE;
        for (MetricReading r : readings) {
            if (r.spec().role() != MetricSpec.Role.TRAFFIC && r.moved(threshold)) {
                first = Math.min(first, r.onset());
            }
        }
        return first;
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
