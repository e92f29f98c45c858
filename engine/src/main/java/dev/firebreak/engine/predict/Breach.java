package dev.firebreak.engine.predict;

import java.util.OptionalDouble;

/**
 * When a forecast crosses a threshold (upwards), and how likely it is to.
 *
 * @param meanCrossingStep  fractional step (1 = one step after the last observation) where the point
 *                          forecast first reaches the threshold, linearly interpolated between steps;
 *                          empty if it does not within the horizon
 * @param upperCrossingStep the same for the upper interval bound: the earliest plausible breach
 * @param probability       probability that the series is at or above the threshold at some step of the
 *                          horizon, taken as the largest per-step probability under the forecast's normal
 *                          distribution (a lower bound of the union, exact when the steps are fully
 *                          correlated, which a trend-driven breach nearly is)
 */
public record Breach(OptionalDouble meanCrossingStep, OptionalDouble upperCrossingStep, double probability) {

    public Breach {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
        }
    }

    public boolean predicted() {
        return meanCrossingStep.isPresent();
    }
}
