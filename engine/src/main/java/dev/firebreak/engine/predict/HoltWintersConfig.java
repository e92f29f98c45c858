package dev.firebreak.engine.predict;

import java.util.Objects;

/**
 * Parameters of a damped Holt-Winters forecaster.
 *
 * @param alpha          level smoothing, in (0, 1]
 * @param beta           trend smoothing, in [0, 1]; 0 keeps the initial trend
 * @param gamma          seasonal smoothing, in [0, 1]; ignored without seasonality
 * @param phi            trend damping, in (0, 1]; 1 is an undamped (linear) trend
 * @param seasonLength   samples per season, >= 2 with seasonality and 1 without (e.g. 288 for a
 *                       day of 5-minute buckets)
 * @param seasonality    how the season combines with the level
 * @param residualWindow the one-step residual variance forgets with weight 1/window, so intervals
 *                       follow a series whose noise changes; >= 10
 */
public record HoltWintersConfig(double alpha, double beta, double gamma, double phi, int seasonLength,
        Seasonality seasonality, int residualWindow) {

    public static final double DEFAULT_ALPHA = 0.3;
    public static final double DEFAULT_BETA = 0.05;
    public static final double DEFAULT_GAMMA = 0.2;
    public static final double DEFAULT_PHI = 0.98;
    public static final int DEFAULT_RESIDUAL_WINDOW = 500;

    public HoltWintersConfig {
        Objects.requireNonNull(seasonality, "seasonality");
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1], was " + beta);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], was " + gamma);
        }
        if (!(phi > 0 && phi <= 1)) {
            throw new IllegalArgumentException("phi must be in (0, 1], was " + phi);
        }
        if (seasonality == Seasonality.NONE && seasonLength != 1) {
            throw new IllegalArgumentException("seasonLength must be 1 without seasonality, was " + seasonLength);
        }
        if (seasonality != Seasonality.NONE && seasonLength < 2) {
            throw new IllegalArgumentException("seasonLength must be >= 2 with " + seasonality + " seasonality, was "
                    + seasonLength);
        }
        if (residualWindow < 10) {
            throw new IllegalArgumentException("residualWindow must be >= 10, was " + residualWindow);
        }
    }

    /** Additive seasonal Holt-Winters with the default smoothing for the given season length. */
    public static HoltWintersConfig seasonal(int seasonLength) {
        return new HoltWintersConfig(DEFAULT_ALPHA, DEFAULT_BETA, DEFAULT_GAMMA, DEFAULT_PHI, seasonLength,
                Seasonality.ADDITIVE, DEFAULT_RESIDUAL_WINDOW);
    }

    /** Damped-trend Holt smoothing without a season, for short horizons on resource metrics. */
    public static HoltWintersConfig trendOnly(double alpha, double beta, double phi) {
        return new HoltWintersConfig(alpha, beta, 0, phi, 1, Seasonality.NONE, DEFAULT_RESIDUAL_WINDOW);
    }

    public HoltWintersConfig withSmoothing(double newAlpha, double newBeta, double newGamma, double newPhi) {
        return new HoltWintersConfig(newAlpha, newBeta, newGamma, newPhi, seasonLength, seasonality, residualWindow);
    }

    public HoltWintersConfig withSeasonality(Seasonality newSeasonality) {
        return new HoltWintersConfig(alpha, beta, gamma, phi, seasonLength, newSeasonality, residualWindow);
    }
}
