package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.series.ResonanceConfig;

/**
 * "A new category" and "a familiar one", in the manner of Adaptive Resonance Theory: fuzzy ART with complement coding
 * (Carpenter, Grossberg and Rosen, 1991), two vigilance levels as in dual-vigilance fuzzy ART (da Silva, Elnabarawy and
 * Wunsch, 2019), applied to time series as ARTime does (Hampton, 2021, the best published NAB detector). Written for
 * this project from the published ideas; see docs/decisions/0021.
 *
 * <p>Each value is scaled by the range of every value seen so far (online min-max; ARTime is given the file's range in
 * advance, we are not) and drawn to a slowly moving median when within {@code snap} of the range, so ordinary noise is
 * flat. The last {@code windowPoints} values form the input: their levels, and their shape (the window's own min-max
 * scaled values, Haar-transformed, scaled to [0,1]). A category is a box in that space: with complement coding, fuzzy
 * ART's weight is the box's lower corner and the complement of its upper corner, and learning (fast commit) stretches
 * the box just enough to hold the input. Levels are kept in the series' own units, so boxes stay valid while the range
 * grows. The match of an input with a box is the fuzzy-AND share of the box's weight, {@code |x ^ w| / |w|}, cubed,
 * times the same share for the newest level alone, squared (ARTime's weighting: the newest value matters most). At or
 * above {@code learnMatch} the resonating boxes learn; below it a new box is committed, and if the best match was below
 * {@code novelMatch} too (after {@code warmupPoints} windows) that is a novelty.
 *
 * <p>State: {@code maxCategories} boxes of {@code 2 x 2 x windowPoints} floats, each with a use count and a working
 * match (8,960 bytes at the NAB profile's 64 categories of 8 values), the last window and working arrays
 * ({@code 40 x windowPoints} bytes, 320), and a few scalars: about 9.5 KB per series ({@link #stateBytes}).
 */
final class ResonanceNovelty {

    /** Step of the moving median, as a fraction of the range, per value. */
    private static final double MEDIAN_STEP = 0.01;

    private final ResonanceConfig config;
    private final int window;
    private final int dims;
    /** Per category, {@code dims} lower then {@code dims} upper corners; levels in series units, shape in [0,1]. */
    private final float[] boxes;
    private final int[] uses;
    private final double[] matches;
    private int categories;
    private final double[] points;
    private final double[] input;
    private final double[] shape;
    private final double[] haar;
    private long pointsSeen;
    private double min;
    private double max;
    private double median;
    private double lastMatch;
    private int lastUses;

    ResonanceNovelty(ResonanceConfig config) {
        this.config = config;
        this.window = config.windowPoints();
        this.dims = 2 * window;
        this.boxes = new float[config.maxCategories() * 2 * dims];
        this.uses = new int[config.maxCategories()];
        this.matches = new double[config.maxCategories()];
        this.points = new double[window];
        this.input = new double[dims];
        this.shape = new double[window];
        this.haar = new double[window];
    }

    /**
     * Learns one value; returns how far below {@code novelMatch} the best match fell, as a fraction of
     * {@code novelMatch} (above 0), when the window ending here is a novel category, else 0. Non-finite values are
     * ignored.
     */
    double noveltyThenLearn(double value) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        min = pointsSeen == 0 ? value : Math.min(min, value);
        max = pointsSeen == 0 ? value : Math.max(max, value);
        double range = max - min;
        median = pointsSeen == 0 ? value : median + MEDIAN_STEP * range * Math.signum(value - median);
        double point = Math.abs(value - median) < config.snap() * range ? median : value;
        System.arraycopy(points, 1, points, 0, window - 1);
        points[window - 1] = point;
        pointsSeen++;
        if (pointsSeen < window || range <= 0) {
            return 0;
        }
        return classify(range);
    }

    /** Whether the last classified window lay inside a category that has absorbed many windows. */
    boolean familiar() {
        return lastMatch >= config.familiarMatch() && lastUses >= config.familiarUses();
    }

    /** The best match of the last classified window (0 before any category). */
    double lastMatch() {
        return lastMatch;
    }

    int categories() {
        return categories;
    }

    private double classify(double range) {
        encode();
        double best = -1;
        int bestCategory = -1;
        for (int c = 0; c < categories; c++) {
            matches[c] = match(c, range);
            if (matches[c] > best) {
                best = matches[c];
                bestCategory = c;
            }
        }
        lastMatch = Math.max(0, best);
        lastUses = 0;
        if (bestCategory >= 0 && best >= config.learnMatch()) {
            lastUses = ++uses[bestCategory];
            for (int c = 0; c < categories; c++) {
                if (matches[c] >= config.learnMatch()) {
                    stretch(c);
                }
            }
            return 0;
        }
        if (categories < config.maxCategories()) {
            int base = categories * 2 * dims;
            for (int d = 0; d < dims; d++) {
                boxes[base + d] = (float) input[d];
                boxes[base + dims + d] = (float) input[d];
            }
            uses[categories] = 0;
            categories++;
        } else {
            stretch(bestCategory);
        }
        boolean novel = bestCategory >= 0 && pointsSeen - window >= config.warmupPoints()
                && best < config.novelMatch();
        return novel ? (config.novelMatch() - best) / config.novelMatch() : 0;
    }

    /** The input: the window's levels in series units, then its shape in [0,1]. */
    private void encode() {
        System.arraycopy(points, 0, input, 0, window);
        scaleToUnit(points, shape, 0);
        haarInPlace();
        scaleToUnit(shape, input, window);
    }

    /** {@code values} scaled by their own minimum and maximum to [0,1] (all 0 when equal), into {@code to} from {@code offset}. */
    private static void scaleToUnit(double[] values, double[] to, int offset) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (int i = 0; i < values.length; i++) {
            to[offset + i] = hi > lo ? (values[i] - lo) / (hi - lo) : 0;
        }
    }

    /** Fuzzy-AND share of the box's weight, for all dimensions (cubed) and for the newest level (squared). */
    private double match(int c, double range) {
        int base = c * 2 * dims;
        double and = 0;
        double weight = 0;
        double newestAnd = 0;
        double newestWeight = 0;
        for (int d = 0; d < dims; d++) {
            double x = input[d];
            double u = boxes[base + d];
            double v = boxes[base + dims + d];
            if (d < window) {
                x = (x - min) / range;
                u = (u - min) / range;
                v = (v - min) / range;
            }
            // Complement coding: the weight is (u, 1 - v), the input (x, 1 - x); fuzzy AND is the minimum.
            double a = Math.min(x, u) + 1 - Math.max(x, v);
            double w = u + 1 - v;
            and += a;
            weight += w;
            if (d == window - 1) {
                newestAnd = a;
                newestWeight = w;
            }
        }
        double all = and / Math.max(weight, 1e-3);
        double newest = newestAnd / Math.max(newestWeight, 1e-3);
        return all * all * all * newest * newest;
    }

    private void stretch(int c) {
        int base = c * 2 * dims;
        for (int d = 0; d < dims; d++) {
            boxes[base + d] = (float) Math.min(boxes[base + d], input[d]);
            boxes[base + dims + d] = (float) Math.max(boxes[base + dims + d], input[d]);
        }
    }

    /** Orthonormal Haar transform of {@code shape}, in place (averages first, then details, coarse to fine). */
    private void haarInPlace() {
        double root2 = Math.sqrt(2);
        for (int len = window; len > 1; len /= 2) {
            int half = len / 2;
            for (int i = 0; i < half; i++) {
                haar[i] = (shape[2 * i] + shape[2 * i + 1]) / root2;
                haar[half + i] = (shape[2 * i] - shape[2 * i + 1]) / root2;
            }
            System.arraycopy(haar, 0, shape, 0, len);
        }
    }

    /** Bytes of state for one series with this config. */
    static int stateBytes(ResonanceConfig config) {
        int window = config.windowPoints();
        int categories = config.maxCategories();
        return 16 + 4 * 16 + categories * (2 * 2 * 2 * window * 4 / 2 + 4 + 8) + 4 * 16 + 5 * window * 8
                + 8 + 4 * 8 + 3 * 4;
    }
}
