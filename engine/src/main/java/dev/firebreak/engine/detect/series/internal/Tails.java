package dev.firebreak.engine.detect.series.internal;

/** Gaussian tail probabilities as "surprise": how many decimal digits of improbability a z-score carries. */
final class Tails {

    private Tails() {
    }

    /** -log10 of the two-sided tail probability of z under a standard normal. */
    static double surprise(double z) {
        double p = erfc(Math.abs(z) / Math.sqrt(2));
        // The fit can exceed 1 by a hair at z = 0; surprise is never negative.
        return Math.max(0, -Math.log10(Math.max(p, Double.MIN_NORMAL)));
    }

    /** Complementary error function, Numerical Recipes' Chebyshev fit (relative error below 1.2e-7). */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }
}
