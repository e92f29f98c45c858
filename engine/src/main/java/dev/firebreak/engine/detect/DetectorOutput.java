package dev.firebreak.engine.detect;

import java.util.Objects;

/**
 * What one detector said about one sample: its score and the reason, in numbers a person can check.
 *
 * @param kind          which detector
 * @param score         0 (normal) .. 1 (certainly anomalous); NaN while the detector is still learning
 * @param fired         whether the detector's own rule was broken (e.g. value outside mean ± k·σ)
 * @param observed      the value (or, for vector detectors, the model's raw anomaly measure)
 * @param expectedLow   lower edge of the band the detector expected (NaN if it has none)
 * @param expectedHigh  upper edge of the band the detector expected (NaN if it has none)
 * @param reason        one short sentence, e.g. "p99 412 ms above band 80-190 ms (k=3)"
 */
public record DetectorOutput(DetectorKind kind, double score, boolean fired, double observed, double expectedLow,
        double expectedHigh, String reason) {

    public DetectorOutput {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (!Double.isNaN(score) && (score < 0 || score > 1)) {
            throw new IllegalArgumentException("score must be in [0, 1] or NaN, was " + score);
        }
    }

    public boolean isLearning() {
        return Double.isNaN(score);
    }
}
