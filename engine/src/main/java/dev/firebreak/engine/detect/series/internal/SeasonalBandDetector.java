package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.series.SeasonalBandConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import java.util.Locale;
import java.util.Objects;

/**
 * Expected range per hour-of-week slot (168 slots, UTC), each edge a streaming quantile estimate.
 *
 * <p>Each slot keeps two floats, a count and the week it started (12 bytes, 2 KB for the week) instead of a reservoir:
 * the edges move by stochastic gradient steps on the pinball loss, which settle where the wanted
 * fraction of samples lies below. Steps are scaled by the series' typical deviation so the estimate is
 * scale-free, and shrink as a slot sees more samples so a learned band stops wandering.
 */
public final class SeasonalBandDetector implements SeriesDetector, ScoresInPlace {

    static final int SLOTS = 7 * 24;
    private static final long SECONDS_PER_HOUR = 3600;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
    /** 1970-01-01 was a Thursday; with Monday = 0 that is day 3. */
    private static final int EPOCH_DAY_OF_WEEK = 3;
    /**
     * The smallest step, as a fraction of the band's width: about one slot-week of samples (an hour at one
     * per second). Steps start at 1/n, which gives every sample of the hour equal weight, and stop shrinking
     * here so the band still follows a level that changes from week to week. A larger floor (0.05 until
     * ADR 0018) made the band the quantiles of the hour's last few minutes only, often far narrower than
     * the hour, and the next week's ordinary values fell outside it.
     */
    private static final double MIN_STEP = 1.0 / 3600;
    private static final double SCALE_ALPHA = 0.01;
    /** Ints per slot in {@link #slots}: low, high, count and first week. */
    private static final int FIELDS = 3;

    private final SeasonalBandConfig config;
    private final Direction direction;
    /**
     * Per slot, side by side so one sample touches one cache line instead of one per array: the low and high
     * edges (float bits), and the count of samples seen (low 16 bits) with the week (mod 2^16) of the slot's
     * first sample (high 16 bits; a slot scores only in a later week than it started learning).
     */
    private final int[] slots = new int[SLOTS * FIELDS];
    private final String rule;
    private double mean = Double.NaN;
    private double deviation;
    /**
     * The hour [hourStart, hourEnd) the last sample fell in, with its slot and week: both are constant within
     * an hour (weeks start on an hour), and samples arrive every second, so the divisions run once an hour.
     */
    private long hourStart = 1;
    private long hourEnd;
    private int hourSlot;
    private short hourWeek;

    public SeasonalBandDetector(SeasonalBandConfig config) {
        this(config, Direction.BOTH);
    }

    /**
     * Restricted to one side of its band, as {@link DirectionalDetector} would restrict it, but without
     * the wrapper: one object less to touch per sample, and no output made and formatted only to be replaced.
     */
    public SeasonalBandDetector(SeasonalBandConfig config, Direction direction) {
        this.config = config;
        this.direction = Objects.requireNonNull(direction, "direction");
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
        return Reading.outputOf(into -> update(epochSecond, value, into));
    }

    @Override
    public void update(long epochSecond, double value, Reading into) {
        if (!Double.isFinite(value)) {
            into.missing(kind());
            return;
        }
        if (epochSecond < hourStart || epochSecond >= hourEnd) {
            hourStart = Math.floorDiv(epochSecond, SECONDS_PER_HOUR) * SECONDS_PER_HOUR;
            hourEnd = hourStart + SECONDS_PER_HOUR;
            hourSlot = slotOf(epochSecond);
            hourWeek = (short) Math.floorDiv(epochSecond, SECONDS_PER_WEEK);
        }
        int slot = hourSlot;
        int seen = count(slot);
        short week = hourWeek;
        boolean learnedEarlier = seen > 0 && week != firstWeek(slot);
        if (seen < config.minSamplesPerSlot() || !learnedEarlier) {
            into.learning(kind(), value, seen, config.minSamplesPerSlot());
        } else {
            score(slot, value, into);
        }
        if (seen == 0) {
            setCountAndWeek(slot, 0, week);
        }
        learn(slot, value);
    }

    private float low(int slot) {
        return Float.intBitsToFloat(slots[slot * FIELDS]);
    }

    private float high(int slot) {
        return Float.intBitsToFloat(slots[slot * FIELDS + 1]);
    }

    private void setBand(int slot, float low, float high) {
        slots[slot * FIELDS] = Float.floatToRawIntBits(low);
        slots[slot * FIELDS + 1] = Float.floatToRawIntBits(high);
    }

    private int count(int slot) {
        return (short) slots[slot * FIELDS + 2];
    }

    private short firstWeek(int slot) {
        return (short) (slots[slot * FIELDS + 2] >>> 16);
    }

    private void setCountAndWeek(int slot, int count, short week) {
        slots[slot * FIELDS + 2] = (count & 0xFFFF) | (week << 16);
    }

    private void score(int slot, double value, Reading into) {
        double lo = low(slot);
        double hi = high(slot);
        double width = Scores.floorScale(hi - lo, (hi + lo) / 2);
        double margin = config.tolerance() * width;
        double beyond = value > hi ? value - hi : value < lo ? lo - value : 0;
        // Exactly on the tolerance line scores 0.5; with no tolerance, one band width beyond does.
        double limit = margin > 0 ? margin : width;
        into.banded(kind(), beyond / limit, value, lo - margin, hi + margin, rule, direction);
    }

    private void learn(int slot, double value) {
        if (Double.isNaN(mean)) {
            mean = value;
        }
        deviation += SCALE_ALPHA * (Math.abs(value - mean) - deviation);
        mean += SCALE_ALPHA * (value - mean);
        int seen = count(slot);
        if (seen == 0) {
            setBand(slot, (float) value, (float) value);
        } else {
            // Steps scale with the slot's own width (never below a tenth of the series' deviation), so a slot
            // whose range is narrow compared with the daily swing still gets a tight band.
            float low = low(slot);
            float high = high(slot);
            double width = Math.max(high - low, 0.1 * Scores.floorScale(deviation, mean));
            double step = Math.max(MIN_STEP, 1.0 / seen) * 2 * width;
            setBand(slot, (float) (low + pinball(low, value, config.lowQuantile(), step)),
                    (float) (high + pinball(high, value, config.highQuantile(), step)));
        }
        if (seen < Short.MAX_VALUE) {
            setCountAndWeek(slot, seen + 1, firstWeek(slot));
        }
    }

    /** One gradient step of the pinball loss for quantile q: up by q·step above, down by (1-q)·step below. */
    private static double pinball(double estimate, double value, double q, double step) {
        return value > estimate ? q * step : -(1 - q) * step;
    }

    @Override
    public int stateBytes() {
        return 16 + 16 + SLOTS * FIELDS * 4 + 8 + 8 + 8 + 8 + 8 + 4 + 2 + 4;
    }
}
