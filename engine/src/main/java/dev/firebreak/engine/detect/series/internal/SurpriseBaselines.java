package dev.firebreak.engine.detect.series.internal;

/**
 * Exponentially weighted means and variances of one stream at four time scales, and how surprising a
 * new sample (a spike) or the recent level (a shift) is against each of them, in decimal digits of
 * improbability.
 */
final class SurpriseBaselines {

    static final int SCALES = 4;
    /**
     * A sample further than this many deviations from a baseline teaches it only this far: one absurd
     * value after a near-constant stretch would otherwise widen the band so much that nothing after it
     * is surprising for days. Large on purpose: a real level shift must still be learned quickly.
     */
    private static final double CLIP_SIGMAS = 100;

    private final double[] alpha = new double[SCALES];
    private final double[] mean = new double[SCALES];
    private final double[] variance = new double[SCALES];
    private final double shortAlpha;
    private final double shortFactor;
    private double recent;
    private long seen;
    private int worst;

    SurpriseBaselines(double[] halfLives, double shortAlpha) {
        for (int k = 0; k < SCALES; k++) {
            alpha[k] = 1 - Math.pow(0.5, 1 / halfLives[k]);
        }
        this.shortAlpha = shortAlpha;
        // Standard deviation of an EWMA of independent samples, relative to one sample's.
        this.shortFactor = Math.sqrt(shortAlpha / (2 - shortAlpha));
    }

    long seen() {
        return seen;
    }

    /** The largest surprise of the value or the recent level against any scale; remembers which scale. */
    double surprise(double value) {
        double newRecent = recent + shortAlpha * (value - recent);
        double surprise = 0;
        worst = 0;
        for (int k = 0; k < SCALES; k++) {
            double sigma = Scores.floorScale(Math.sqrt(variance[k]), mean[k]);
            double spike = Tails.surprise((value - mean[k]) / sigma);
            double shift = Tails.surprise((newRecent - mean[k]) / (sigma * shortFactor));
            double s = Math.max(spike, shift);
            if (s > surprise) {
                surprise = s;
                worst = k;
            }
        }
        return surprise;
    }

    int worstScale() {
        return worst;
    }

    double mean(int scale) {
        return mean[scale];
    }

    double deviation(int scale) {
        return Math.sqrt(variance[scale]);
    }

    void learn(double value) {
        if (seen == 0) {
            for (int k = 0; k < SCALES; k++) {
                mean[k] = value;
            }
            recent = value;
        } else {
            for (int k = 0; k < SCALES; k++) {
                // A plain average while young, so early baselines are not stuck on the first sample.
                double a = Math.max(alpha[k], 1.0 / (seen + 1));
                double d = value - mean[k];
                double limit = CLIP_SIGMAS * Math.sqrt(variance[k]);
                if (seen > 8 && limit > 0 && Math.abs(d) > limit) {
                    d = Math.copySign(limit, d);
                }
                mean[k] += a * d;
                variance[k] = (1 - a) * (variance[k] + a * d * d);
            }
            recent += shortAlpha * (value - recent);
        }
        seen++;
    }

    static int stateBytes() {
        return 16 + 3 * (16 + 8 * SCALES) + 5 * 8;
    }
}
