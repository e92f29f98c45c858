package dev.firebreak.engine.predict;

import dev.firebreak.engine.predict.internal.HoltWinters;
import dev.firebreak.engine.predict.internal.SeasonalNaive;

/** Creates forecasters, so callers depend on {@link Forecaster} and never on an implementation. */
public final class Forecasters {

    private Forecasters() {
    }

    /** Damped Holt-Winters with intervals from the one-step residual variance propagated over the horizon. */
    public static Forecaster holtWinters(HoltWintersConfig config) {
        return new HoltWinters(config);
    }

    /** The baseline: tomorrow at this time looks like today at this time (or the last value, for length 1). */
    public static Forecaster seasonalNaive(int seasonLength) {
        return new SeasonalNaive(seasonLength);
    }
}
