package dev.firebreak.engine.detect.series;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import java.util.List;

/**
 * The detectors of one series, run together so that the adaptive ones (rolling, EWMA, IQR) hold their
 * baseline through an anomaly episode instead of learning a fault's level as normal (ADR 0011, 0017; see
 * {@link BaselineHoldConfig}). Made by {@link SeriesDetectors#held}.
 *
 * <p>Each sample's verdicts stay in place until the next sample: the detection tick reads them by index
 * ({@link #kind}, {@link #score}, {@link #fired}, the band) without making a {@link DetectorOutput}, which
 * {@link #output} makes when asked (ADR 0020). Causal; called from one thread.
 */
public interface HeldDetectors {

    /** The detectors, in the order their outputs are numbered. */
    List<SeriesDetector> detectors();

    /** Whether the adaptive detectors are holding their baseline (an anomaly episode is open). */
    boolean holding();

    /**
     * Scores one sample with every detector, in order, and lets the detectors learn it unless an episode
     * holds their baseline.
     *
     * @param explainedByLoad      whether a system-wide load move explains this series' moves at this sample
     * @param anotherSeriesHolding whether another series of the same component is in an episode: then this
     *                             one learns nothing either (ADR 0017)
     */
    void update(long epochSecond, double value, boolean explainedByLoad, boolean anotherSeriesHolding);

    /** As {@link #update(long, double, boolean, boolean)}, with the sample's outputs put into {@code outputs} (cleared first). */
    void update(long epochSecond, double value, boolean explainedByLoad, boolean anotherSeriesHolding,
            List<DetectorOutput> outputs);

    /** How many outputs each sample has: one per detector. */
    int outputCount();

    /** Detector {@code i}'s output on the last sample, made when first asked for. */
    DetectorOutput output(int i);

    DetectorKind kind(int i);

    /** Detector {@code i}'s score on the last sample, NaN while it learns. */
    double score(int i);

    boolean fired(int i);

    double observed(int i);

    /** The low edge of detector {@code i}'s band on the last sample, NaN without one. */
    double expectedLow(int i);

    /** The high edge of detector {@code i}'s band on the last sample, NaN without one. */
    double expectedHigh(int i);

    /** Whether any detector fired on the last sample (after {@link #explainFiredByLoad}). */
    boolean anyFired();

    /**
     * While the entry traffic moves: every fired output of the last sample that a load move could have
     * caused (not far outside its band) scores zero instead, saying why (ADR 0010, 0018).
     */
    void explainFiredByLoad();
}
