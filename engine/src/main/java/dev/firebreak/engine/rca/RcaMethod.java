package dev.firebreak.engine.rca;

/** The methods an analysis combines; each can be switched off to measure what it adds. */
public enum RcaMethod {
    /** Robust change score per metric (BARO-style): the anomalous period against the normal one's median and IQR. */
    ROBUST_CHANGE,
    /**
     * Onset ordering along the call graph: a fault moves its node before (or with) its callers, so an anomalous node
     * with an anomalous callee that moved no later is explained by it.
     */
    ONSET_ORDER,
    /** Personalised PageRank from the symptom over the call graph, weighted by anomaly and metric correlation. */
    RANDOM_WALK,
    /** Changes (deployments, configuration) on an anomalous node shortly before the onset. */
    CHANGE_EVENTS,
    /** Past incidents whose signature resembles this one's, and a person's verdict on their cause. */
    SIMILARITY
}
