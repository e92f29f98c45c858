package dev.firebreak.engine.heal;

import java.time.Instant;

/**
 * What verification reads besides health: a component's metric values over a stretch of time, so "back inside its
 * bands" can be judged against the bands it had before the incident, not against detection's, which adapt to a fault
 * that goes on.
 */
@FunctionalInterface
public interface SignalHistory {

    SignalHistory NONE = (component, metric, from, to) -> new double[0];

    /** The values of {@code component}'s {@code metric} (e.g. {@code error_rate}) from {@code from} to {@code to}. */
    double[] values(String component, String metric, Instant from, Instant to);
}
