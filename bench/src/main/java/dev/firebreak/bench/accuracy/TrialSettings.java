package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.Severity;
import java.time.Duration;
import java.util.Objects;

/**
 * How each fault-injection trial runs.
 *
 * @param warmUp          simulated time before the fault starts, for detectors to learn normal behaviour
 * @param faultDuration   how long the fault acts; detections count from its start to its end
 * @param baseline        the stretch just before the fault that golden signals are compared against
 * @param minimumSeverity the least severity that counts as a detection (and as a false alarm)
 */
public record TrialSettings(Duration warmUp, Duration faultDuration, Duration baseline, Severity minimumSeverity) {

    public static final Duration DEFAULT_WARM_UP = Duration.ofMinutes(30);
    public static final Duration DEFAULT_FAULT_DURATION = Duration.ofMinutes(10);
    public static final Duration DEFAULT_BASELINE = Duration.ofMinutes(10);

    public TrialSettings {
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(faultDuration, "faultDuration");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(minimumSeverity, "minimumSeverity");
        if (faultDuration.toSeconds() < 1) {
            throw new IllegalArgumentException("faultDuration must be at least one second, was " + faultDuration);
        }
        if (baseline.toSeconds() < 2 || baseline.compareTo(warmUp) > 0) {
            throw new IllegalArgumentException("baseline must be at least 2 s and no longer than the warm-up ("
                    + warmUp + "), was " + baseline);
        }
        if (minimumSeverity == Severity.NONE) {
            throw new IllegalArgumentException("minimumSeverity must be a real severity, was NONE");
        }
    }

    public static TrialSettings defaults() {
        return new TrialSettings(DEFAULT_WARM_UP, DEFAULT_FAULT_DURATION, DEFAULT_BASELINE, Severity.MEDIUM);
    }
}
