package dev.firebreak.engine.detect.series;

import dev.firebreak.engine.telemetry.MetricName;
import java.util.Optional;

/**
 * Limits on how fast a metric may move within a time window, e.g. CPU +30 points in a minute.
 *
 * @param windowSeconds the window the change is measured over, 1..86400 s
 * @param maxRise       largest allowed rise within the window (NaN: rises are not limited)
 * @param maxFall       largest allowed fall within the window (NaN: falls are not limited)
 * @param relative      true: limits are fractions of the window's extreme (0.5 = 50 %); false: metric units
 */
public record RateOfChangeConfig(long windowSeconds, double maxRise, double maxFall, boolean relative) {

    public static final long DEFAULT_CPU_WINDOW_SECONDS = 60;
    public static final double DEFAULT_CPU_MAX_RISE_POINTS = 30;
    public static final long DEFAULT_MEMORY_WINDOW_SECONDS = 3600;
    public static final double DEFAULT_MEMORY_MAX_RISE_POINTS = 5;
    public static final long DEFAULT_TRAFFIC_WINDOW_SECONDS = 300;
    public static final double DEFAULT_TRAFFIC_MAX_FALL_FRACTION = 0.5;

    public RateOfChangeConfig {
        if (windowSeconds < 1 || windowSeconds > 86_400) {
            throw new IllegalArgumentException("rate-of-change windowSeconds must be between 1 and 86400, was "
                    + windowSeconds);
        }
        if (Double.isNaN(maxRise) && Double.isNaN(maxFall)) {
            throw new IllegalArgumentException("rate-of-change needs maxRise or maxFall (or both)");
        }
        if (!Double.isNaN(maxRise) && !(maxRise > 0 && maxRise < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rate-of-change maxRise must be positive and finite, was " + maxRise);
        }
        if (!Double.isNaN(maxFall) && !(maxFall > 0 && maxFall < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rate-of-change maxFall must be positive and finite, was " + maxFall);
        }
        if (relative && !Double.isNaN(maxFall) && maxFall >= 1) {
            throw new IllegalArgumentException("a relative maxFall must be below 1 (100 %), was " + maxFall);
        }
    }

    /** The seed's limits: CPU +30 points in under a minute, memory +5 points per hour, traffic -50 % in 5 minutes. */
    public static Optional<RateOfChangeConfig> defaultFor(MetricName metric) {
        return switch (metric) {
            case CPU -> Optional.of(new RateOfChangeConfig(DEFAULT_CPU_WINDOW_SECONDS, DEFAULT_CPU_MAX_RISE_POINTS,
                    Double.NaN, false));
            case MEMORY -> Optional.of(new RateOfChangeConfig(DEFAULT_MEMORY_WINDOW_SECONDS,
                    DEFAULT_MEMORY_MAX_RISE_POINTS, Double.NaN, false));
            case REQUEST_RATE -> Optional.of(new RateOfChangeConfig(DEFAULT_TRAFFIC_WINDOW_SECONDS, Double.NaN,
                    DEFAULT_TRAFFIC_MAX_FALL_FRACTION, true));
            default -> Optional.empty();
        };
    }
}
