package dev.firebreak.engine.predict;

import dev.firebreak.engine.telemetry.SeriesKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest forecast of one watched series, for views: forecast index i is the mean of the step
 * ending at {@code lastStepEnd + (i + 1) * stepSeconds}, and a step's mean is taken to sit at its centre.
 *
 * @param key          the series
 * @param at           when it was computed (engine time)
 * @param lastStepEnd  end of the last observed step
 * @param stepSeconds  width of a step
 * @param lastValue    the last observed step's mean (NaN if it was missing)
 * @param forecast     the forecast over the horizon
 * @param threshold    the resolved breach threshold
 * @param breach       where the forecast crosses it
 */
public record SeriesOutlook(SeriesKey key, Instant at, Instant lastStepEnd, int stepSeconds, double lastValue,
        Forecast forecast, double threshold, Breach breach) {
    public SeriesOutlook {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(lastStepEnd, "lastStepEnd");
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(breach, "breach");
    }

    /**
     * The instant a fractional forecast step corresponds to: step 0 is the centre of the last observed
     * step, step 1 the centre of the first forecast step, and so on.
     */
    public Instant instantOfStep(double step) {
        return lastStepEnd.plusMillis(Math.round((step - 0.5) * stepSeconds * 1000));
    }
}
