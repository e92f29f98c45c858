package dev.firebreak.engine.predict;

/**
 * Where the forecast engine gets a component's current anomaly score (0..1) for the risk score; the
 * detection engine implements it. Called on the thread that evaluates forecasts.
 */
@FunctionalInterface
public interface AnomalyScores {

    /** No detector attached: every component scores 0. */
    AnomalyScores NONE = componentId -> 0;

    double score(String componentId);
}
