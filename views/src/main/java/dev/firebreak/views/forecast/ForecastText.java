package dev.firebreak.views.forecast;

import dev.firebreak.engine.predict.Breach;
import dev.firebreak.engine.predict.SeriesOutlook;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Puts a forecast's breach into words for the forecast view. Pure functions. */
public final class ForecastText {

    private ForecastText() {
    }

    /**
     * E.g. "Breach of 95 % in 12 min (earliest 8 min) · probability 87 %", or "No breach of 95 % within
     * 30 min · probability 3 %".
     *
     * @param unit    the metric's unit, appended to the threshold
     * @param horizon the forecast's horizon, named when no breach is expected
     */
    public static String breach(SeriesOutlook outlook, String unit, Duration horizon) {
        Breach breach = outlook.breach();
        String threshold = number(outlook.threshold()) + " " + unit;
        String probability = String.format(Locale.ROOT, "probability %.0f %%", 100 * breach.probability());
        if (!Double.isNaN(outlook.lastValue()) && outlook.lastValue() >= outlook.threshold()) {
            return "Already at or above " + threshold + " · " + probability;
        }
        if (breach.meanCrossingStep().isPresent()) {
            Duration lead = leadTime(outlook, breach.meanCrossingStep().getAsDouble());
            String earliest = breach.upperCrossingStep().isPresent()
                    ? " (earliest " + minutes(leadTime(outlook, breach.upperCrossingStep().getAsDouble())) + ")"
                    : "";
            return "Breach of " + threshold + " in " + minutes(lead) + earliest + " · " + probability;
        }
        if (breach.upperCrossingStep().isPresent()) {
            return "Breach of " + threshold + " possible in " + minutes(leadTime(outlook,
                    breach.upperCrossingStep().getAsDouble())) + " (interval only) · " + probability;
        }
        return "No breach of " + threshold + " within " + minutes(horizon) + " · " + probability;
    }

    /** E.g. "Risk 0.62: breach probability 0.87, anomaly 0.10, criticality 0.40". */
    public static String risk(double risk, double probability, double anomaly, double criticality) {
        return String.format(Locale.ROOT, "Risk %.2f: breach probability %.2f, anomaly score %.2f, criticality %.2f",
                risk, probability, anomaly, criticality);
    }

    /** Time from when the forecast was made to a fractional step of it, never negative. */
    public static Duration leadTime(SeriesOutlook outlook, double step) {
        Instant at = outlook.instantOfStep(step);
        Duration lead = Duration.between(outlook.at(), at);
        return lead.isNegative() ? Duration.ZERO : lead;
    }

    static String minutes(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 90) {
            return seconds + " s";
        }
        return Math.round(seconds / 60.0) + " min";
    }

    static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
