package dev.firebreak.engine.rca;

import java.time.Duration;
import java.util.Objects;

/**
 * How the root-cause service frames an incident for the analyzer.
 *
 * @param analysis the analyzer's configuration
 * @param normal   how long a stretch before the onset is the normal period; at least a minute
 * @param lead     how long before the detected onset the anomalous period starts (detection lags the fault a little,
 *                 and that stretch must not count as normal); not negative, shorter than {@code normal}
 * @param refresh  an open incident is analysed again when it changes and this long has passed since the last
 *                 analysis, as its picture settles; positive
 * @param firstLook an unchanged open incident is analysed again this long after it opened, then each time it has
 *                 been open twice as long as at the last analysis (10 s, 20 s, 40 s...): its first analysis reads a
 *                 second or two of the fault, and per-call figures come in 5 s buckets; positive, at most
 *                 {@code refresh}
 */
public record RootCauseSettings(RcaConfig analysis, Duration normal, Duration lead, Duration refresh, Duration firstLook) {

    public static final Duration DEFAULT_NORMAL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_LEAD = Duration.ofMinutes(2);
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);
    public static final Duration DEFAULT_FIRST_LOOK = Duration.ofSeconds(10);

    public RootCauseSettings {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(normal, "normal");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(firstLook, "firstLook");
        if (normal.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("the normal period must be at least a minute, was " + normal);
        }
        if (lead.isNegative() || lead.compareTo(normal) >= 0) {
            throw new IllegalArgumentException("lead must be in [0, normal), was " + lead);
        }
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("refresh must be positive, was " + refresh);
        }
        if (firstLook.isNegative() || firstLook.isZero() || firstLook.compareTo(refresh) > 0) {
            throw new IllegalArgumentException("firstLook must be in (0, refresh " + refresh + "], was " + firstLook);
        }
    }

    public static RootCauseSettings defaults() {
        return new RootCauseSettings(RcaConfig.ofDefaults(), DEFAULT_NORMAL, DEFAULT_LEAD, DEFAULT_REFRESH,
                DEFAULT_FIRST_LOOK);
    }

    public RootCauseSettings withAnalysis(RcaConfig config) {
        return new RootCauseSettings(config, normal, lead, refresh, firstLook);
    }
}
