package dev.firebreak.engine.rca.internal;

import dev.firebreak.engine.rca.MetricSpec;

/**
 * How far one metric of one node moved: the BARO-style robust deviation of the anomalous period from the normal one.
 *
 * @param spec      what the metric means
 * @param deviation the anomalous period's high (90th percentile, or the maximum over few samples) of the deviation in
 *                  the bad direction, in scaled IQRs of the normal period; 0 when it did not move that way
 * @param onset     the first epoch second it stayed beyond the threshold; Long.MAX_VALUE if it never did
 * @param normal    the normal period's median
 * @param reached   the value at the anomalous high
 * @param series    the whole series (for correlation); null for a node outside the candidates, never correlated
 * @param label     how evidence names it: the metric, or "calls from X: metric" for a call series
 */
record MetricReading(MetricSpec spec, double deviation, long onset, double normal, double reached, double[] series,
        String label) {

    MetricReading withoutSeries() {
        return new MetricReading(spec, deviation, onset, normal, reached, null, label);
    }

    MetricReading withSeries(double[] values) {
        return new MetricReading(spec, deviation, onset, normal, reached, values, label);
    }

    boolean moved(double threshold) {
        return deviation >= threshold;
    }
}
