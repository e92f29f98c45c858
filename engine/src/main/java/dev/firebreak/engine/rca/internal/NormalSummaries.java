package dev.firebreak.engine.rca.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each series' normal level and spread, kept between analyses. An incident is analysed again on every change with the
 * same normal period, and the normal period lies in the past, which a source with a stable history (the metric store)
 * never rewrites: summarising it again would find the same numbers. Only sources that say their history is stable
 * ({@link dev.firebreak.engine.rca.SeriesSource#history()}) are cached; the key names that history, the series and the
 * seconds summarised.
 */
public final class NormalSummaries {

    /** About 50 k series: every metric of a 2,000-component system twice over, a few megabytes. */
    private static final int LIMIT = 50_000;

    record Key(Object history, String series, long normalFrom, long normalUntil, long recentFrom) {
    }

    /** {median (the level), scale}. */
    private final Map<Key, double[]> summaries = new ConcurrentHashMap<>();

    double[] get(Key key) {
        return summaries.get(key);
    }

    void put(Key key, double[] summary) {
        if (summaries.size() >= LIMIT) {
            // old incidents' periods are rarely asked again: starting afresh is simpler than tracking use
            summaries.clear();
        }
        summaries.put(key, summary);
    }

    int size() {
        return summaries.size();
    }
}
