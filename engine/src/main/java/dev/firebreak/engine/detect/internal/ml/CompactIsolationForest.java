package dev.firebreak.engine.detect.internal.ml;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An extended isolation forest (Hariri et al.: random-hyperplane splits, so it cuts across
 * correlations such as high latency at low load), built like {@code smile.anomaly.IsolationForest}
 * (fully extended, depth limit ceil(log2 ψ)) but seeded, so fits are reproducible. Immutable once built.
 *
 * <p>Scoring is the hot path of the detection thread (one call per component per tick), so each tree
 * is stored as a complete binary tree of its depth limit in implicit heap order: node i has children
 * 2i+1 and 2i+2, no child pointers, and every walk takes exactly {@code depth} steps whose next index
 * is computed rather than branched on. A node that became a leaf early has zero weights below it
 * (every walk goes left) and its path length copied into all leaf slots under it. Parameters are
 * half-precision weights in records padded to a power of two, so the default forest over 8-14
 * metrics (100 trees of depth 8) takes 800 KB and a walk touches one cache line per level.
 */
final class CompactIsolationForest {

    /**
     * The largest depth laid out as a complete tree (4096 leaves a tree). A larger subsample gets its
     * depth capped here; the leaves' c(size) term stands in for the unbuilt levels, as it does for
     * the paper's own depth limit.
     */
    static final int MAX_DEPTH = 12;
    private static final int LANES = 8;
    private static final double EULER = 0.5772156649;

    private final int trees;
    private final int depth;
    private final int innerPerTree;
    private final int leavesPerTree;
    private final int dimension;
    /** Shorts per inner node: the hyperplane's normal (one half-precision weight a feature), then its float bias. */
    private final int stride;
    /**
     * Per inner node, in one record of 16, 32 or 64 bytes, so a step touches one cache line; a walk goes
     * right when w·x > bias. Half-precision weights halve the bytes a walk pulls in; the bias stays a
     * float because it carries the data's range.
     */
    private final short[] nodes;
    /** Per leaf slot: path length, depth of the leaf + c(vectors that reached it). */
    private final float[] pathLengths;
    private final double normaliser;

    private CompactIsolationForest(int trees, int dimension, int depth, short[] nodes, float[] pathLengths,
            int subsample) {
        this.trees = trees;
        this.dimension = dimension;
        this.stride = strideFor(dimension);
        this.nodes = nodes;
        this.depth = depth;
        this.innerPerTree = (1 << depth) - 1;
        this.leavesPerTree = 1 << depth;
        this.pathLengths = pathLengths;
        this.normaliser = averagePath(subsample);
    }

    static CompactIsolationForest fit(double[][] rows, int trees, int subsampleSize, long seed) {
        int d = rows[0].length;
        int subsample = Math.min(subsampleSize, rows.length);
        int depth = Math.min(MAX_DEPTH, Math.max(1, (int) Math.ceil(Math.log(subsample) / Math.log(2))));
        Builder builder = new Builder(rows, trees, depth, new SplittableRandom(seed));
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
        return new CompactIsolationForest(trees, d, depth, builder.nodes, builder.pathLengths,
                subsample);
    }

    /** Smile's and the paper's s(x) = 2^(-E[h(x)] / c(ψ)). */
    double score(double[] x) {
        double total = 0;
        int t = 0;
        // Eight walks in lockstep, their dot products interleaved feature by feature: each level starts
        // with eight independent loads, so the CPU overlaps their cache misses (with hundreds of
        // components, each forest is cold when its component's turn comes).
        for (; t + LANES <= trees; t += LANES) {
            int a = 0;
            int b = 0;
            int c = 0;
            int d = 0;
            int e = 0;
            int f = 0;
            int g = 0;
            int h = 0;
            int root = t * innerPerTree;
            for (int level = 0; level < depth; level++) {
                int pa = (root + a) * stride;
                int pb = (root + innerPerTree + b) * stride;
                int pc = (root + 2 * innerPerTree + c) * stride;
                int pd = (root + 3 * innerPerTree + d) * stride;
                int pe = (root + 4 * innerPerTree + e) * stride;
                int pf = (root + 5 * innerPerTree + f) * stride;
                int pg = (root + 6 * innerPerTree + g) * stride;
                int ph = (root + 7 * innerPerTree + h) * stride;
                double da = 0;
                double db = 0;
                double dc = 0;
                double dd = 0;
                double de = 0;
                double df = 0;
                double dg = 0;
                double dh = 0;
                for (int k = 0; k < dimension; k++) {
                    double xk = x[k];
                    da += Float.float16ToFloat(nodes[pa + k]) * xk;
                    db += Float.float16ToFloat(nodes[pb + k]) * xk;
                    dc += Float.float16ToFloat(nodes[pc + k]) * xk;
                    dd += Float.float16ToFloat(nodes[pd + k]) * xk;
                    de += Float.float16ToFloat(nodes[pe + k]) * xk;
                    df += Float.float16ToFloat(nodes[pf + k]) * xk;
                    dg += Float.float16ToFloat(nodes[pg + k]) * xk;
                    dh += Float.float16ToFloat(nodes[ph + k]) * xk;
                }
                a = 2 * a + 1 + right(nodes, pa + dimension, da);
                b = 2 * b + 1 + right(nodes, pb + dimension, db);
                c = 2 * c + 1 + right(nodes, pc + dimension, dc);
                d = 2 * d + 1 + right(nodes, pd + dimension, dd);
                e = 2 * e + 1 + right(nodes, pe + dimension, de);
                f = 2 * f + 1 + right(nodes, pf + dimension, df);
                g = 2 * g + 1 + right(nodes, pg + dimension, dg);
                h = 2 * h + 1 + right(nodes, ph + dimension, dh);
            }
            total += pathLength(t, a) + pathLength(t + 1, b) + pathLength(t + 2, c) + pathLength(t + 3, d)
                    + pathLength(t + 4, e) + pathLength(t + 5, f) + pathLength(t + 6, g) + pathLength(t + 7, h);
        }
        for (; t < trees; t++) {
            int node = 0;
            for (int level = 0; level < depth; level++) {
                node = 2 * node + 1 + side(nodes, stride, dimension, t * innerPerTree + node, x);
            }
            total += pathLength(t, node);
        }
        return Math.pow(2, -(total / trees) / normaliser);
    }

    private float pathLength(int tree, int leafNode) {
        return pathLengths[tree * leavesPerTree + leafNode - innerPerTree];
    }

    /**
     * 1 when x goes right at the node, else 0; shared by fitting and scoring so both split the same
     * way. Computed from the sign bit rather than branched on: the direction is a coin toss to the
     * branch predictor, and a mispredict costs more than the whole step.
     */
    private static int side(short[] nodes, int stride, int dimension, int node, double[] x) {
        int p = node * stride;
        double dot = 0;
        for (int f = 0; f < dimension; f++) {
            dot += Float.float16ToFloat(nodes[p + f]) * x[f];
        }
        return right(nodes, p + dimension, dot);
    }

    /** 1 when the dot product lies above the bias stored (as a float's two halves) at {@code biasAt}. */
    private static int right(short[] nodes, int biasAt, double dot) {
        float bias = Float.intBitsToFloat(nodes[biasAt] << 16 | nodes[biasAt + 1] & 0xFFFF);
        return (int) (Double.doubleToRawLongBits(bias - dot) >>> 63);
    }

    /** Shorts per node: the weights and the bias's two halves, padded so a node never spans two cache lines. */
    static int strideFor(int dimension) {
        return Integer.highestOneBit(dimension + 1) << 1;
    }

    int depth() {
        return depth;
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

    /** Fills the forest's arrays tree by tree. */
    private static final class Builder {
        private final double[][] rows;
        private final int dimension;
        private final int depth;
        private final int innerPerTree;
        private final SplittableRandom random;
        private final int stride;
        private final short[] nodes;
        private final float[] pathLengths;
        private final double[] min;
        private final double[] max;

        Builder(double[][] rows, int trees, int depth, SplittableRandom random) {
            this.rows = rows;
            this.dimension = rows[0].length;
            this.depth = depth;
            this.innerPerTree = (1 << depth) - 1;
            this.random = random;
            this.stride = strideFor(dimension);
            this.nodes = new short[trees * innerPerTree * stride];
            this.pathLengths = new float[trees << depth];
            this.min = new double[dimension];
            this.max = new double[dimension];
        }

        void grow(int tree, int[] sample) {
            grow(tree, sample, 0, sample.length, 0, 0);
        }

        /** Builds the subtree at heap index {@code node} (at {@code level}) over sample[from, to). */
        private void grow(int tree, int[] sample, int from, int to, int node, int level) {
            int count = to - from;
            if (level == depth || count <= 1) {
                leaf(tree, node, level, count);
                return;
            }
            if (!boundingBox(sample, from, to)) {
                leaf(tree, node, level, count);
                return;
            }
            int inner = tree * innerPerTree + node;
            split(inner);
            int middle = partition(sample, from, to, inner);
            grow(tree, sample, from, middle, 2 * node + 1, level + 1);
            grow(tree, sample, middle, to, 2 * node + 2, level + 1);
        }

        /** Min and max of every feature over the node's vectors; returns whether any feature varies. */
        private boolean boundingBox(int[] sample, int from, int to) {
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int i = from; i < to; i++) {
                double[] row = rows[sample[i]];
                for (int f = 0; f < dimension; f++) {
                    min[f] = Math.min(min[f], row[f]);
                    max[f] = Math.max(max[f], row[f]);
                }
            }
            for (int f = 0; f < dimension; f++) {
                if (max[f] > min[f]) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Draws the node's hyperplane through a uniform random point of the node's bounding box,
         * with a Gaussian normal over all features (Hariri's fully extended split). A feature that
         * is constant here still gets a weight, so a vector that moves it is cut off.
         */
        private void split(int inner) {
            int p = inner * stride;
            double bias = 0;
            for (int f = 0; f < dimension; f++) {
                short weight = Float.floatToFloat16((float) random.nextGaussian());
                nodes[p + f] = weight;
                // The plane passes through the drawn point with the weights as stored.
                bias += Float.float16ToFloat(weight) * intercept(f);
            }
            int bits = Float.floatToRawIntBits((float) bias);
            nodes[p + dimension] = (short) (bits >>> 16);
            nodes[p + dimension + 1] = (short) bits;
        }

        private double intercept(int feature) {
            return min[feature] + (max[feature] - min[feature]) * random.nextDouble();
        }

        private int partition(int[] sample, int from, int to, int inner) {
            int split = from;
            for (int i = from; i < to; i++) {
                if (side(nodes, stride, dimension, inner, rows[sample[i]]) == 0) {
                    int swap = sample[split];
                    sample[split] = sample[i];
                    sample[i] = swap;
                    split++;
                }
            }
            return split;
        }

        /**
         * Ends the walk at this node: its inner descendants keep zero weights (0 > 0 fails, so walks go
         * left), and every leaf slot under it gets its path length.
         */
        private void leaf(int tree, int node, int level, int count) {
            int below = depth - level;
            int firstSlot = ((node + 1) << below) - 1 - innerPerTree;
            int start = (tree << depth) + firstSlot;
            Arrays.fill(pathLengths, start, start + (1 << below), (float) (level + averagePath(count)));
        }
    }
}
