package dev.firebreak.engine.detect.internal.ml;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An extended isolation forest (Hariri et al.: random-hyperplane splits) stored in flat primitive
 * arrays, so scoring walks contiguous memory instead of Smile's node objects. Built with the same
 * algorithm as {@code smile.anomaly.IsolationForest} (fully extended, depth limit ceil(log2 ψ)),
 * but seeded, so fits are reproducible. Immutable once built.
 */
final class CompactIsolationForest {

    private static final double EULER = 0.5772156649;

    private final int dimension;
    private final int[] roots;
    /** Per node: index of the left child, or -1 for a leaf (right child is stored next to it). */
    private final int[] left;
    private final int[] right;
    /** Per node: split bias for inner nodes, path length (depth + c(size)) for leaves. */
    private final double[] value;
    /** Per inner node: the hyperplane normal, d entries at node * d. */
    private final double[] normals;
    private final double normaliser;

    private CompactIsolationForest(int dimension, int[] roots, Builder nodes, int subsample) {
        this.dimension = dimension;
        this.roots = roots;
        this.left = Arrays.copyOf(nodes.left, nodes.size);
        this.right = Arrays.copyOf(nodes.right, nodes.size);
        this.value = Arrays.copyOf(nodes.value, nodes.size);
        this.normals = Arrays.copyOf(nodes.normals, nodes.size * dimension);
        this.normaliser = averagePath(subsample);
    }

    static CompactIsolationForest fit(double[][] rows, int trees, int subsampleSize, long seed) {
        int d = rows[0].length;
        int subsample = Math.min(subsampleSize, rows.length);
        int maxDepth = Math.max(1, (int) Math.ceil(Math.log(subsample) / Math.log(2)));
        SplittableRandom random = new SplittableRandom(seed);
        Builder nodes = new Builder(d, trees * 2 * subsample);
        int[] roots = new int[trees];
        int[] all = new int[rows.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int t = 0; t < trees; t++) {
            // Partial Fisher-Yates: the first `subsample` entries become a sample without replacement.
            for (int i = 0; i < subsample; i++) {
                int j = i + random.nextInt(all.length - i);
                int swap = all[i];
                all[i] = all[j];
                all[j] = swap;
            }
            int[] sample = Arrays.copyOf(all, subsample);
            roots[t] = nodes.grow(rows, sample, 0, subsample, 0, maxDepth, random);
        }
        return new CompactIsolationForest(d, roots, nodes, subsample);
    }

    /** Smile's and the paper's s(x) = 2^(-E[h(x)] / c(ψ)). */
    double score(double[] x) {
        double total = 0;
        for (int root : roots) {
            int node = root;
            while (left[node] >= 0) {
                int base = node * dimension;
                double dot = 0;
                for (int f = 0; f < dimension; f++) {
                    dot += x[f] * normals[base + f];
                }
                node = dot < value[node] ? left[node] : right[node];
            }
            total += value[node];
        }
        return Math.pow(2, -(total / roots.length) / normaliser);
    }

    int nodeCount() {
        return left.length;
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

    /** Growable node arrays shared by all trees while fitting. */
    private static final class Builder {
        private final int dimension;
        private int[] left;
        private int[] right;
        private double[] value;
        private double[] normals;
        private int size;

        Builder(int dimension, int capacity) {
            this.dimension = dimension;
            this.left = new int[capacity];
            this.right = new int[capacity];
            this.value = new double[capacity];
            this.normals = new double[capacity * dimension];
        }

        /** Builds the subtree over sample[from, to) and returns its node index. */
        int grow(double[][] rows, int[] sample, int from, int to, int depth, int maxDepth, SplittableRandom random) {
            int node = allocate();
            int count = to - from;
            if (depth >= maxDepth || count <= 1) {
                return leaf(node, depth, count);
            }
            int base = node * dimension;
            double bias = 0;
            boolean spread = false;
            for (int f = 0; f < dimension; f++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    double v = rows[sample[i]][f];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                spread |= max > min;
                double normal = random.nextGaussian();
                double intercept = min + (max - min) * random.nextDouble();
                normals[base + f] = normal;
                bias += normal * intercept;
            }
            if (!spread) {
                return leaf(node, depth, count);
            }
            value[node] = bias;
            int split = partition(rows, sample, from, to, base, bias);
            int leftChild = grow(rows, sample, from, split, depth + 1, maxDepth, random);
            int rightChild = grow(rows, sample, split, to, depth + 1, maxDepth, random);
            left[node] = leftChild;
            right[node] = rightChild;
            return node;
        }

        private int partition(double[][] rows, int[] sample, int from, int to, int base, double bias) {
            int split = from;
            for (int i = from; i < to; i++) {
                double[] row = rows[sample[i]];
                double dot = 0;
                for (int f = 0; f < dimension; f++) {
                    dot += row[f] * normals[base + f];
                }
                if (dot < bias) {
                    int swap = sample[split];
                    sample[split] = sample[i];
                    sample[i] = swap;
                    split++;
                }
            }
            return split;
        }

        private int leaf(int node, int depth, int count) {
            left[node] = -1;
            right[node] = -1;
            value[node] = depth + averagePath(count);
            return node;
        }

        private int allocate() {
            if (size == left.length) {
                int capacity = size * 2;
                left = Arrays.copyOf(left, capacity);
                right = Arrays.copyOf(right, capacity);
                value = Arrays.copyOf(value, capacity);
                normals = Arrays.copyOf(normals, capacity * dimension);
            }
            return size++;
        }
    }
}
