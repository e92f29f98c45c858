package dev.firebreak.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BreachAnalysisTests {

    private static Forecast line(double start, double slope, double sd, int horizon) {
        double[] mean = new double[horizon];
        double[] sds = new double[horizon];
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        for (int i = 0; i < horizon; i++) {
            mean[i] = start + slope * (i + 1);
            sds[i] = sd * Math.sqrt(i + 1);
            lower[i] = mean[i] - 1.2816 * sds[i];
            upper[i] = mean[i] + 1.2816 * sds[i];
        }
        return new Forecast(mean, sds, lower, upper, 0.8);
    }

    @Test
    void crossingIsInterpolatedBetweenSteps() {
        Forecast forecast = line(50, 2, 0, 30);

        Breach breach = BreachAnalysis.analyse(50, forecast, 65);

        assertThat(breach.meanCrossingStep()).hasValueCloseTo(7.5, within(1e-9));
        assertThat(breach.probability()).isEqualTo(1);
    }

    @Test
    void upperBoundCrossesBeforeTheMean() {
        Forecast forecast = line(50, 1, 1, 30);

        Breach breach = BreachAnalysis.analyse(50, forecast, 70);

        assertThat(breach.upperCrossingStep().orElseThrow()).isLessThan(breach.meanCrossingStep().orElseThrow());
    }

    @Test
    void flatForecastFarBelowThresholdHasNoBreachAndTinyProbability() {
        Forecast forecast = line(50, 0, 1, 30);

        Breach breach = BreachAnalysis.analyse(50, forecast, 90);

        assertThat(breach.predicted()).isFalse();
        assertThat(breach.upperCrossingStep()).isEmpty();
        assertThat(breach.probability()).isLessThan(1e-6);
    }

    @Test
    void probabilityIsHalfWhereTheMeanJustReachesTheThresholdAtTheHorizon() {
        Forecast forecast = line(50, 1, 2, 30);

        Breach breach = BreachAnalysis.analyse(50, forecast, 80);

        assertThat(breach.probability()).isCloseTo(0.5, within(1e-6));
    }
}
