package dev.firebreak.views.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.predict.BreachAnalysis;
import dev.firebreak.engine.predict.Forecast;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastTextTests {

    private static final Instant STEP_END = Instant.parse("2026-01-01T01:00:00Z");
    private static final SeriesKey CART_MEMORY = new SeriesKey("cart", MetricName.MEMORY);

    /** A forecast rising one point per one-minute step from {@code last}, with a constant spread. */
    private static SeriesOutlook rising(double last, double spread, double threshold) {
        int horizon = 30;
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        for (int i = 0; i < horizon; i++) {
            mean[i] = last + i + 1;
            sd[i] = spread;
            lower[i] = mean[i] - 1.28 * spread;
            upper[i] = mean[i] + 1.28 * spread;
        }
        Forecast forecast = new Forecast(mean, sd, lower, upper, 0.8);
        // made half a step after the last step's end, so step 5's centre is exactly 5 minutes ahead
        return new SeriesOutlook(CART_MEMORY, STEP_END.minusSeconds(30), STEP_END, 60, last, forecast, threshold,
                BreachAnalysis.analyse(last, forecast, threshold));
    }

    @Test
    void risingSeriesNamesTimeToBreachEarliestAndProbability() {
        SeriesOutlook outlook = rising(90, 1, 95);

        String text = ForecastText.breach(outlook, "%", Duration.ofMinutes(30));

        assertThat(text).startsWith("Breach of 95.0 % in 5 min").contains("(earliest").contains("probability 100 %");
    }

    @Test
    void leadTimeIsMeasuredFromWhenTheForecastWasMade() {
        SeriesOutlook outlook = rising(90, 1, 95);

        Duration lead = ForecastText.leadTime(outlook, outlook.breach().meanCrossingStep().orElseThrow());

        assertThat(lead).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void thresholdBeyondTheHorizonSaysNoBreachWithinIt() {
        SeriesOutlook outlook = rising(10, 0.5, 95);

        String text = ForecastText.breach(outlook, "%", Duration.ofMinutes(30));

        assertThat(text).isEqualTo("No breach of 95.0 % within 30 min · probability 0 %");
    }

    @Test
    void seriesAlreadyPastTheThresholdSaysSo() {
        SeriesOutlook outlook = rising(97, 1, 95);

        assertThat(ForecastText.breach(outlook, "%", Duration.ofMinutes(30))).startsWith("Already at or above 95.0 %");
    }

    @Test
    void riskTextListsItsInputs() {
        assertThat(ForecastText.risk(0.62, 0.87, 0.1, 0.4))
                .isEqualTo("Risk 0.62: breach probability 0.87, anomaly score 0.10, criticality 0.40");
    }
}
