package dev.firebreak.engine.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * How the simulator generates load.
 *
 * @param seed                      seeds every random choice; the same seed gives bit-identical series
 * @param start                     simulated time of the first tick
 * @param peakEntryRps              requests per second entering the system at the daily peak on a weekday,
 *                                  split over the entry points in proportion to their capacity; positive
 * @param noiseFraction             relative size of load and measurement noise, in [0, 0.5]
 * @param burstProbabilityPerMinute chance per simulated minute that a traffic burst starts, in [0, 1]
 * @param routineDeployments        whether benign deployments happen during working hours
 */
public record SimulationConfig(long seed, Instant start, double peakEntryRps, double noiseFraction,
        double burstProbabilityPerMinute, boolean routineDeployments) {

    /** A Monday at midnight UTC, so a run shows a night, a morning ramp and a weekday peak. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-02T00:00:00Z");
    public static final double DEFAULT_PEAK_ENTRY_RPS = 1200;
    public static final double DEFAULT_NOISE_FRACTION = 0.05;
    public static final double DEFAULT_BURST_PROBABILITY_PER_MINUTE = 0.01;

    public SimulationConfig {
        Objects.requireNonNull(start, "start");
        if (!(peakEntryRps > 0) || Double.isInfinite(peakEntryRps)) {
            throw new IllegalArgumentException("peakEntryRps must be a positive number, was " + peakEntryRps);
        }
        if (!(noiseFraction >= 0 && noiseFraction <= 0.5)) {
            throw new IllegalArgumentException("noiseFraction must be in [0, 0.5], was " + noiseFraction);
        }
        if (!(burstProbabilityPerMinute >= 0 && burstProbabilityPerMinute <= 1)) {
            throw new IllegalArgumentException(
                    "burstProbabilityPerMinute must be in [0, 1], was " + burstProbabilityPerMinute);
        }
    }

    public static SimulationConfig defaults(long seed) {
        return new SimulationConfig(seed, DEFAULT_START, DEFAULT_PEAK_ENTRY_RPS, DEFAULT_NOISE_FRACTION,
                DEFAULT_BURST_PROBABILITY_PER_MINUTE, true);
    }

    public SimulationConfig withStart(Instant newStart) {
        return new SimulationConfig(seed, newStart, peakEntryRps, noiseFraction, burstProbabilityPerMinute,
                routineDeployments);
    }

    public SimulationConfig withPeakEntryRps(double rps) {
        return new SimulationConfig(seed, start, rps, noiseFraction, burstProbabilityPerMinute, routineDeployments);
    }

    /** The same load without noise, bursts or routine deployments: for tests that compare signals precisely. */
    public SimulationConfig quiet() {
        return new SimulationConfig(seed, start, peakEntryRps, 0, 0, false);
    }
}
