package dev.firebreak.engine.detect.internal;

/**
 * "A new category": novelty as in Adaptive Resonance Theory (Carpenter and Grossberg's fuzzy ART, 1991, with
 * complement coding; the dual-vigilance variant of da Silva, Elnabarawy and Wunsch, 2019; used for NAB by Mark
 * Hampton's ARTime, 2021). Written for this project from the published idea, not from any implementation.
 *
 * <p>The series is reduced to one point per {@code step} samples (the block's extreme on the side away from a fast
 * average of block means, so a spike survives), normalised by the range of every value seen so far (online min-max)
 * and drawn to a slowly moving median when within {@code snap} of the range (ordinary noise becomes flat). The last
 * {@code window} points form the feature vector: their levels and their shape (the window's own min-max scaled
 * values, Haar-transformed). Each category is a box in that space (fuzzy ART with complement coding: a category
 * learns by stretching its box just enough to hold the input). Levels are stored in the series' own units, so the
 * boxes stay valid as the range grows. The match of an input with a box is the fuzzy-AND share of the box's weight
 * ({@code |x ^ w| / |w|}), cubed, times the same share for the newest level alone, squared. When the best match is
 * at least {@code learnMatch} the resonating boxes learn; otherwise a new box is committed, and when the best match
 * is below {@code novelMatch} too, after {@code warmupPoints} points, that commitment is a novelty.
 *
 * <p>State: {@code step} doubles of the current block is not kept (only its running mean, min and max), the last
 * {@code window} points, and at most {@code maxCategories} boxes of {@code 2 x 2 window} floats.
 */
final class ResonanceNovelty {

    private final int step;
    private final int window;
    private final double learnMatch;
    private final double novelMatch;
    private final int warmupPoints;
    private final double snap;
    private final double spike;
    private final int maxCategories;
    private final int dims;
    /** Per category, {@code dims} lower then {@code dims} upper corners; levels in series units, shape in [0,1]. */
    private final float[] boxes;
    private int categories;
    private final double[] points;
    private int pointsSeen;
    private final double[] input;
    private final double[] scratch;

    private long seen;
    private double min;
    private double max;
    private int inBlock;
    private double blockSum;
    private double blockMin;
    private double blockMax;
    private double blockAverage;
    private double median;
    private double lastMatch;
    private int sinceCommit;
    private final int[] uses = new int[4096];
    private int lastUses;
    private final boolean rel = Integer.getInteger("x.artRel", 0) != 0;
    private double matchSum;
    private long matchCount;
    private final int calm = Integer.getInteger("x.artCalm", 0);

    ResonanceNovelty(int step, int window, double learnMatch, double novelMatch, int warmupPoints, double snap,
            double spike, int maxCategories) {
        if (Integer.bitCount(window) != 1 || window < 2) {
            throw new IllegalArgumentException("resonance window must be a power of two, was " + window);
        }
        this.step = step;
        this.window = window;
        this.learnMatch = learnMatch;
        this.novelMatch = novelMatch;
        this.warmupPoints = warmupPoints;
        this.snap = snap;
        this.spike = spike;
        this.maxCategories = maxCategories;
        this.dims = 2 * window;
        this.boxes = new float[maxCategories * 2 * dims];
        this.points = new double[window];
        this.input = new double[dims];
        this.scratch = new double[window];
    }

    /**
     * Learns one value; returns how far below {@code novelMatch} the best match of a newly committed category fell
     * (a fraction of {@code novelMatch}, above 0) when this value completes a point that is novel, else 0.
     * Non-finite values are ignored.
     */
    double noveltyThenLearn(double value) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        min = seen == 0 ? value : Math.min(min, value);
        max = seen == 0 ? value : Math.max(max, value);
        seen++;
        blockSum += value;
        blockMin = inBlock == 0 ? value : Math.min(blockMin, value);
        blockMax = inBlock == 0 ? value : Math.max(blockMax, value);
        if (++inBlock < step) {
            return 0;
        }
        double mean = blockSum / inBlock;
        inBlock = 0;
        blockSum = 0;
        blockAverage = pointsSeen == 0 ? mean : (blockAverage + mean) / 2;
        double point = Math.abs(blockMax - blockAverage) >= Math.abs(blockMin - blockAverage) ? blockMax : blockMin;
        double range = max - min;
        if (Math.abs(point - mean) < spike * range) {
            point = mean;
        }
        median = pointsSeen == 0 ? point : median + 0.01 * range * Math.signum(point - median);
        if (Math.abs(point - median) < snap * range) {
            point = median;
        }
        System.arraycopy(points, 1, points, 0, window - 1);
        points[window - 1] = point;
        pointsSeen++;
        if (pointsSeen < window || range <= 0) {
            return 0;
        }
        return classify(range);
    }

    private double classify(double range) {
        // Input: the levels in series units (normalised at match time) and the shape in [0,1].
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double p : points) {
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        for (int i = 0; i < window; i++) {
            input[i] = points[i];
            scratch[i] = hi > lo ? (points[i] - lo) / (hi - lo) : 0;
        }
        haar(scratch, window);
        double tlo = Double.POSITIVE_INFINITY;
        double thi = Double.NEGATIVE_INFINITY;
        for (double t : scratch) {
            tlo = Math.min(tlo, t);
            thi = Math.max(thi, t);
        }
        for (int i = 0; i < window; i++) {
            input[window + i] = thi > tlo ? (scratch[i] - tlo) / (thi - tlo) : 0;
        }
        double best = 0;
        int bestCategory = -1;
        for (int c = 0; c < categories; c++) {
            double m = match(c, range);
            if (m > best) {
                best = m;
                bestCategory = c;
            }
        }
        lastMatch = categories == 0 ? 0 : best;
        double learnAt = learnMatch;
        double novelAt = novelMatch;
        if (rel && matchCount > 0) {
            double mean = matchSum / matchCount;
            learnAt = Math.min(learnMatch, mean);
            novelAt = novelMatch * mean;
        }
        if (categories > 0) {
            matchSum += best;
            matchCount++;
        }
        lastUses = 0;
        if (categories > 0 && best >= learnAt) {
            lastUses = ++uses[bestCategory];
            for (int c = 0; c < categories; c++) {
                if (c == bestCategory || match(c, range) >= learnAt) {
                    stretch(c);
                }
            }
            sinceCommit++;
            return 0;
        }
        if (categories < maxCategories) {
            int base = categories * 2 * dims;
            for (int d = 0; d < dims; d++) {
                boxes[base + d] = (float) input[d];
                boxes[base + dims + d] = (float) input[d];
            }
            categories++;
        } else {
            stretch(bestCategory);
        }
        boolean novel = bestCategory >= 0 && pointsSeen - window >= warmupPoints && best < novelAt
                && sinceCommit >= calm;
        sinceCommit = 0;
        return novel ? (novelAt - best) / novelAt : 0;
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

    /** In-place orthonormal Haar transform of the first {@code n} values (n a power of two). */
    private static void haar(double[] values, int n) {
        double[] tmp = new double[n];
        for (int len = n; len > 1; len /= 2) {
            int half = len / 2;
            for (int i = 0; i < half; i++) {
                tmp[i] = (values[2 * i] + values[2 * i + 1]) / Math.sqrt(2);
                tmp[half + i] = (values[2 * i] - values[2 * i + 1]) / Math.sqrt(2);
            }
            System.arraycopy(tmp, 0, values, 0, len);
        }
    }

    /** The best match of the last classified point (1 before any). */
    double lastMatch() {
        return lastMatch;
    }

    int lastUses() {
        return lastUses;
    }

    int categories() {
        return categories;
    }

    int stateBytes() {
        return 16 + 8 * 4 + 13 * 8 + 16 + boxes.length * 4 + 16 + (points.length + input.length + scratch.length) * 8
                + 3 * 16;
    }
}
