package dev.firebreak.engine.detect.series.internal;

/**
 * A detector that can leave its verdict on a sample in a {@link Reading} instead of a new output, so the
 * detection tick allocates nothing for a sample nobody asks about. {@link #update(long, double, Reading)}
 * does what {@code SeriesDetector.update} does, and {@link Reading#output()} then gives the same output.
 */
interface ScoresInPlace {

    /** Scores the sample into {@code into} and then learns from it. */
    void update(long epochSecond, double value, Reading into);
}
