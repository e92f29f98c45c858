package dev.firebreak.engine.detect.ml.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.ml.VectorDetector;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Formatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A vector detector whose model is refitted in the background on a sliding window of recent vectors
 * and swapped in through a volatile reference, so scoring never waits for training.
 *
 * <p>{@link #update} is called from one thread (the detection thread). Every {@code retrainEvery}
 * admitted vectors it freezes the window (without copying it) and hands the fit to the caller's executor;
 * while a fit is running it keeps scoring with the previous model and does not queue another. Vectors the current
 * model finds anomalous enter the window only one in {@code admitAnomalousEvery}, so a ten-minute
 * fault is not learned as normal, while a lasting change of regime still is, more slowly.
 */
public final class RetrainingVectorDetector implements VectorDetector {

    private static final Logger LOG = LoggerFactory.getLogger(RetrainingVectorDetector.class);
    private static final VarHandle TRAINING;

    static {
        try {
            TRAINING = MethodHandles.lookup().findVarHandle(RetrainingVectorDetector.class, "training", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private static final int FEATURES_NAMED = 3;

    private final DetectorKind kind;
    private final List<String> featureNames;
    private final int dimension;
    private final ModelTrainer trainer;
    private final Executor executor;
    private final TrainingWindow window;
    private final int retrainEvery;
    private final int minTrainingSamples;
    private final int admitAnomalousEvery;
    /**
     * Whether a fit is running: a volatile field set through {@link #TRAINING} rather than an AtomicBoolean,
     * so checking it costs no extra object (and cache line) per vector.
     */
    private volatile boolean training;
    private volatile VectorModel model;
    private volatile long modelsTrained;
    private int admittedSinceFit;
    private int anomalousSeen;
    private final double[] scaled;
    private final boolean[] imputed;
    private final double[] blame;
    /**
     * The explanation of a fired vector is formatted into this one builder, owned by the scoring thread: a
     * raw forest fires on a few percent of vectors, and a new formatter and builder per string was most of
     * the bytes the detection tick allocated.
     */
    private final StringBuilder text = new StringBuilder(160);
    private final Formatter formatter = new Formatter(text, Locale.ROOT);
    private final boolean[] named;
    /**
     * The parts of an explanation that only depend on the model (its threshold, its feature medians), formatted
     * once per model rather than once per fired vector; {@code explained} is the model they were formatted for.
     */
    private VectorModel explained;
    private String thresholdText;
    private final String[] medianTexts;

    RetrainingVectorDetector(DetectorKind kind, List<String> featureNames, ModelTrainer trainer, Executor executor,
            int windowSize, int retrainEvery, int minTrainingSamples, int admitAnomalousEvery) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.featureNames = List.copyOf(featureNames);
        this.dimension = this.featureNames.size();
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.window = new TrainingWindow(windowSize, dimension);
        this.retrainEvery = retrainEvery;
        this.minTrainingSamples = minTrainingSamples;
        this.admitAnomalousEvery = admitAnomalousEvery;
        this.scaled = new double[dimension];
        this.imputed = new boolean[dimension];
        this.blame = new double[dimension];
        this.named = new boolean[dimension];
        this.medianTexts = new String[dimension];
    }

    @Override
    public DetectorKind kind() {
        return kind;
    }

    /** The names of the vector's features, in order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** How many models have been fitted and swapped in so far. */
    public long modelsTrained() {
        return modelsTrained;
    }

    /** Whether a background fit is running now. */
    public boolean isTraining() {
        return training;
    }

    @Override
    public DetectorOutput update(long epochSecond, double[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(
                    "vector has " + vector.length + " features, expected " + dimension + " " + featureNames);
        }
        VectorModel current = model;
        DetectorOutput output = current == null ? learning() : score(current, vector);
        admit(vector, output.fired());
        maybeRetrain();
        return output;
    }

    private DetectorOutput learning() {
        return new DetectorOutput(kind, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN,
                "learning: " + window.count() + " of " + minTrainingSamples + " vectors needed before the first model");
    }

    private DetectorOutput score(VectorModel current, double[] vector) {
        RobustScaler scaler = current.scaler();
        int missing = scaler.transform(vector, scaled, imputed);
        double raw = current.rawScore(scaled);
        ScoreCalibration calibration = current.calibration();
        double score = calibration.score(raw);
        boolean fired = calibration.exceeds(raw);
        String reason = fired || missing > 0
                ? explain(current, vector, raw, fired, missing)
                : "within the normal range of its training window";
        return new DetectorOutput(kind, score, fired, raw, calibration.median(), calibration.threshold(), reason);
    }

    private String explain(VectorModel current, double[] vector, double raw, boolean fired, int missing) {
        if (explained != current) {
            ScoreCalibration calibration = current.calibration();
            thresholdText = String.format(Locale.ROOT, " p%d %.3g of training",
                    Math.round(calibration.thresholdPercentile() * 100), calibration.threshold());
            Arrays.fill(medianTexts, null);
            explained = current;
        }
        text.setLength(0);
        text.append(current.measureName()).append(' ');
        formatter.format("%.3g", raw);
        text.append(fired ? " above" : " within").append(thresholdText);
        if (fired) {
            current.attribution(scaled, blame);
            appendMostToBlame(current.scaler(), vector);
        }
        if (missing > 0) {
            text.append("; missing ");
            String separator = "";
            for (int f = 0; f < dimension; f++) {
                if (imputed[f]) {
                    text.append(separator).append(featureNames.get(f));
                    separator = ", ";
                }
            }
            text.append(" imputed from the training median");
        }
        return text.toString();
    }

    private void appendMostToBlame(RobustScaler scaler, double[] vector) {
        text.append("; most unusual: ");
        Arrays.fill(named, false);
        for (int rank = 0; rank < Math.min(FEATURES_NAMED, dimension); rank++) {
            int worst = -1;
            for (int f = 0; f < dimension; f++) {
                if (!named[f] && !imputed[f] && (worst < 0 || blame[f] > blame[worst])) {
                    worst = f;
                }
            }
            if (worst < 0) {
                return;
            }
            named[worst] = true;
            text.append(rank == 0 ? "" : ", ");
            if (medianTexts[worst] == null) {
                medianTexts[worst] = String.format(Locale.ROOT, " (median %.4g, z ", scaler.median(worst));
            }
            text.append(featureNames.get(worst)).append(' ');
            formatter.format("%.4g", vector[worst]);
            text.append(medianTexts[worst]);
            formatter.format("%+.1f", scaled[worst]);
            text.append(')');
        }
    }

    private void admit(double[] vector, boolean anomalous) {
        if (anomalous && anomalousSeen++ % admitAnomalousEvery != 0) {
            return;
        }
        window.add(vector);
        admittedSinceFit++;
    }

    private void maybeRetrain() {
        boolean due = model == null ? window.count() >= minTrainingSamples : admittedSinceFit >= retrainEvery;
        // a plain read first: while a fit runs, every vector would otherwise pay a locked compare-and-set
        if (!due || training || !TRAINING.compareAndSet(this, false, true)) {
            return;
        }
        // The rows are copied out on the fit's thread: a copy here would cost the tick the whole window per fit.
        TrainingWindow.Snapshot rows = window.snapshot();
        admittedSinceFit = 0;
        try {
            executor.execute(() -> fitAndSwap(rows));
        } catch (RejectedExecutionException e) {
            training = false;
            LOG.warn("{} retraining skipped: executor rejected the task ({})", kind.label(), e.getMessage());
        }
    }

    private void fitAndSwap(TrainingWindow.Snapshot rows) {
        try {
            model = trainer.train(rows.rows());
            modelsTrained++;
        } catch (RuntimeException e) {
            // Keep scoring with the previous model; the next window gets another chance.
            LOG.warn("{} retraining failed on {} vectors; keeping the previous model", kind.label(), rows.count(), e);
        } finally {
            training = false;
        }
    }
}
