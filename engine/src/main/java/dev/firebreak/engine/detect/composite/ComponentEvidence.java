package dev.firebreak.engine.detect.composite;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;

/**
 * The findings on one component as {@link CompositeScorer} reads them: per series, that series' detector
 * outputs, and the vector detectors' outputs on the whole component. Lets the detection tick hand its
 * per-series output arrays to the scorer as they are, with a {@link Finding} built only for what fired.
 * Public so that the detection tick, outside this package, can implement it over its own series.
 */
public interface ComponentEvidence {

    int seriesCount();

    int outputCount(int series);

    /** Output {@code i} of {@code series}: its detector. */
    DetectorKind kind(int series, int i);

    /** Output {@code i} of {@code series}: its score, NaN while learning. */
    double score(int series, int i);

    /** Output {@code i} of {@code series}: whether it fired. */
    boolean fired(int series, int i);

    /** The finding for output {@code i} of {@code series}; asked only for outputs that fired. */
    Finding finding(int series, int i);

    /**
     * Whether output {@code i} of {@code series}, which fired, is beyond its band by the series' metric's
     * {@link MinimumDeparture} (ADR 0022); asked only for outputs that fired.
     */
    boolean clearsMargin(int series, int i);

    int vectorCount();

    DetectorOutput vectorOutput(int i);

    /** The finding for vector output {@code i}; asked only for outputs that fired. */
    Finding vectorFinding(int i);
}
