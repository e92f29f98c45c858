package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.series.SeriesDetector;

/**
 * A detector whose band is learned from the series' own recent samples, with scoring and learning
 * apart, so that {@link BaselineHold} can keep it from learning the samples of an anomaly episode.
 * {@link #update} is {@link #score} followed by {@link #learn}.
 */
public interface AdaptiveBaseline extends SeriesDetector {

    /** Scores the sample against the current baseline without learning from it. */
    DetectorOutput score(long epochSecond, double value);

    /**
     * As {@link #score(long, double)}, into {@code into} instead of a new output: the detection tick's path.
     * Detectors on that path override it so that a sample costs no allocation.
     */
    default void score(long epochSecond, double value, Reading into) {
        into.set(score(epochSecond, value));
    }

    /** Learns the sample (a non-finite value is ignored). */
    void learn(long epochSecond, double value);

    /** Forgets everything learned: the detector learns from scratch, as when new. */
    void restart();

    @Override
    default DetectorOutput update(long epochSecond, double value) {
        DetectorOutput output = score(epochSecond, value);
        learn(epochSecond, value);
        return output;
    }
}
