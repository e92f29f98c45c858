package dev.firebreak.engine.detect.series;

/**
 * Adaptive-resonance novelty for the multi-scale detector (the NAB profile): the idea of ARTime (Hampton, 2021; fuzzy
 * ART of Carpenter, Grossberg and Rosen, 1991, with complement coding and two vigilance levels as in da Silva et al.'s
 * dual-vigilance fuzzy ART, 2019). The last {@code windowPoints} values, as levels within the range seen so far and as
 * a shape, are matched against categories (boxes) learned from every earlier window. A window that matches no
 * category well ({@code novelMatch}) is a new category and alarms, like a value beyond the range does for range
 * novelty. A window that falls inside a category that has absorbed at least {@code familiarUses} windows is
 * familiar, and the value surprise there is damped by {@code familiarFactor}: the series has done this often.
 *
 * @param windowPoints   values per window, a power of two, 2..64
 * @param learnMatch     a window matching a category at least this well is learned into it (the box stretches to
 *                       hold it); below this a new category is committed, 0..1
 * @param novelMatch     a new category whose best match was below this alarms (0: never), 0..{@code learnMatch}
 * @param warmupPoints   windows learned before a new category may alarm, 0..100000
 * @param snap           a value within this fraction of the range of a slowly moving median is taken as the median, so
 *                       ordinary noise does not make new categories, 0..0.5
 * @param maxCategories  categories kept (state is {@code 16 x windowPoints + 12} bytes each); once full, an unmatched
 *                       window stretches its best category instead, 1..1024
 * @param familiarMatch  the match at or above which a window is inside a familiar category, 0..1
 * @param familiarUses   windows a category must have absorbed to be familiar, 1..1000000
 * @param familiarFactor factor on the value surprise's likelihood in a familiar window (1: no damping), 0..1
 */
public record ResonanceConfig(int windowPoints, double learnMatch, double novelMatch, int warmupPoints, double snap,
        int maxCategories, double familiarMatch, int familiarUses, double familiarFactor) {

    // Chosen on NAB's local half with a two-fold check (bench/README.md, "Adaptive resonance").
    public static final int NAB_WINDOW_POINTS = 8;
    public static final double NAB_LEARN_MATCH = 0.9;
    public static final double NAB_NOVEL_MATCH = 0.7;
    public static final int NAB_WARMUP_POINTS = 100;
    public static final double NAB_SNAP = 0.075;
    public static final int NAB_MAX_CATEGORIES = 64;
    public static final double NAB_FAMILIAR_MATCH = 0.99;
    public static final int NAB_FAMILIAR_USES = 300;
    public static final double NAB_FAMILIAR_FACTOR = 0.7;

    public ResonanceConfig {
        if (windowPoints < 2 || windowPoints > 64 || Integer.bitCount(windowPoints) != 1) {
            throw new IllegalArgumentException("resonance windowPoints must be a power of two between 2 and 64, was "
                    + windowPoints);
        }
        range("learnMatch", learnMatch, 0, 1);
        range("novelMatch", novelMatch, 0, learnMatch);
        count("warmupPoints", warmupPoints, 0, 100_000);
        range("snap", snap, 0, 0.5);
        count("maxCategories", maxCategories, 1, 1024);
        range("familiarMatch", familiarMatch, 0, 1);
        count("familiarUses", familiarUses, 1, 1_000_000);
        range("familiarFactor", familiarFactor, 0, 1);
    }

    private static void range(String field, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException("resonance " + field + " must be between " + low + " and " + high
                    + ", was " + value);
        }
    }

    private static void count(String field, int value, int low, int high) {
        if (value < low || value > high) {
            throw new IllegalArgumentException("resonance " + field + " must be between " + low + " and " + high
                    + ", was " + value);
        }
    }

    /** As {@code DetectionConfig.nab()} runs it. */
    public static ResonanceConfig forNab() {
        return new ResonanceConfig(NAB_WINDOW_POINTS, NAB_LEARN_MATCH, NAB_NOVEL_MATCH, NAB_WARMUP_POINTS, NAB_SNAP,
                NAB_MAX_CATEGORIES, NAB_FAMILIAR_MATCH, NAB_FAMILIAR_USES, NAB_FAMILIAR_FACTOR);
    }
}
