package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.PatternConfig;
import dev.firebreak.engine.detect.SeriesDetector;
import java.util.Locale;

/**
 * Nearest-neighbour distance of the recent subsequence against the remembered history of the series.
 *
 * <p>Step 1: the last {@code w} values are compared (Euclidean distance, optionally after removing each
 * subsequence's mean) with every {@code stride}-th earlier subsequence that does not overlap them; the smallest
 * distance says how unprecedented the recent pattern is. Step 2: distances have no units in common between
 * series, so the log of the distance is judged against its own exponentially weighted mean and variance; the
 * upper tail is a surprise in decimal digits. Step 3, as in the multi-scale detector, the surprise becomes a
 * likelihood relative to the series' usual surprise, with repeated alarms held back.
 *
 * <p>State is bounded: a ring of {@code historySamples} values and a handful of numbers.
 */
public final class PatternDetector implements SeriesDetector {

    private static final double MAX_SURPRISE = 20;
    /** A spread of log distance below this (a factor of about 1.1) is treated as this. */
    private static final double MIN_LOG_SPREAD = 0.1;

    private final PatternConfig config;
    private final double[] history;
    private final AlarmLikelihood alarms;
    private int next;
    private int size;
    private long seen;
    private long distancesSeen;
    private double logMean;
    private double logVariance;
    private double valueScale;

    public PatternDetector(PatternConfig config) {
        this.config = config;
        this.history = new double[config.historySamples()];
        this.alarms = new AlarmLikelihood(config.likelihoodAlpha(), config.historyAlpha(), config.alarmSurprise(),
                config.holdOffSamples(), config.rearmSurprise());
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.PATTERN;
    }

    @Override
    public DetectorOutput update(long epochSecond, double value) {
        if (!Double.isFinite(value)) {
            return Outputs.missing(kind());
        }
        push(value);
        int w = config.windowSamples();
        if (size < 2 * w) {
            return Outputs.learning(kind(), value, (int) seen, config.warmupSamples());
        }
        double distance = nearestDistance();
        // Distances are compared in log space; the floor keeps an exact repeat (distance 0) finite and scales
        // with the series so a constant series is not infinitely surprised by rounding.
        double floor = 1e-9 * (valueScale + 1e-300);
        double x = Math.log(distance + floor);
        double z = distancesSeen == 0 ? 0
                : (x - logMean) / Math.max(Math.sqrt(logVariance), MIN_LOG_SPREAD);
        learnDistance(x);
        double surprise = z > 0 ? Math.min(Tails.surprise(z), MAX_SURPRISE) : 0;
        if (seen <= config.warmupSamples()) {
            alarms.score(surprise);
            return Outputs.learning(kind(), value, (int) seen - 1, config.warmupSamples());
        }
        double score = alarms.score(surprise);
        boolean alarm = score >= 0.5;
        String reason = !alarm ? "no alarm: the last " + w + " samples resemble earlier ones as usual"
                : String.format(Locale.ROOT, "the last %d samples are unlike any of the previous %d (nearest"
                        + " distance %s, usually %s); surprise %.1f digits, %.1f above its usual", w, size - w,
                        Outputs.number(distance), Outputs.number(Math.exp(logMean)), surprise,
                        alarms.lastLikelihood());
        return new DetectorOutput(kind(), score, alarm, value, Double.NaN, Double.NaN, reason);
    }

    private void push(double value) {
        history[next] = value;
        next = next + 1 == history.length ? 0 : next + 1;
        if (size < history.length) {
            size++;
        }
        seen++;
        double a = Math.max(1e-3, 1.0 / seen);
        valueScale += a * (Math.abs(value) - valueScale);
    }

    /** The value {@code age} samples ago (0 is the newest). */
    private double at(int age) {
        int index = next - 1 - age;
        return history[index < 0 ? index + history.length : index];
    }

    private double nearestDistance() {
        int w = config.windowSamples();
        double recentMean = config.shapeOnly() ? mean(0) : 0;
        double best = Double.POSITIVE_INFINITY;
        for (int end = w; end + w <= size; end += config.stride()) {
            double candidateMean = config.shapeOnly() ? mean(end) : 0;
            double sum = 0;
            // Stop as soon as the candidate is already worse than the best: most are, so this is most of the speed.
            for (int i = 0; i < w && sum < best; i++) {
                double d = (at(i) - recentMean) - (at(end + i) - candidateMean);
                sum += d * d;
            }
            if (sum < best) {
                best = sum;
            }
        }
        return Math.sqrt(best);
    }

    private double mean(int endAge) {
        double sum = 0;
        for (int i = 0; i < config.windowSamples(); i++) {
            sum += at(endAge + i);
        }
        return sum / config.windowSamples();
    }

    private void learnDistance(double x) {
        distancesSeen++;
        // A plain average while young, so the first distances do not pin the baseline.
        double a = Math.max(config.distanceAlpha(), 1.0 / distancesSeen);
        double d = x - logMean;
        logMean += a * d;
        logVariance = (1 - a) * (logVariance + a * d * d);
    }

    @Override
    public int stateBytes() {
        return 16 + 16 + 8 * history.length + 3 * 4 + 2 * 8 + 3 * 8 + AlarmLikelihood.stateBytes();
    }
}
