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
 *                 analysis, as its picture settles; and unchanged, never sooner than this after the last analysis;
 *                 positive
 */
public record RootCauseSettings(RcaConfig analysis, Duration normal, Duration lead, Duration refresh) {

    public static final Duration DEFAULT_NORMAL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_LEAD = Duration.ofMinutes(2);
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);

    public RootCauseSettings {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(normal, "normal");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(refresh, "refresh");
        if (normal.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("the normal period must be at least a minute, was " + normal);
        }
        if (lead.isNegative() || lead.compareTo(normal) >= 0) {
            throw new IllegalArgumentException("lead must be in [0, normal), was " + lead);
        }
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("refresh must be positive, was " + refresh);
        }
    }

    public static RootCauseSettings defaults() {
        return new RootCauseSettings(RcaConfig.ofDefaults(), DEFAULT_NORMAL, DEFAULT_LEAD, DEFAULT_REFRESH);
    }

    public RootCauseSettings withAnalysis(RcaConfig config) {
        return new RootCauseSettings(config, normal, lead, refresh);
    }
}
