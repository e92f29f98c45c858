package dev.firebreak.engine.detect.series;

import java.util.SplittableRandom;

/** Constructed series with a daily season, for the detectors' tests (15-minute samples, as {@link FiredSamples}). */
public final class DailySeries {

    /** Samples in a day at NAB's usual 15-minute step. */
    public static final int SAMPLES_PER_DAY = 96;

    private DailySeries() {
    }

    /** A daily sine between 30 and 70 with a little noise (standard deviation 0.5), {@code days} days long. */
    public static double[] sine(int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[days * SAMPLES_PER_DAY];
        for (int i = 0; i < values.length; i++) {
            values[i] = 50 + 20 * Math.sin(2 * Math.PI * (i % SAMPLES_PER_DAY) / SAMPLES_PER_DAY)
                    + 0.5 * random.nextGaussian();
        }
        return values;
    }

    /**
     * {@link #sine} with day {@code day} replaced by a square wave between 35 and 65 (two samples up, two down):
     * a new shape whose every value lies inside the range already seen.
     */
    public static double[] sineWithSquareDay(int days, long seed, int day) {
        double[] values = sine(days, seed);
        int from = day * SAMPLES_PER_DAY;
        for (int i = from; i < from + SAMPLES_PER_DAY; i++) {
            values[i] = 50 + ((i / 4) % 2 == 0 ? 15 : -15);
        }
        return values;
    }
}
