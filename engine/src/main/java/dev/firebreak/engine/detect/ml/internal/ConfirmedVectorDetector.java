package dev.firebreak.engine.detect.ml.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.ml.MlConfirmationConfig;
import dev.firebreak.engine.detect.ml.VectorDetector;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The shipped ML evidence over a component's vector (ADR 0012): several vector detectors (isolation
 * forest, reconstruction error), each counted only once its score has stayed above the confirmation bar
 * for {@code persistTicks} vectors in a row. Confirmed, it reports the strongest confirmed detector
 * (fired, its score); otherwise it abstains with a NaN score, so a model that sees nothing unusual adds
 * nothing rather than pulling the component's weighted score towards 0.
 *
 * <p>Every inner detector sees every vector (they keep learning and refitting as before).
 */
public final class ConfirmedVectorDetector implements VectorDetector {

    private final List<VectorDetector> detectors;
    private final MlConfirmationConfig confirmation;
    private final double bar;
    private final int[] run;
    private final int[] features;
    private final double[] projected;

    /** Over the whole vector. */
    public ConfirmedVectorDetector(List<VectorDetector> detectors, MlConfirmationConfig confirmation) {
        this(detectors, confirmation, null);
    }

    /**
     * Over the entries {@code features} of the vector only (in that order), or the whole vector when null:
     * the inner detectors are built for that many features.
     */
    public ConfirmedVectorDetector(List<VectorDetector> detectors, MlConfirmationConfig confirmation,
            int[] features) {
        this.detectors = List.copyOf(detectors);
        if (this.detectors.isEmpty()) {
            throw new IllegalArgumentException("at least one vector detector is needed");
        }
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
        this.bar = confirmation.scoreBar();
        this.run = new int[this.detectors.size()];
        this.features = features == null ? null : features.clone();
        this.projected = features == null ? null : new double[features.length];
    }

    @Override
    public DetectorKind kind() {
        return detectors.getFirst().kind();
    }

    /** Models fitted and swapped in so far, over all inner detectors that retrain. */
    public long modelsTrained() {
        long total = 0;
        for (VectorDetector detector : detectors) {
            if (detector instanceof RetrainingVectorDetector retraining) {
                total += retraining.modelsTrained();
            }
        }
        return total;
    }

    @Override
    public DetectorOutput update(long epochSecond, double[] whole) {
        double[] vector = whole;
        if (features != null) {
            for (int f = 0; f < features.length; f++) {
                projected[f] = whole[features[f]];
            }
            vector = projected;
        }
        DetectorOutput strongest = null;
        DetectorOutput nearest = null;
        int nearestRun = 0;
        for (int d = 0; d < detectors.size(); d++) {
            DetectorOutput output = detectors.get(d).update(epochSecond, vector);
            boolean beyond = !output.isLearning() && output.score() > bar;
            run[d] = beyond ? run[d] + 1 : 0;
            if (run[d] >= confirmation.persistTicks()) {
                if (strongest == null || output.score() > strongest.score()) {
                    strongest = output;
                }
            } else if (nearest == null || run[d] > nearestRun) {
                nearest = output;
                nearestRun = run[d];
            }
        }
        if (strongest != null) {
            return new DetectorOutput(strongest.kind(), strongest.score(), true, strongest.observed(),
                    strongest.expectedLow(), strongest.expectedHigh(), String.format(Locale.ROOT,
                            "%s (%d+ vectors in a row beyond the margin)", strongest.reason(),
                            confirmation.persistTicks()));
        }
        String why = nearest.isLearning() ? nearest.reason()
                : nearestRun > 0
                        ? String.format(Locale.ROOT, "no opinion yet: %d of %d vectors beyond the margin; %s",
                                nearestRun, confirmation.persistTicks(), nearest.reason())
                        : "no opinion: not beyond the margin over the model's threshold";
        return new DetectorOutput(nearest.kind(), Double.NaN, false, nearest.observed(), nearest.expectedLow(),
                nearest.expectedHigh(), why);
    }
}
