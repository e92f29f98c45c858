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
 * floats so the whole default forest (100 trees of depth 8) stays within a few hundred kilobytes.
 */
final class CompactIsolationForest {

    /**
     * The largest depth laid out as a complete tree (4096 leaves a tree). A larger subsample gets its
     * depth capped here; the leaves' c(size) term stands in for the unbuilt levels, as it does for
     * the paper's own depth limit.
     */
    static final int MAX_DEPTH = 12;
    private static final double EULER = 0.5772156649;

    private final int trees;
    private final int depth;
    private final int innerPerTree;
    private final int leavesPerTree;
    /** Floats per inner node: the hyperplane's normal (one weight a feature), then its bias. */
    private final int stride;
    /** Per inner node, in one record so a step touches one or two cache lines; a walk goes right when w·x > bias. */
    private final float[] nodes;
    /** Per leaf slot: path length, depth of the leaf + c(vectors that reached it). */
    private final float[] pathLengths;
    private final double normaliser;

    private CompactIsolationForest(int trees, int dimension, int depth, float[] nodes, float[] pathLengths,
            int subsample) {
        this.trees = trees;
        this.stride = dimension + 1;
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
        // Four walks in lockstep: they are independent, so the CPU overlaps their memory loads.
        for (; t + 4 <= trees; t += 4) {
            int a = 0;
            int b = 0;
            int c = 0;
            int d = 0;
            for (int level = 0; level < depth; level++) {
                a = 2 * a + 1 + side(nodes, stride, t * innerPerTree + a, x);
                b = 2 * b + 1 + side(nodes, stride, (t + 1) * innerPerTree + b, x);
                c = 2 * c + 1 + side(nodes, stride, (t + 2) * innerPerTree + c, x);
                d = 2 * d + 1 + side(nodes, stride, (t + 3) * innerPerTree + d, x);
            }
            total += pathLength(t, a) + pathLength(t + 1, b) + pathLength(t + 2, c) + pathLength(t + 3, d);
        }
        for (; t < trees; t++) {
            int node = 0;
            for (int level = 0; level < depth; level++) {
                node = 2 * node + 1 + side(nodes, stride, t * innerPerTree + node, x);
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
    private static int side(float[] nodes, int stride, int node, double[] x) {
        int p = node * stride;
        int dimension = stride - 1;
        double dot = 0;
        for (int f = 0; f < dimension; f++) {
            dot += nodes[p + f] * x[f];
        }
        return (int) (Double.doubleToRawLongBits(nodes[p + dimension] - dot) >>> 63);
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
        private final float[] nodes;
        private final float[] pathLengths;
        private final double[] min;
        private final double[] max;

        Builder(double[][] rows, int trees, int depth, SplittableRandom random) {
            this.rows = rows;
            this.dimension = rows[0].length;
            this.depth = depth;
            this.innerPerTree = (1 << depth) - 1;
            this.random = random;
            this.stride = dimension + 1;
            this.nodes = new float[trees * innerPerTree * stride];
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
                double weight = random.nextGaussian();
                nodes[p + f] = (float) weight;
                bias += weight * intercept(f);
            }
            nodes[p + dimension] = (float) bias;
        }

        private double intercept(int feature) {
            return min[feature] + (max[feature] - min[feature]) * random.nextDouble();
        }

        private int partition(int[] sample, int from, int to, int inner) {
            int split = from;
            for (int i = from; i < to; i++) {
                if (side(nodes, stride, inner, rows[sample[i]]) == 0) {
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
