package dev.firebreak.engine.detect.ml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.ml.MlConfirmationConfig;
import dev.firebreak.engine.detect.ml.MlDetectors;
import dev.firebreak.engine.detect.ml.VectorDetector;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ConfirmedVectorDetectorTests {

    private static final Executor DIRECT = Runnable::run;
    private static final int WINDOW = 2048;
    private static final MlConfirmationConfig CONFIRMATION = MlConfirmationConfig.ofDefaults();

    private static ConfirmedVectorDetector shippedOn(List<String> features, Executor executor) {
        return new ConfirmedVectorDetector(List.of(
                MlDetectorFactory.isolationForest(MlDetectors.shippedForest(), features, executor),
                MlDetectorFactory.reconstruction(MlDetectors.shippedReconstruction(), features, executor)),
                CONFIRMATION);
    }

    @Test
    void abstainsOnOrdinaryVectorsAfterTraining() {
        ConfirmedVectorDetector detector = shippedOn(CorrelatedVectors.FEATURES, DIRECT);
        CorrelatedVectors normal = new CorrelatedVectors(3);
        feed(detector, normal, WINDOW);

        int fired = 0;
        for (int i = 0; i < 5000; i++) {
            DetectorOutput output = detector.update(WINDOW + i, normal.next());
            fired += output.fired() ? 1 : 0;
            assertThat(output.isLearning()).as("abstains rather than scoring 'normal'").isTrue();
        }

        assertThat(fired).isZero();
    }

    @Test
    void firesOnABrokenCorrelationOnlyOnceItPersists() {
        ConfirmedVectorDetector detector = shippedOn(CorrelatedVectors.FEATURES, DIRECT);
        double[][] training = feed(detector, new CorrelatedVectors(5), WINDOW);
        double[] slowAtLowLoad = CorrelatedVectors.slowAtLowLoad();

        DetectorOutput[] outputs = new DetectorOutput[CONFIRMATION.persistTicks()];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = detector.update(WINDOW + i, slowAtLowLoad);
        }

        for (int f = 0; f < slowAtLowLoad.length; f++) {
            assertThat(slowAtLowLoad[f]).as("feature %s alone is within its training range", f)
                    .isBetween(min(training, f), max(training, f));
        }
        for (int i = 0; i < outputs.length - 1; i++) {
            assertThat(outputs[i].fired()).as("vector %d of a run of %d", i + 1, outputs.length).isFalse();
        }
        DetectorOutput confirmed = outputs[outputs.length - 1];
        assertThat(confirmed.fired()).as(confirmed.reason()).isTrue();
        assertThat(confirmed.score()).isGreaterThan(CONFIRMATION.scoreBar());
        assertThat(confirmed.kind().family()).isEqualTo(DetectorKind.RECONSTRUCTION.family());
        assertThat(confirmed.reason()).contains("latency_p99").contains("in a row");
    }

    @Test
    void oneOrdinaryVectorRestartsTheRun() {
        ConfirmedVectorDetector detector = shippedOn(CorrelatedVectors.FEATURES, DIRECT);
        CorrelatedVectors normal = new CorrelatedVectors(7);
        feed(detector, normal, WINDOW);

        boolean fired = false;
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < CONFIRMATION.persistTicks() - 1; i++) {
                fired |= detector.update(round, CorrelatedVectors.slowAtLowLoad()).fired();
            }
            fired |= detector.update(round, normal.atLoad(500)).fired();
        }

        assertThat(fired).isFalse();
    }

    @Test
    void refitsRunOnTheGivenExecutorWhileScoringGoesOn() {
        HeldExecutor background = new HeldExecutor();
        ConfirmedVectorDetector detector = shippedOn(CorrelatedVectors.FEATURES, background);
        CorrelatedVectors normal = new CorrelatedVectors(11);

        feed(detector, normal, MlDetectors.shippedForest().minTrainingSamples() + 100);
        DetectorOutput whileHeld = detector.update(1_000, normal.next());

        assertThat(background.size()).as("first fits of forest and reconstruction, handed off").isEqualTo(2);
        assertThat(detector.modelsTrained()).isZero();
        assertThat(whileHeld.reason()).startsWith("learning");

        background.releaseAll();
        DetectorOutput afterSwap = detector.update(1_001, normal.next());

        assertThat(detector.modelsTrained()).isEqualTo(2);
        assertThat(afterSwap.reason()).startsWith("no opinion");
    }

    private static double[][] feed(VectorDetector detector, CorrelatedVectors vectors, int count) {
        double[][] fed = new double[count][];
        for (int i = 0; i < count; i++) {
            fed[i] = vectors.next();
            detector.update(i, fed[i]);
        }
        return fed;
    }

    private static double min(double[][] rows, int f) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] row : rows) {
            min = Math.min(min, row[f]);
        }
        return min;
    }

    private static double max(double[][] rows, int f) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : rows) {
            max = Math.max(max, row[f]);
        }
        return max;
    }
}
