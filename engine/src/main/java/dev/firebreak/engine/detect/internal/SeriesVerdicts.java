package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.composite.CompositeScore;
import dev.firebreak.engine.detect.composite.CompositeScorer;
import dev.firebreak.engine.detect.composite.FamilyContribution;
import dev.firebreak.engine.detect.composite.Finding;
import dev.firebreak.engine.detect.history.SeriesVerdict;
import dev.firebreak.engine.detect.series.HeldDetectors;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A series' verdicts for the history the console's charts draw: its findings scored alone by the component's
 * scorer (so the same weights and mode), with the band of the first detector that gives one.
 */
public final class SeriesVerdicts {

    private SeriesVerdicts() {
    }

    /** The series' outputs on its last sample as findings. */
    public static List<Finding> findings(WatchedSeries series) {
        HeldDetectors hold = series.hold();
        List<Finding> list = new ArrayList<>(hold.outputCount());
        for (int i = 0; i < hold.outputCount(); i++) {
            list.add(new Finding(series.label(), hold.output(i)));
        }
        return list;
    }

    /**
     * One series' verdict on one sample: its findings scored alone, with the band of the first detector that
     * gives one (rolling mean ± k·σ where it runs); NaN score and no severity while every detector learns.
     */
    public static SeriesVerdict verdict(WatchedSeries series, long epochSecond, double value, List<Finding> findings,
            CompositeScorer scorer, CompositeConfig.Mode mode) {
        CompositeScore score = scorer.combine(List.of(findings), List.of(series.margin()), List.of(), Double.NaN);
        double low = Double.NaN;
        double high = Double.NaN;
        List<DetectorOutput> outputs = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            DetectorOutput output = finding.output();
            outputs.add(output);
            if (Double.isNaN(low) && Double.isFinite(output.expectedLow()) && Double.isFinite(output.expectedHigh())) {
                low = output.expectedLow();
                high = output.expectedHigh();
            }
        }
        boolean learning = outputs.stream().allMatch(DetectorOutput::isLearning);
        Map<DetectorFamily, Double> contributions = new EnumMap<>(DetectorFamily.class);
        for (FamilyContribution contribution : score.explanation().contributions()) {
            if (!Double.isNaN(contribution.score()) && contribution.weight() > 0) {
                contributions.put(contribution.family(), contribution.contribution());
            }
        }
        double seriesScore = learning ? Double.NaN : score.score();
        return new SeriesVerdict(series.key(), epochSecond, value, low, high, seriesScore,
                learning ? Severity.NONE : score.severity(), mode, contributions, outputs);
    }
}
