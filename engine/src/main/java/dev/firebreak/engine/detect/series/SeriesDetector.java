package dev.firebreak.engine.detect.series;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;

/**
 * A streaming, causal detector over one time series: it sees each sample once, in time order, and
 * scores it using only that sample and the ones before. Implementations keep bounded primitive state
 * (no per-sample allocation on the hot path, a few KB per series) and treat NaN as a missing sample.
 */
public interface SeriesDetector {

    DetectorKind kind();

    /** Scores the sample and then learns from it. */
    DetectorOutput update(long epochSecond, double value);

    /** Approximate bytes of state this detector holds, for the memory budget. */
    int stateBytes();
}
