package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;

/**
 * Which of a series' findings a system-wide load move could have caused, and how such a finding reads once
 * the load explains it (ADR 0010, 0018). Whether the load is moving is the detection tick's to say (it
 * watches the entry traffic); this is the per-finding half, which the baseline hold needs too.
 */
public final class LoadExplanation {

    /** How far outside its band, in half band widths, a load move can push a value. */
    static final double PLAUSIBLE_HALF_WIDTHS = 5;

    private LoadExplanation() {
    }

    /**
     * Whether a load move could have caused this output: a fired output at most a few band widths outside
     * its band. A burst moves latency by tens of percent; a value far outside is a fault, even while the
     * load moves (a fault that chokes the entry traffic moves the load itself). Outputs without a band are
     * always plausible, and so are the seasonal band's: its band is last week's range for this hour, which
     * says nothing about a burst happening now, so it cannot tell a burst's latency from a fault's. The
     * statistical detectors, whose bands are the last minutes', still catch a fault that goes far beyond
     * what the burst explains (ADR 0018).
     */
    public static boolean plausible(DetectorOutput output) {
        return plausible(output.kind(), output.fired(), output.observed(), output.expectedLow(), output.expectedHigh());
    }

    /** As {@link #plausible(DetectorOutput)}, for a reading whose output has not been made. */
    public static boolean plausible(Reading reading) {
        return plausible(reading.kind(), reading.fired(), reading.observed(), reading.expectedLow(),
                reading.expectedHigh());
    }

    private static boolean plausible(DetectorKind kind, boolean fired, double observed, double low, double high) {
        if (kind == DetectorKind.SEASONAL_BAND) {
            return true;
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || !fired) {
            return true;
        }
        double halfWidth = (high - low) / 2;
        double beyond = observed > high ? observed - high : low - observed;
        return beyond <= PLAUSIBLE_HALF_WIDTHS * halfWidth;
    }

    /** The output with its score zeroed, saying why: the same move is seen across the whole system. */
    public static DetectorOutput explained(DetectorOutput output) {
        return new DetectorOutput(output.kind(), 0, false, output.observed(), output.expectedLow(),
                output.expectedHigh(), "entry traffic moving: load, not a fault (" + output.reason() + ")");
    }
}
