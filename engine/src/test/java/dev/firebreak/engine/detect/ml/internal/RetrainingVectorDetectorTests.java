package dev.firebreak.engine.detect.ml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.ml.IsolationForestConfig;
import dev.firebreak.engine.detect.ml.MlConfirmationConfig;
import dev.firebreak.engine.detect.ml.ReconstructionConfig;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetrainingVectorDetectorTests {

    private static final Executor DIRECT = Runnable::run;
    private static final int WINDOW = 1024;

    private static final Function<Executor, RetrainingVectorDetector> SMILE_FOREST = executor ->
            MlDetectorFactory.isolationForest(IsolationForestConfig.ofDefaults().withWindow(WINDOW, 256, 256)
                    .withAdmitAnomalousEvery(1).withImplementation(IsolationForestConfig.Implementation.SMILE),
                    CorrelatedVectors.FEATURES, executor);

    static Stream<Arguments> detectors() {
        Function<Executor, RetrainingVectorDetector> forest = executor -> MlDetectorFactory.isolationForest(
                IsolationForestConfig.ofDefaults().withWindow(WINDOW, 256, 256).withAdmitAnomalousEvery(1),
                CorrelatedVectors.FEATURES, executor);
        Function<Executor, RetrainingVectorDetector> smileForest = SMILE_FOREST;
        Function<Executor, RetrainingVectorDetector> reconstruction = executor -> MlDetectorFactory.reconstruction(
                ReconstructionConfig.ofDefaults().withWindow(WINDOW, 256, 256).withAdmitAnomalousEvery(1),
                CorrelatedVectors.FEATURES, executor);
        return Stream.of(Arguments.of(DetectorKind.ISOLATION_FOREST, forest),
                Arguments.of(DetectorKind.ISOLATION_FOREST, smileForest),
                Arguments.of(DetectorKind.RECONSTRUCTION, reconstruction));
    }

    /**
     * The detectors with the score a correlation break must reach: the shipped ones (compact forest,
     * reconstruction) the ML confirmation's bar (0.75, ADR 0012); Smile's forest, the unseeded reference,
     * only its threshold (0.5): at 64 trees its score for one vector varies from fit to fit (0.63-0.8).
     */
    static Stream<Arguments> detectorsWithBreakBar() {
        return detectors().map(arguments -> {
            Object[] values = arguments.get();
            boolean smile = values[1] == SMILE_FOREST;
            return Arguments.of(values[0], values[1], smile ? 0.5 : MlConfirmationConfig.ofDefaults().scoreBar());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectorsWithBreakBar")
    void vectorBreakingTheCorrelationScoresHighWhileNormalVectorsScoreLow(DetectorKind kind,
            Function<Executor, RetrainingVectorDetector> create, double breakBar) {
        RetrainingVectorDetector detector = create.apply(DIRECT);
        CorrelatedVectors normal = new CorrelatedVectors(1);
        feed(detector, normal, WINDOW);

        double[] normalScores = new double[500];
        for (int i = 0; i < normalScores.length; i++) {
            normalScores[i] = detector.update(i, normal.next()).score();
        }
        DetectorOutput broken = detector.update(600, CorrelatedVectors.slowAtLowLoad());

        Arrays.sort(normalScores);
        assertThat(normalScores[normalScores.length / 2]).as("median normal score").isLessThan(0.2);
        assertThat(normalScores[(int) (normalScores.length * 0.9)]).as("p90 normal score").isLessThan(0.5);
        assertThat(broken.score()).as(broken.reason()).isGreaterThan(breakBar);
        assertThat(broken.fired()).isTrue();
        assertThat(broken.kind()).isEqualTo(kind);
        assertThat(broken.reason()).contains("most unusual: latency_p99");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void scoresAreNaNWhileLearning(DetectorKind kind, Function<Executor, RetrainingVectorDetector> create) {
        RetrainingVectorDetector detector = create.apply(DIRECT);

        DetectorOutput first = detector.update(0, new CorrelatedVectors(2).next());

        assertThat(first.isLearning()).isTrue();
        assertThat(first.reason()).contains("learning: 0 of 256");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void missingFeatureIsImputedFromTheMedianAndSaid(DetectorKind kind,
            Function<Executor, RetrainingVectorDetector> create) {
        RetrainingVectorDetector detector = create.apply(DIRECT);
        CorrelatedVectors normal = new CorrelatedVectors(3);
        feed(detector, normal, WINDOW);
        double[] vector = normal.atLoad(550);
        vector[2] = Double.NaN;

        DetectorOutput output = detector.update(0, vector);

        assertThat(output.score()).isBetween(0.0, 0.5);
        assertThat(output.reason()).contains("missing cpu imputed from the training median");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectorsWithBreakBar")
    void retrainingAfterAShiftMakesTheNewNormalScoreLow(DetectorKind kind,
            Function<Executor, RetrainingVectorDetector> create, double shiftBar) {
        RetrainingVectorDetector detector = create.apply(DIRECT);
        CorrelatedVectors before = new CorrelatedVectors(4);
        feed(detector, before, WINDOW);
        CorrelatedVectors after = before.shiftedLatency(120);
        double shiftedBeforeRetrain = detector.update(0, after.atLoad(500)).score();
        long modelsBefore = detector.modelsTrained();

        feed(detector, after, WINDOW);

        // Smile's unseeded forest scored this shift 0.744 on one CI fit, so it is held to its threshold only.
        assertThat(shiftedBeforeRetrain).as("shift before the refit").isGreaterThan(shiftBar);
        assertThat(detector.modelsTrained()).isGreaterThan(modelsBefore);
        assertThat(medianScore(detector, after, 200)).isLessThan(0.2);
        // The median of a few draws: one noisy draw tells more about its noise than about the model. Unusual
        // means above the model's threshold (calibrated to 0.5), not necessarily by the confirmation margin
        // (0.75): the forests of ADR 0013 reach 0.68-0.75 here, and Smile's forest is unseeded, so its draws vary.
        assertThat(medianScore(detector, () -> before.atLoad(500), 15)).as("old normal is now unusual")
                .isGreaterThan(0.6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void scoringGoesOnWithTheOldModelWhileARefitIsHeld(DetectorKind kind,
            Function<Executor, RetrainingVectorDetector> create) {
        HeldExecutor held = new HeldExecutor();
        RetrainingVectorDetector detector = create.apply(held);
        CorrelatedVectors before = new CorrelatedVectors(5);
        feed(detector, before, 256);
        held.releaseAll();
        CorrelatedVectors after = before.shiftedLatency(120);

        feed(detector, after, 256);
        boolean trainingHeld = detector.isTraining();
        double[] whileHeld = new double[300];
        for (int i = 0; i < whileHeld.length; i++) {
            whileHeld[i] = detector.update(i, after.next()).score();
        }
        int queuedWhileHeld = held.size();
        held.releaseAll();
        feed(detector, after, WINDOW);
        held.releaseAll();

        assertThat(trainingHeld).isTrue();
        assertThat(queuedWhileHeld).as("no second refit queued behind the held one").isEqualTo(1);
        assertThat(Arrays.stream(whileHeld).filter(score -> score > 0.5).count()).as("old model still scoring")
                .isGreaterThan(whileHeld.length * 9 / 10);
        assertThat(detector.modelsTrained()).isGreaterThanOrEqualTo(2);
        assertThat(medianScore(detector, after, 200)).isLessThan(0.2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void scoringDoesNotWaitForAFitRunningOnAnotherThread(DetectorKind kind,
            Function<Executor, RetrainingVectorDetector> create) throws InterruptedException {
        ExecutorService trainerThread = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        Executor gated = task -> trainerThread.execute(() -> {
            awaitQuietly(release);
            task.run();
        });
        RetrainingVectorDetector detector = create.apply(gated);
        CorrelatedVectors normal = new CorrelatedVectors(6);

        feed(detector, normal, 2 * WINDOW);
        boolean learningWhileBlocked = detector.update(0, normal.next()).isLearning();
        release.countDown();
        trainerThread.shutdown();
        boolean finished = trainerThread.awaitTermination(60, TimeUnit.SECONDS);

        assertThat(learningWhileBlocked).isTrue();
        assertThat(finished).isTrue();
        assertThat(detector.modelsTrained()).isEqualTo(1);
        assertThat(detector.update(0, normal.next()).isLearning()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void vectorOfTheWrongLengthIsRejectedNamingTheFeatures(DetectorKind kind,
            Function<Executor, RetrainingVectorDetector> create) {
        RetrainingVectorDetector detector = create.apply(DIRECT);

        assertThatThrownBy(() -> detector.update(0, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 3 [request_rate, latency_p99, cpu]");
    }

    private static void feed(RetrainingVectorDetector detector, CorrelatedVectors vectors, int count) {
        for (int i = 0; i < count; i++) {
            detector.update(i, vectors.next());
        }
    }

    private static double medianScore(RetrainingVectorDetector detector, CorrelatedVectors vectors, int count) {
        return medianScore(detector, vectors::next, count);
    }

    private static double medianScore(RetrainingVectorDetector detector, Supplier<double[]> vectors, int count) {
        double[] scores = new double[count];
        for (int i = 0; i < count; i++) {
            scores[i] = detector.update(i, vectors.get()).score();
        }
        Arrays.sort(scores);
        return scores[count / 2];
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
