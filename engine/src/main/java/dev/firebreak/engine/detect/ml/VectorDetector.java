package dev.firebreak.engine.detect.ml;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.series.SeriesDetector;

/**
 * A streaming detector over a component's vector of metrics at one instant (e.g. isolation forest,
 * reconstruction error). Same contract as {@link SeriesDetector}: causal, NaN entries mean missing.
 */
public interface VectorDetector {

    DetectorKind kind();

    /** Scores the vector and then learns from it (models may retrain in the background). */
    DetectorOutput update(long epochSecond, double[] vector);
}
