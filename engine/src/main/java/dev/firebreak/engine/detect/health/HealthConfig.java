package dev.firebreak.engine.detect.health;

import dev.firebreak.engine.detect.Severity;

/**
 * How detected severities move a component's health, with hysteresis so it does not flap.
 *
 * @param degradedAt      composite severity that makes a component degraded
 * @param criticalAt      severity that makes it critical (worse than degradedAt)
 * @param failedScore     composite score at or above which it is failed, 0.9..1
 * @param worsenTicks     consecutive ticks a worse severity must last before health worsens, 1..600
 * @param improveTicks    consecutive ticks a better severity must last before health improves, 1..3600
 * @param recoveredTicks  consecutive quiet ticks before recovering becomes healthy, 1..86400
 */
public record HealthConfig(Severity degradedAt, Severity criticalAt, double failedScore, int worsenTicks,
        int improveTicks, int recoveredTicks) {

    public static final Severity DEFAULT_DEGRADED_AT = Severity.MEDIUM;
    public static final Severity DEFAULT_CRITICAL_AT = Severity.HIGH;
    public static final double DEFAULT_FAILED_SCORE = 0.97;
    public static final int DEFAULT_WORSEN_TICKS = 3;
    public static final int DEFAULT_IMPROVE_TICKS = 30;
    public static final int DEFAULT_RECOVERED_TICKS = 120;

    public HealthConfig {
        java.util.Objects.requireNonNull(degradedAt, "degradedAt");
        java.util.Objects.requireNonNull(criticalAt, "criticalAt");
        if (!degradedAt.isAtLeast(Severity.INFO) || !criticalAt.isAtLeast(degradedAt) || criticalAt == degradedAt) {
            throw new IllegalArgumentException("health needs info <= degradedAt < criticalAt, were " + degradedAt
                    + " and " + criticalAt);
        }
        if (!(failedScore >= 0.9 && failedScore <= 1)) {
            throw new IllegalArgumentException("failedScore must be between 0.9 and 1, was " + failedScore);
        }
        if (worsenTicks < 1 || worsenTicks > 600) {
            throw new IllegalArgumentException("worsenTicks must be between 1 and 600, was " + worsenTicks);
        }
        if (improveTicks < 1 || improveTicks > 3600) {
            throw new IllegalArgumentException("improveTicks must be between 1 and 3600, was " + improveTicks);
        }
        if (recoveredTicks < 1 || recoveredTicks > 86_400) {
            throw new IllegalArgumentException("recoveredTicks must be between 1 and 86400, was " + recoveredTicks);
        }
    }

    public static HealthConfig ofDefaults() {
        return new HealthConfig(DEFAULT_DEGRADED_AT, DEFAULT_CRITICAL_AT, DEFAULT_FAILED_SCORE, DEFAULT_WORSEN_TICKS,
                DEFAULT_IMPROVE_TICKS, DEFAULT_RECOVERED_TICKS);
    }
}
