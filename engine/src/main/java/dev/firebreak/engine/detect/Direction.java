package dev.firebreak.engine.detect;

/**
 * Which side of its band a metric can be anomalous on. Traffic that rises (a burst, the morning ramp)
 * is load, not a fault, while traffic that falls is; errors and latency that fall are good news. A
 * one-sided metric's detectors score a sample on the other side of the band as normal.
 */
public enum Direction {
    /** Both sides: too high and too low are anomalous. */
    BOTH,
    /** Only values above the band are anomalous (errors, latency, resource use). */
    UP,
    /** Only values below the band are anomalous (request rate). */
    DOWN;

    /** Whether an output on this side of its band may count; outputs without a band always count. */
    public boolean admits(DetectorOutput output) {
        return admits(output.observed(), output.expectedLow(), output.expectedHigh());
    }

    /** {@link #admits(DetectorOutput)} for an output's numbers, before the output is made. */
    public boolean admits(double observed, double expectedLow, double expectedHigh) {
        if (this == BOTH || Double.isNaN(expectedLow) || Double.isNaN(expectedHigh)) {
            return true;
        }
        double middle = (expectedLow + expectedHigh) / 2;
        return this == UP ? observed >= middle : observed <= middle;
    }
}
