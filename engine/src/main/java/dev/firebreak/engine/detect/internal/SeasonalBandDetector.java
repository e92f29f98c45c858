package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.SeasonalBandConfig;
import dev.firebreak.engine.detect.SeriesDetector;
import java.util.Locale;

/**
 * Expected range per hour-of-week slot (168 slots, UTC), each edge a streaming quantile estimate.
 *
 * <p>Each slot keeps two floats and a count (10 bytes, 1.7 KB for the week) instead of a reservoir:
 * the edges move by stochastic gradient steps on the pinball loss, which settle where the wanted
 * fraction of samples lies below. Steps are scaled by the series' typical deviation so the estimate is
 * scale-free, and shrink as a slot sees more samples so a learned band stops wandering.
 */
public final class SeasonalBandDetector implements SeriesDetector {

    static final int SLOTS = 7 * 24;
    private static final long SECONDS_PER_HOUR = 3600;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
    /** 1970-01-01 was a Thursday; with Monday = 0 that is day 3. */
    private static final int EPOCH_DAY_OF_WEEK = 3;
    private static final double MIN_STEP = 0.05;
    private static final double SCALE_ALPHA = 0.01;

    private final SeasonalBandConfig config;
    private final float[] low = new float[SLOTS];
    private final float[] high = new float[SLOTS];
    private final short[] count = new short[SLOTS];
    /** Week (mod 2^16) of a slot's first sample: a slot scores only in a later week than it started learning. */
    private final short[] firstWeek = new short[SLOTS];
    private final String rule;
    private double mean = Double.NaN;
    private double deviation;

    public SeasonalBandDetector(SeasonalBandConfig config) {
        this.config = config;
        this.rule = Outputs.shared("within band: " + String.format(Locale.ROOT, "p%.0f-p%.0f of this hour and weekday, ±%.0f%% of its width",
                config.lowQuantile() * 100, config.highQuantile() * 100, config.tolerance() * 100));
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.SEASONAL_BAND;
    }

    /** Hour of the week, Monday 00:00-00:59 UTC = 0. */
    static int slotOf(long epochSecond) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int dayOfWeek = (int) Math.floorMod(day + EPOCH_DAY_OF_WEEK, 7);
        int hour = (int) (Math.floorMod(epochSecond, SECONDS_PER_DAY) / SECONDS_PER_HOUR);
        return dayOfWeek * 24 + hour;
    }

    @Override
    public DetectorOutput update(long epochSecond, double value) {
        if (!Double.isFinite(value)) {
            return Outputs.missing(kind());
        }
        int slot = slotOf(epochSecond);
        int seen = count[slot];
        short week = (short) Math.floorDiv(epochSecond, SECONDS_PER_WEEK);
        boolean learnedEarlier = seen > 0 && week != firstWeek[slot];
        DetectorOutput output = seen < config.minSamplesPerSlot() || !learnedEarlier
                ? Outputs.learning(kind(), value, seen, config.minSamplesPerSlot())
                : score(slot, value);
        if (seen == 0) {
            firstWeek[slot] = week;
        }
        learn(slot, value);
        return output;
    }

    private DetectorOutput score(int slot, double value) {
        double lo = low[slot];
        double hi = high[slot];
        double width = Scores.floorScale(hi - lo, (hi + lo) / 2);
        double margin = config.tolerance() * width;
        double beyond = value > hi ? value - hi : value < lo ? lo - value : 0;
        // Exactly on the tolerance line scores 0.5; with no tolerance, one band width beyond does.
        double limit = margin > 0 ? margin : width;
        return Outputs.banded(kind(), Scores.ofLimitRatio(beyond / limit), value, lo - margin, hi + margin, rule);
    }

    private void learn(int slot, double value) {
        if (Double.isNaN(mean)) {
            mean = value;
        }
        deviation += SCALE_ALPHA * (Math.abs(value - mean) - deviation);
        mean += SCALE_ALPHA * (value - mean);
        int seen = count[slot];
        if (seen == 0) {
            low[slot] = (float) value;
            high[slot] = (float) value;
        } else {
            // Steps scale with the slot's own width (never below a tenth of the series' deviation), so a slot
            // whose range is narrow compared with the daily swing still gets a tight band.
            double width = Math.max(high[slot] - low[slot], 0.1 * Scores.floorScale(deviation, mean));
            double step = Math.max(MIN_STEP, 1.0 / seen) * 2 * width;
            low[slot] = (float) (low[slot] + pinball(low[slot], value, config.lowQuantile(), step));
            high[slot] = (float) (high[slot] + pinball(high[slot], value, config.highQuantile(), step));
        }
        if (seen < Short.MAX_VALUE) {
            count[slot] = (short) (seen + 1);
        }
    }

    /** One gradient step of the pinball loss for quantile q: up by q·step above, down by (1-q)·step below. */
    private static double pinball(double estimate, double value, double q, double step) {
        return value > estimate ? q * step : -(1 - q) * step;
    }

    @Override
    public int stateBytes() {
        return 16 + 3 * 16 + SLOTS * (4 + 4 + 2 + 2) + 8 + 8 + 8;
    }
}
