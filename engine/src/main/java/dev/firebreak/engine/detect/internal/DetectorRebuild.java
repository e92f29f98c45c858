package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.composite.CompositeScorer;
import dev.firebreak.engine.detect.composite.Finding;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fresh detectors for the series of reconfigured metrics, replayed over the past the store still holds, so
 * bands reflect new settings at once instead of after a fresh warm-up; the history of those series is
 * recorded afresh. Detection thread only.
 */
public final class DetectorRebuild {

    /** Samples replayed into rebuilt detectors: enough to fill the largest window the settings allow. */
    static final int REPLAY_SECONDS = 1200;
    private static final int MAX_DETECTORS_PER_SERIES = 6;

    private final SeriesCatalog catalog;
    private final MetricStore store;

    public DetectorRebuild(SeriesCatalog catalog, MetricStore store) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Rebuilds the detectors of every series of {@code metrics} from {@code config} and teaches them everything
     * before {@code epochSecond}, recording their verdicts into {@code recordTo} if there is one.
     */
    public void rebuild(Set<MetricName> metrics, DetectionConfig config, CompositeScorer scorer,
            DetectionHistory recordTo, long epochSecond) {
        if (metrics.isEmpty()) {
            return;
        }
        catalog.forEach(series -> {
            if (metrics.contains(series.metric())) {
                series.reconfigure(config.forMetric(series.metric()));
                if (recordTo != null) {
                    recordTo.clear(series.key());
                }
                replay(series, config, scorer, recordTo, epochSecond);
            }
        });
    }

    private void replay(WatchedSeries series, DetectionConfig config, CompositeScorer scorer,
            DetectionHistory recordTo, long epochSecond) {
        SeriesSnapshot past = store.range(series.handle(), epochSecond - REPLAY_SECONDS, epochSecond - 1);
        double[] values = past.values();
        List<DetectorOutput> outputs = new ArrayList<>(MAX_DETECTORS_PER_SERIES);
        for (int i = 0; i < values.length; i++) {
            series.hold().update(past.epochSecondAt(i), values[i], false, false, outputs);
            List<Finding> findings = new ArrayList<>(outputs.size());
            for (DetectorOutput output : outputs) {
                findings.add(new Finding(series.label(), output));
            }
            if (recordTo != null && !Double.isNaN(values[i])) {
                recordTo.record(SeriesVerdicts.verdict(series, past.epochSecondAt(i), values[i], findings, scorer,
                        config.composite().mode()));
            }
        }
    }
}
