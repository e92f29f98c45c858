package dev.firebreak.engine.detect.history;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.telemetry.SeriesKey;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What detection concluded about one sample of one series, with everything needed to explain it:
 * every detector's output, the expected band and each family's contribution to the score.
 *
 * @param key           the series
 * @param epochSecond   when the sample was taken
 * @param observed      the sample
 * @param expectedLow   lower edge of the expected band (NaN while learning)
 * @param expectedHigh  upper edge of the expected band (NaN while learning)
 * @param score         the series' own score 0..1, its findings combined as the component's are (NaN while
 *                      every detector is learning)
 * @param severity      {@link Severity#ofScore(double)} of the score
 * @param mode          how the score was combined
 * @param contributions per family, its share of the score (weight × family score, normalised over
 *                      the families that had an opinion); families without one are absent
 * @param outputs       every detector's output, in the order the detectors run
 */
public record SeriesVerdict(SeriesKey key, long epochSecond, double observed, double expectedLow,
        double expectedHigh, double score, Severity severity, CompositeConfig.Mode mode,
        Map<DetectorFamily, Double> contributions, List<DetectorOutput> outputs) {

    public SeriesVerdict {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(mode, "mode");
        contributions = Collections.unmodifiableMap(contributions.isEmpty()
                ? new EnumMap<>(DetectorFamily.class) : new EnumMap<>(contributions));
        outputs = List.copyOf(outputs);
    }

    /** The detectors whose own rule was broken by this sample. */
    public List<DetectorOutput> fired() {
        return outputs.stream().filter(DetectorOutput::fired).toList();
    }
}
