package dev.firebreak.engine.detect.ml.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * An extended isolation forest (Hariri et al.: oblique splits, so it cuts across correlations such as high
 * latency at low load) whose hyperplanes have ternary weights: each feature counts +1, -1 or not at all, a
 * third of the time each (a sparse random projection in Achlioptas' sense, standing in for the Gaussian
 * normal of the paper). Seeded, so fits are reproducible; immutable once built (ADR 0013).
 *
 * <p>Scoring is the hot path of the detection thread (one call per component per tick, hundreds of
 * components, each with its own forest), so what matters is how many cache lines a walk touches, not
 * how many instructions it runs. A split is one 8-byte record, two 16-bit masks (features weighted +1,
 * features weighted -1) and a float bias, and each tree is stored as a complete tree cut into blocks of
 * three levels: one 64-byte cache line holds a block's seven splits and, in a bottom block, the eight
 * quantised path lengths below it. A walk of a depth-6 tree thus touches two cache lines, where the dense
 * forest before it (a 32-byte split per level, then a leaf table) touched one a level plus one. Within a
 * tree, blocks are numbered in heap order with fan-out eight (exit e of block b leads to block 8b+1+e), but
 * the array holds them level by level across trees: every tree's root block first, then every tree's
 * second-level blocks, so a forest's root lines, which every vector reads, lie in one run (4 KB for 64
 * trees) that the hardware prefetcher follows, instead of every 576 bytes over the whole forest. A split's
 * dot product is four look-ups in a table of the vector's subset sums, built once per scored vector.
 * The detector scores through {@link #stoppingBelow}, which walks only part of the forest for vectors
 * clearly below the calibrated threshold (ADR 0019).
 *
 * <p>A tree's depth limit is the paper's ceil(log2 ψ) capped at {@link #MAX_DEPTH}, padded up to a
 * multiple of three with inert splits (every walk goes left) so each walk takes the same number of steps;
 * a node that became a leaf early is followed by inert splits too, and its path length sits in the
 * leftmost exit below it.
 */
final class CompactIsolationForest {

    /** Tree levels a block of one cache line holds: seven 8-byte splits and the eight exits' path lengths. */
    private static final int LEVELS_PER_BLOCK = 3;

    /**
     * The deepest a tree grows: two blocks, so a walk touches two cache lines (ADR 0013). A larger subsample
     * (the paper's limit is ceil(log2 ψ), 8 for 256) gets its depth capped here, and the leaves' c(size)
     * term stands in for the unbuilt levels, as it does for the paper's own limit. A third block level
     * measured about half the detection engine's throughput: three lines a walk and 4.7 KB a tree.
     */
    static final int MAX_DEPTH = 2 * LEVELS_PER_BLOCK;
    /** The most features a split can weigh: each of its two masks has 16 bits. */
    static final int MAX_DIMENSION = 16;
    /** Features per subset-sum table: the masks are looked up a byte at a time. */
    private static final int GROUP = 8;
    private static final int LONGS_PER_BLOCK = 8;
    /** Index, in a block, of the record holding the eight exits' path lengths (bottom blocks only). */
    private static final int EXITS = 7;
    /** Heap index, within a block, of the first exit. */
    private static final int FIRST_EXIT = 7;
    private static final int LANES = 8;
    /** Trees between two checks of whether a vector's walk may stop early (a multiple of LANES). */
    private static final int CHECK_EVERY = 16;
    /** Standard errors between a partial mean path length and the bar's before a walk stops early. */
    private static final double STOP_Z = 4;
    private static final double EULER = 0.5772156649;
    /** A split that sends every vector left: no feature weighted, so the dot product is 0, below +inf. */
    private static final long INERT = Float.floatToRawIntBits(Float.POSITIVE_INFINITY) & 0xFFFF_FFFFL;

    private final int trees;
    private final int dimension;
    private final int depth;
    private final int blockLevels;
    /** Per split: features weighted +1 (bits 48-63), features weighted -1 (32-47), bias as a float (0-31). */
    private final long[] nodes;
    /** Path length of one unit of a quantised leaf byte. */
    private final double quantum;
    private final double normaliser;

    /**
     * Subset sums of the vector being scored, one table per thread shared by every forest, so it stays in
     * L1 from one component's forest to the next (a table per forest was 200 cold tables); per thread
     * because a model may be scored on the refit thread while it is calibrated.
     */
    private static final ThreadLocal<double[]> SUMS = ThreadLocal.withInitial(() -> new double[2 << GROUP]);

    private CompactIsolationForest(int trees, int dimension, int depth, long[] nodes, double quantum,
            int subsample) {
        this.trees = trees;
        this.dimension = dimension;
        this.depth = depth;
        this.blockLevels = blockLevels(depth);
        this.nodes = nodes;
        this.quantum = quantum;
        this.normaliser = averagePath(subsample);
    }

    static CompactIsolationForest fit(double[][] rows, int trees, int subsampleSize, long seed) {
        int d = rows[0].length;
        if (d > MAX_DIMENSION) {
            throw new IllegalArgumentException("the compact isolation forest takes at most " + MAX_DIMENSION
                    + " features, was given " + d + " (Smile's implementation takes any number)");
        }
        int subsample = Math.min(subsampleSize, rows.length);
        int depth = Math.min(MAX_DEPTH, Math.max(1, (int) Math.ceil(Math.log(subsample) / Math.log(2))));
        // The longest path a leaf can record: one at the depth limit holding the whole subsample.
        double quantum = (depth + averagePath(subsample)) / 255;
        Builder builder = new Builder(rows, trees, depth, quantum, new SplittableRandom(seed));
        int[] all = new int[rows.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int t = 0; t < trees; t++) {
            // Partial Fisher-Yates: the first `subsample` entries become a sample without replacement.
            for (int i = 0; i < subsample; i++) {
                int j = i + builder.random.nextInt(all.length - i);
                int swap = all[i];
                all[i] = all[j];
                all[j] = swap;
            }
            builder.grow(t, Arrays.copyOf(all, subsample));
        }
        return new CompactIsolationForest(trees, d, depth, builder.nodes, quantum, subsample);
    }

    /** Smile's and the paper's s(x) = 2^(-E[h(x)] / c(ψ)), over every tree. */
    double score(double[] vector) {
        double[] x = subsetSums(vector);
        long total = 0;
        int t = 0;
        for (; t + LANES <= trees; t += LANES) {
            total += sumOf(eightWalks(t, x));
        }
        for (; t < trees; t++) {
            total += walk(t, x);
        }
        return raw(total, trees);
    }

    /**
     * The same score, except that a vector clearly below {@code rawBar} (the calibrated threshold) may be
     * scored on its first 16, 32 or 48 trees only, and gets that partial average (ADR 0019). The trees are
     * independent draws, so after n of N trees the mean path length is an estimate with standard error
     * s / sqrt(n), shrunk by sqrt((N - n) / (N - 1)) because the remaining trees are this forest's, not new
     * draws; s is the spread of the vector's own n path lengths, but at least the spread a training vector
     * has over all trees (pooled over the window), so a few equal paths cannot stop a walk. The walk stops
     * when the partial mean path lies {@value #STOP_Z} standard errors beyond the bar's path length on the
     * normal side, so a vector that could fire is scored on every tree, and most normal vectors walk a
     * third of the trees or so.
     */
    ToDoubleFunction<double[]> stoppingBelow(double rawBar, double[][] training) {
        int checkpoints = (trees - 1) / CHECK_EVERY;
        double[] errorScale = new double[checkpoints];
        for (int i = 0; i < checkpoints; i++) {
            int n = (i + 1) * CHECK_EVERY;
            errorScale[i] = STOP_Z / Math.sqrt(n) * Math.sqrt((double) (trees - n) / (trees - 1));
        }
        double barUnits = -Math.log(rawBar) / Math.log(2) * normaliser / quantum;
        if (!(barUnits < Double.POSITIVE_INFINITY)) {
            // A bar of NaN or 0: nothing is clearly below it.
            return this::score;
        }
        StoppingRule rule = new StoppingRule(barUnits, pooledPathSpread(training), errorScale);
        return vector -> score(vector, rule);
    }

    /** Per checkpoint i (after 16 (i + 1) trees): Z / sqrt(n) times the finite-forest correction. */
    private record StoppingRule(double barUnits, double minimumSpread, double[] errorScale) {

        boolean clearlyBelowBar(long total, long squares, int walked) {
            double mean = (double) total / walked;
            double variance = (squares - mean * total) / (walked - 1);
            double spread = Math.max(minimumSpread, Math.sqrt(Math.max(0, variance)));
            return mean >= barUnits + spread * errorScale[walked / CHECK_EVERY - 1];
        }
    }

    private double score(double[] vector, StoppingRule rule) {
        double[] x = subsetSums(vector);
        long total = 0;
        long squares = 0;
        int t = 0;
        for (; t + LANES <= trees; t += LANES) {
            long walks = eightWalks(t, x);
            total += sumOf(walks);
            squares += squaresOf(walks);
            int walked = t + LANES;
            if (walked % CHECK_EVERY == 0 && walked / CHECK_EVERY <= rule.errorScale().length
                    && rule.clearlyBelowBar(total, squares, walked)) {
                return raw(total, walked);
            }
        }
        for (; t < trees; t++) {
            total += walk(t, x);
        }
        return raw(total, trees);
    }

    /** Root mean square over the rows of the standard deviation of a row's path lengths over the trees. */
    private double pooledPathSpread(double[][] rows) {
        double sumOfVariances = 0;
        for (double[] row : rows) {
            double[] x = subsetSums(row);
            double sum = 0;
            double sumOfSquares = 0;
            for (int t = 0; t < trees; t++) {
                int path = walk(t, x);
                sum += path;
                sumOfSquares += (double) path * path;
            }
            double mean = sum / trees;
            sumOfVariances += Math.max(0, sumOfSquares / trees - mean * mean);
        }
        return Math.sqrt(sumOfVariances / rows.length);
    }

    private double raw(long total, int walked) {
        return Math.pow(2, -(total * quantum / walked) / normaliser);
    }

    /**
     * Eight walks in lockstep, step by step, from tree {@code t}: the sum of their quantised path lengths
     * (low 32 bits, see {@link #sumOf}) and the sum of their squares (high 32 bits, {@link #squaresOf}).
     * Each block level starts with eight independent loads, so the CPU overlaps their cache misses (with
     * hundreds of components, each forest is cold when its component's turn comes); the two steps after a
     * block's first stay in its cache line.
     */
    private long eightWalks(int t, double[] x) {
        // Per lane, the block's index within its level: the tree at level 0, then 8 * index + exit.
        int ia = t;
        int ib = t + 1;
        int ic = t + 2;
        int id = t + 3;
        int ie = t + 4;
        int iF = t + 5;
        int ig = t + 6;
        int ih = t + 7;
        for (int level = 0; ; level++) {
            int start = levelStart(level);
            int pa = start + ia * LONGS_PER_BLOCK;
            int pb = start + ib * LONGS_PER_BLOCK;
            int pc = start + ic * LONGS_PER_BLOCK;
            int pd = start + id * LONGS_PER_BLOCK;
            int pe = start + ie * LONGS_PER_BLOCK;
            int pf = start + iF * LONGS_PER_BLOCK;
            int pg = start + ig * LONGS_PER_BLOCK;
            int ph = start + ih * LONGS_PER_BLOCK;
            int ka = 0;
            int kb = 0;
            int kc = 0;
            int kd = 0;
            int ke = 0;
            int kf = 0;
            int kg = 0;
            int kh = 0;
            for (int step = 0; step < LEVELS_PER_BLOCK; step++) {
                ka = 2 * ka + 1 + right(nodes[pa + ka], x);
                kb = 2 * kb + 1 + right(nodes[pb + kb], x);
                kc = 2 * kc + 1 + right(nodes[pc + kc], x);
                kd = 2 * kd + 1 + right(nodes[pd + kd], x);
                ke = 2 * ke + 1 + right(nodes[pe + ke], x);
                kf = 2 * kf + 1 + right(nodes[pf + kf], x);
                kg = 2 * kg + 1 + right(nodes[pg + kg], x);
                kh = 2 * kh + 1 + right(nodes[ph + kh], x);
            }
            if (level == blockLevels - 1) {
                int ea = exit(nodes[pa + EXITS], ka);
                int eb = exit(nodes[pb + EXITS], kb);
                int ec = exit(nodes[pc + EXITS], kc);
                int ed = exit(nodes[pd + EXITS], kd);
                int ee = exit(nodes[pe + EXITS], ke);
                int ef = exit(nodes[pf + EXITS], kf);
                int eg = exit(nodes[pg + EXITS], kg);
                int eh = exit(nodes[ph + EXITS], kh);
                long sum = ea + eb + ec + ed + ee + ef + eg + eh;
                long squares = ea * ea + eb * eb + ec * ec + ed * ed + ee * ee + ef * ef + eg * eg + eh * eh;
                return squares << 32 | sum;
            }
            ia = childIndex(ia, ka);
            ib = childIndex(ib, kb);
            ic = childIndex(ic, kc);
            id = childIndex(id, kd);
            ie = childIndex(ie, ke);
            iF = childIndex(iF, kf);
            ig = childIndex(ig, kg);
            ih = childIndex(ih, kh);
        }
    }

    private static long sumOf(long walks) {
        return walks & 0xFFFF_FFFFL;
    }

    private static long squaresOf(long walks) {
        return walks >>> 32;
    }

    /**
     * The vector's subset sums: entry m (below 256) is the sum of the features 0-7 whose bits are set in
     * m, entry 256 + m the same for features 8-15. Each is built from a smaller one by adding the lowest
     * feature, in the order {@link #groupSum} adds them, so fitting and scoring split identically.
     */
    private double[] subsetSums(double[] vector) {
        double[] x = SUMS.get();
        for (int group = 0; group * GROUP < dimension; group++) {
            int base = group << GROUP;
            int first = group * GROUP;
            int entries = 1 << Math.min(GROUP, dimension - first);
            x[base] = 0;
            for (int m = 1; m < entries; m++) {
                x[base + m] = x[base + (m & (m - 1))] + vector[first + Integer.numberOfTrailingZeros(m)];
            }
        }
        if (dimension <= GROUP) {
            x[1 << GROUP] = 0;
        }
        return x;
    }

    /** One tree's quantised path length for x (subset sums). */
    private int walk(int tree, double[] x) {
        int index = tree;
        for (int level = 0; ; level++) {
            int p = levelStart(level) + index * LONGS_PER_BLOCK;
            int k = 0;
            for (int step = 0; step < LEVELS_PER_BLOCK; step++) {
                k = 2 * k + 1 + right(nodes[p + k], x);
            }
            if (level == blockLevels - 1) {
                return exit(nodes[p + EXITS], k);
            }
            index = childIndex(index, k);
        }
    }

    /** Offset of the first block of a block level: the levels above hold trees x (1 + 8 + ...) blocks. */
    private int levelStart(int level) {
        return level == 0 ? 0 : trees * blocksPerTree(level) * LONGS_PER_BLOCK;
    }

    /** Index within the next level of the block that exit heap index {@code k} (7-14) leads to. */
    private static int childIndex(int index, int k) {
        return LONGS_PER_BLOCK * index + k - FIRST_EXIT;
    }

    /** The block that exit heap index {@code k} (7-14) of block {@code block} leads to. */
    private static int child(int block, int k) {
        return LONGS_PER_BLOCK * block + 1 + k - FIRST_EXIT;
    }

    /** The quantised path length of exit heap index {@code k} (7-14), one byte of the exits record. */
    private static int exit(long exits, int k) {
        return (int) (exits >>> ((k - FIRST_EXIT) << 3)) & 0xFF;
    }

    /**
     * 1 when x (subset sums) goes right at the split, i.e. its dot product lies above the bias, else 0.
     * Computed from the sign bit of bias - dot rather than branched on: the direction is a coin toss to
     * the branch predictor, and a mispredict costs more than the whole step. An inert split's masks are
     * empty, so its dot product is exactly 0 whatever x holds and +inf - 0 keeps every walk left.
     */
    private static int right(long node, double[] x) {
        int plus = (int) (node >>> 48);
        int minus = (int) (node >>> 32) & 0xFFFF;
        double dot = x[plus & 0xFF] + x[256 + (plus >>> 8)] - x[minus & 0xFF] - x[256 + (minus >>> 8)];
        return above(dot, node);
    }

    private static int above(double dot, long node) {
        return (int) (Double.doubleToRawLongBits(Float.intBitsToFloat((int) node) - dot) >>> 63);
    }

    /** The same as {@link #right} on a raw vector, for fitting: the same sums, added in the same order. */
    private static int rightOfRaw(long node, double[] vector) {
        int plus = (int) (node >>> 48);
        int minus = (int) (node >>> 32) & 0xFFFF;
        double dot = groupSum(plus & 0xFF, vector, 0) + groupSum(plus >>> 8, vector, GROUP)
                - groupSum(minus & 0xFF, vector, 0) - groupSum(minus >>> 8, vector, GROUP);
        return above(dot, node);
    }

    /** Sum of vector[first + f] over the bits f of mask, highest first, as {@link #subsetSums} adds them. */
    private static double groupSum(int mask, double[] vector, int first) {
        double sum = 0;
        for (int f = GROUP - 1; f >= 0; f--) {
            if ((mask >>> f & 1) != 0) {
                sum += vector[first + f];
            }
        }
        return sum;
    }

    int depth() {
        return depth;
    }

    /** Bytes the forest's splits and path lengths take. */
    long footprintBytes() {
        return (long) nodes.length * Long.BYTES;
    }

    private static int blockLevels(int depth) {
        return (depth + LEVELS_PER_BLOCK - 1) / LEVELS_PER_BLOCK;
    }

    /** 1 + 8 + 64 + ... blocks: a complete tree of blocks with fan-out eight. */
    private static int blocksPerTree(int blockLevels) {
        return ((1 << (LEVELS_PER_BLOCK * blockLevels)) - 1) / (LONGS_PER_BLOCK - 1);
    }

    /** c(n): the average path length of an unsuccessful binary-search-tree search among n points. */
    static double averagePath(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        return 2 * (Math.log(n - 1) + EULER) - 2.0 * (n - 1) / n;
    }

    /** Fills the forest's array tree by tree. */
    private static final class Builder {
        private final double[][] rows;
        private final int dimension;
        private final int depth;
        private final int blockLevels;
        private final int trees;
        private final double quantum;
        private final SplittableRandom random;
        private final long[] nodes;
        private final double[] min;
        private final double[] max;
        private final int[] varying;

        Builder(double[][] rows, int trees, int depth, double quantum, SplittableRandom random) {
            this.rows = rows;
            this.dimension = rows[0].length;
            this.depth = depth;
            this.blockLevels = blockLevels(depth);
            this.trees = trees;
            this.quantum = quantum;
            this.random = random;
            this.nodes = new long[trees * blocksPerTree(blockLevels) * LONGS_PER_BLOCK];
            // Every split inert until grown; exit records are overwritten below where a leaf ends.
            Arrays.fill(nodes, INERT);
            for (int i = EXITS; i < nodes.length; i += LONGS_PER_BLOCK) {
                nodes[i] = 0;
            }
            this.min = new double[dimension];
            this.max = new double[dimension];
            this.varying = new int[dimension];
        }

        void grow(int tree, int[] sample) {
            grow(tree, 0, 0, sample, 0, sample.length, 0);
        }

        /**
         * Builds the subtree at heap index {@code k} of block {@code block} (at tree {@code level}) over
         * sample[from, to); k 7-14 is an exit of the block, i.e. the root of child block k - 6.
         */
        private void grow(int tree, int block, int k, int[] sample, int from, int to, int level) {
            int count = to - from;
            if (level == depth || count <= 1) {
                leaf(tree, block, k, level, count);
                return;
            }
            int choices = boundingBox(sample, from, to);
            if (choices == 0) {
                leaf(tree, block, k, level, count);
                return;
            }
            int b = k >= FIRST_EXIT ? CompactIsolationForest.child(block, k) : block;
            int heap = k >= FIRST_EXIT ? 0 : k;
            int at = address(tree, b) + heap;
            nodes[at] = split(choices);
            int middle = partition(sample, from, to, nodes[at]);
            grow(tree, b, 2 * heap + 1, sample, from, middle, level + 1);
            grow(tree, b, 2 * heap + 2, sample, middle, to, level + 1);
        }

        /**
         * Where block {@code block} (heap order within its tree) of tree {@code tree} starts: block levels
         * follow one another, and within a level the trees' blocks do, so the walks of one level touch
         * neighbouring lines (every root first, in one 4 KB run for 64 trees).
         */
        private int address(int tree, int block) {
            int level = 0;
            while (blocksPerTree(level + 1) <= block) {
                level++;
            }
            int first = blocksPerTree(level);
            int perTree = 1 << (LEVELS_PER_BLOCK * level);
            return (trees * first + tree * perTree + block - first) * LONGS_PER_BLOCK;
        }

        /** Min and max of every feature over the node's vectors; returns how many features vary there. */
        private int boundingBox(int[] sample, int from, int to) {
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int i = from; i < to; i++) {
                double[] row = rows[sample[i]];
                for (int f = 0; f < dimension; f++) {
                    min[f] = Math.min(min[f], row[f]);
                    max[f] = Math.max(max[f], row[f]);
                }
            }
            int choices = 0;
            for (int f = 0; f < dimension; f++) {
                if (max[f] > min[f]) {
                    varying[choices++] = f;
                }
            }
            return choices;
        }

        /**
         * Draws a hyperplane through a uniform random point of the node's bounding box whose weights are
         * +1, -1 or 0 with a third each, redrawn until a feature that varies here has a weight (else the
         * split would separate nothing). A feature that is constant here may still get a weight, so a
         * vector that moves it is cut off.
         */
        private long split(int choices) {
            int plus;
            int minus;
            do {
                plus = 0;
                minus = 0;
                for (int f = 0; f < dimension; f++) {
                    int draw = random.nextInt(3);
                    plus |= (draw == 1 ? 1 : 0) << f;
                    minus |= (draw == 2 ? 1 : 0) << f;
                }
            } while (!weighsAVaryingFeature(plus | minus, choices));
            double bias = 0;
            for (int f = 0; f < dimension; f++) {
                int sign = (plus >>> f & 1) - (minus >>> f & 1);
                if (sign != 0) {
                    bias += sign * intercept(f);
                }
            }
            return (long) plus << 48 | (long) minus << 32 | Float.floatToRawIntBits((float) bias) & 0xFFFF_FFFFL;
        }

        private boolean weighsAVaryingFeature(int weighted, int choices) {
            for (int i = 0; i < choices; i++) {
                if ((weighted >>> varying[i] & 1) != 0) {
                    return true;
                }
            }
            return false;
        }

        private double intercept(int feature) {
            return min[feature] + (max[feature] - min[feature]) * random.nextDouble();
        }

        private int partition(int[] sample, int from, int to, long node) {
            int split = from;
            for (int i = from; i < to; i++) {
                if (rightOfRaw(node, rows[sample[i]]) == 0) {
                    int swap = sample[split];
                    sample[split] = sample[i];
                    sample[i] = swap;
                    split++;
                }
            }
            return split;
        }

        /**
         * Ends the walk at this node: the splits below it stay inert, so every walk reaching it leaves by
         * the leftmost exit below, which gets the path length depth + c(count), quantised to a byte.
         */
        private void leaf(int tree, int block, int k, int level, int count) {
            int b = block;
            int heap = k;
            for (int l = level; ; l++) {
                if (heap >= FIRST_EXIT) {
                    if (l == blockLevels * LEVELS_PER_BLOCK) {
                        break;
                    }
                    b = CompactIsolationForest.child(b, heap);
                    heap = 0;
                }
                heap = 2 * heap + 1;
            }
            long quantised = Math.min(255, Math.round((level + averagePath(count)) / quantum));
            int at = address(tree, b) + EXITS;
            int shift = (heap - FIRST_EXIT) << 3;
            nodes[at] = nodes[at] & ~(0xFFL << shift) | quantised << shift;
        }
    }
}
