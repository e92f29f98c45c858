package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.series.PatternConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import java.util.Locale;

/**
 * Nearest-neighbour distance of the recent subsequence against the remembered history of the series, alone.
 *
 * <p>Step 1 ({@link NearestPatternSurprise}): the last {@code w} values are compared with every {@code stride}-th
 * earlier subsequence that does not overlap them; the smallest distance, in log space and relative to the series'
 * usual one, becomes a surprise in decimal digits. Step 2, as in the multi-scale detector, the surprise becomes a
 * likelihood relative to the series' usual surprise, with repeated alarms held back.
 *
 * <p>State is bounded: {@code historySamples} values and distances, and a handful of numbers.
 */
public final class PatternDetector implements SeriesDetector {

    private final PatternConfig config;
    private final NearestPatternSurprise pattern;
    private final AlarmLikelihood alarms;

    public PatternDetector(PatternConfig config) {
        this.config = config;
        this.pattern = new NearestPatternSurprise(config);
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
        double surprise = pattern.update(value);
        if (Double.isNaN(surprise) || pattern.seen() <= config.warmupSamples()) {
            if (!Double.isNaN(surprise)) {
                alarms.score(surprise);
            }
            return Outputs.learning(kind(), value, (int) pattern.seen() - 1, config.warmupSamples());
        }
        double score = alarms.score(surprise);
        boolean alarm = score >= 0.5;
        int w = config.windowSamples();
        String reason = !alarm ? "no alarm: the last " + w + " samples resemble earlier ones as usual"
                : String.format(Locale.ROOT, "the last %d samples are unlike any of the previous %d (nearest"
                        + " distance %s); surprise %.1f digits, %.1f above its usual", w, pattern.remembered(),
                        Outputs.number(pattern.lastDistance()), surprise, alarms.lastLikelihood());
        return new DetectorOutput(kind(), score, alarm, value, Double.NaN, Double.NaN, reason);
    }

    @Override
    public int stateBytes() {
        return 16 + 8 + pattern.stateBytes() + AlarmLikelihood.stateBytes();
    }
}
