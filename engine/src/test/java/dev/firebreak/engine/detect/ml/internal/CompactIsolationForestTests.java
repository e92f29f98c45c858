package dev.firebreak.engine.detect.ml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import smile.anomaly.IsolationForest;

class CompactIsolationForestTests {

    private static final int DIMENSION = 4;

    @Test
    void sameSeedBuildsTheSameForestAndAnotherSeedADifferentOne() {
        double[][] rows = gaussianRows(1, 1024);
        CompactIsolationForest first = CompactIsolationForest.fit(rows, 100, 256, 7);
        CompactIsolationForest again = CompactIsolationForest.fit(rows, 100, 256, 7);
        CompactIsolationForest other = CompactIsolationForest.fit(rows, 100, 256, 8);

        double[][] probes = gaussianRows(2, 50);
        double[] firstScores = scores(first, probes);

        assertThat(scores(again, probes)).containsExactly(firstScores);
        assertThat(scores(other, probes)).isNotEqualTo(firstScores);
    }

    @Test
    void isolatedPointScoresAboveEveryTrainingPoint() {
        double[][] rows = gaussianRows(3, 1024);
        CompactIsolationForest forest = CompactIsolationForest.fit(rows, 100, 256, 1);

        double highestTraining = Arrays.stream(scores(forest, rows)).max().orElseThrow();
        double outlier = forest.score(new double[] {6, -6, 6, -6});

        assertThat(outlier).isGreaterThan(highestTraining);
        assertThat(outlier).isGreaterThan(0.6);
    }

    @Test
    void pointBreakingACorrelationScoresAboveThePointsThatFollowIt() {
        // Feature 1 tracks feature 0; (2, -2) has ordinary marginals but no neighbours.
        SplittableRandom random = new SplittableRandom(4);
        double[][] rows = new double[1024][];
        for (int i = 0; i < rows.length; i++) {
            double load = random.nextGaussian() * 1.5;
            rows[i] = new double[] {load, load + 0.1 * random.nextGaussian()};
        }
        CompactIsolationForest forest = CompactIsolationForest.fit(rows, 100, 256, 1);

        double broken = forest.score(new double[] {2, -2});
        double following = forest.score(new double[] {2, 2});

        assertThat(broken).isGreaterThan(following + 0.1);
    }

    @Test
    void smallForestSeparatesAnOutlierFromTheClusterWithTenFeatures() {
        double[][] rows = componentVectors(9, 2048);
        CompactIsolationForest forest = CompactIsolationForest.fit(rows, 64, 256, 1);
        // A noise feature ten standard deviations out, the others at the cluster's centre.
        double[] outlier = {0, 0, 0, 0, 0, 0, 0, 10, 0, 0};

        double highestTraining = Arrays.stream(scores(forest, rows)).max().orElseThrow();

        assertThat(forest.score(outlier)).isGreaterThan(highestTraining);
    }

    @Test
    void smallForestScoresHighLatencyAtLowLoadAboveNormalVectorsWithTenFeatures() {
        // Three latencies follow load (0), and so does CPU (4); at load -1.5 latencies of +1.5 are inside
        // every feature's range, but no normal vector has them there. Five features are independent noise.
        double[][] rows = componentVectors(11, 2048);
        CompactIsolationForest forest = CompactIsolationForest.fit(rows, 64, 256, 1);
        double[] following = {-1.5, -1.5, -1.5, -1.5, -1.5, 0, 0, 0, 0, 0};
        double[] broken = {-1.5, 1.5, 1.5, 1.5, -1.5, 0, 0, 0, 0, 0};

        double[] training = scores(forest, rows);
        Arrays.sort(training);

        assertThat(forest.score(broken)).isGreaterThan(forest.score(following) + 0.03);
        assertThat(forest.score(broken)).isGreaterThan(training[training.length / 2]);
    }

    @Test
    void treeShallowerThanItsBlocksStillSeparatesAnOutlier() {
        // Subsample 16: depth 4, laid out as two block levels whose last two levels are inert splits.
        double[][] rows = gaussianRows(13, 2048);
        CompactIsolationForest forest = CompactIsolationForest.fit(rows, 64, 16, 1);

        double ordinary = forest.score(new double[] {0, 0, 0, 0});
        double outlier = forest.score(new double[] {5, -5, 5, -5});

        assertThat(forest.depth()).isEqualTo(4);
        assertThat(outlier).isGreaterThan(ordinary + 0.15);
    }

    @Test
    void moreThanSixteenFeaturesAreRejected() {
        double[][] rows = new double[16][17];

        assertThatThrownBy(() -> CompactIsolationForest.fit(rows, 8, 16, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 16 features");
    }

    @Test
    void ranksPointsLikeSmilesForest() {
        double[][] rows = gaussianRows(5, 1024);
        CompactIsolationForest compact = CompactIsolationForest.fit(rows, 200, 256, 1);
        IsolationForest smile = IsolationForest.fit(rows, new IsolationForest.Options(200, 8, 0.25, 0));
        double[][] probes = gaussianRows(6, 200);
        for (int i = 0; i < probes.length; i++) {
            for (int f = 0; f < DIMENSION; f++) {
                probes[i][f] *= 1 + i / 50.0;
            }
        }

        double correlation = spearman(scores(compact, probes), Arrays.stream(probes).mapToDouble(smile::score).toArray());

        assertThat(correlation).isGreaterThan(0.9);
    }

    @Test
    void forestWhoseTreeCountIsNotAMultipleOfFourUsesEveryTree() {
        double[][] rows = gaussianRows(7, 512);
        CompactIsolationForest seven = CompactIsolationForest.fit(rows, 7, 256, 1);
        CompactIsolationForest eight = CompactIsolationForest.fit(rows, 8, 256, 1);
        double[] probe = {3, 3, -3, 0};

        // Same seed: the first seven trees are shared, so the eighth alone tells them apart.
        assertThat(seven.score(probe)).isNotEqualTo(eight.score(probe));
        assertThat(seven.score(probe)).isGreaterThan(seven.score(new double[] {0, 0, 0, 0}));
    }

    @Test
    void largeSubsampleHasItsDepthCappedAndStillSeparatesOutliers() {
        double[][] rows = gaussianRows(8, 10_000);
        CompactIsolationForest forest = CompactIsolationForest.fit(rows, 8, 10_000, 1);

        assertThat(forest.depth()).isEqualTo(CompactIsolationForest.MAX_DEPTH);
        assertThat(forest.score(new double[] {8, 8, 8, 8})).isGreaterThan(forest.score(new double[] {0, 0, 0, 0}));
    }

    @Test
    void constantRowsGiveOneLeafPerTreeAndAFiniteScore() {
        double[][] rows = new double[300][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {1, 2, 3, 4};
        }
        CompactIsolationForest forest = CompactIsolationForest.fit(rows, 10, 256, 1);

        assertThat(forest.score(new double[] {1, 2, 3, 4})).isFinite();
        assertThat(forest.score(new double[] {Double.NaN, 2, 3, 4})).isFinite();
    }

    @Test
    void stoppingEarlyKeepsEveryVectorOnItsSideOfTheBarAndSkipsTreesForMostNormalOnes() {
        double[][] rows = componentVectors(21, 2048);
        CompactIsolationForest forest = CompactIsolationForest.fit(rows, 64, 256, 1);
        double[] training = scores(forest, rows);
        Arrays.sort(training);
        double bar = training[(int) (training.length * 0.99)];
        ToDoubleFunction<double[]> stopping = forest.stoppingBelow(bar, rows);
        // Normal vectors, then the same ones stretched further and further out.
        double[][] probes = componentVectors(22, 3000);
        for (int i = 1000; i < probes.length; i++) {
            for (int f = 0; f < probes[i].length; f++) {
                probes[i][f] *= 1 + (i - 1000) / 400.0;
            }
        }

        int above = 0;
        int stoppedAmongNormal = 0;
        for (int i = 0; i < probes.length; i++) {
            double full = forest.score(probes[i]);
            double early = stopping.applyAsDouble(probes[i]);
            if (full > bar) {
                above++;
                assertThat(early).as("probe %d, above the bar", i).isEqualTo(full);
            } else {
                assertThat(early).as("probe %d, below the bar", i).isLessThanOrEqualTo(bar);
                stoppedAmongNormal += i < 1000 && early != full ? 1 : 0;
            }
        }

        assertThat(above).as("probes above the bar").isGreaterThan(500);
        assertThat(stoppedAmongNormal).as("normal probes scored on part of the forest").isGreaterThan(500);
    }

    @Test
    void barOfNaNOrZeroNeverStopsEarly() {
        double[][] rows = componentVectors(23, 1024);
        CompactIsolationForest forest = CompactIsolationForest.fit(rows, 64, 256, 1);
        ToDoubleFunction<double[]> nan = forest.stoppingBelow(Double.NaN, rows);
        ToDoubleFunction<double[]> zero = forest.stoppingBelow(0, rows);

        for (double[] probe : componentVectors(24, 200)) {
            assertThat(nan.applyAsDouble(probe)).isEqualTo(forest.score(probe));
            assertThat(zero.applyAsDouble(probe)).isEqualTo(forest.score(probe));
        }
    }

    /** Ten robust-scaled features: latencies (1-3) and CPU (4) follow load (0), the other five are noise. */
    private static double[][] componentVectors(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[count][10];
        for (double[] row : rows) {
            row[0] = random.nextGaussian();
            for (int f = 1; f < 5; f++) {
                row[f] = row[0] + 0.3 * random.nextGaussian();
            }
            for (int f = 5; f < row.length; f++) {
                row[f] = random.nextGaussian();
            }
        }
        return rows;
    }

    private static double[][] gaussianRows(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[count][DIMENSION];
        for (double[] row : rows) {
            for (int f = 0; f < DIMENSION; f++) {
                row[f] = random.nextGaussian();
            }
        }
        return rows;
    }

    private static double[] scores(CompactIsolationForest forest, double[][] rows) {
        return Arrays.stream(rows).mapToDouble(forest::score).toArray();
    }

    private static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double n = a.length;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (ra[i] - rb[i]) * (ra[i] - rb[i]);
        }
        return 1 - 6 * sum / (n * (n * n - 1));
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] ranks = new double[values.length];
        for (int r = 0; r < order.length; r++) {
            ranks[order[r]] = r;
        }
        return ranks;
    }
}
