package dev.firebreak.engine.detect;

/**
 * A streaming detector over a component's vector of metrics at one instant (e.g. isolation forest,
 * reconstruction error). Same contract as {@link SeriesDetector}: causal, NaN entries mean missing.
 */
public interface VectorDetector {

    DetectorKind kind();

    /** Scores the vector and then learns from it (models may retrain in the background). */
    DetectorOutput update(long epochSecond, double[] vector);
}
