package dev.firebreak.engine.sim.internal;

import dev.firebreak.engine.sim.SimulationConfig;
import java.util.SplittableRandom;

/**
 * Traffic entering the system: a daily curve (quiet around 03:00 UTC, peak mid-afternoon), quieter
 * weekends, slowly wandering noise (AR(1), so neighbouring seconds are correlated as real traffic is)
 * and occasional bursts that rise fast and decay.
 */
public final class LoadModel {

    private static final double SECONDS_PER_DAY = 86_400;
    private static final double NIGHT_FLOOR = 0.2;
    private static final double QUIETEST_HOUR = 3;
    private static final double WEEKEND_FACTOR = 0.7;
    private static final double NOISE_MEMORY = 0.95;
    private static final int MIN_BURST_SECONDS = 30;
    private static final int MAX_BURST_SECONDS = 180;
    private static final double MIN_BURST_AMPLITUDE = 0.2;
    private static final double MAX_BURST_AMPLITUDE = 0.8;

    private final SimulationConfig config;
    private final SplittableRandom random;
    private double noise;
    private int burstRemaining;
    private int burstLength;
    private double burstAmplitude;

    public LoadModel(SimulationConfig config, SplittableRandom random) {
        this.config = config;
        this.random = random;
    }

    /** Seasonal factor in [NIGHT_FLOOR * WEEKEND_FACTOR, 1] for a moment, without noise or bursts. */
    public static double seasonality(long epochSecond) {
        double hour = Math.floorMod(epochSecond, (long) SECONDS_PER_DAY) / 3600.0;
        double daily = NIGHT_FLOOR + (1 - NIGHT_FLOOR) * 0.5 * (1 - Math.cos(2 * Math.PI * (hour - QUIETEST_HOUR) / 24));
        long day = Math.floorDiv(epochSecond, (long) SECONDS_PER_DAY);
        int dayOfWeek = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday; 0 = Monday
        return daily * (dayOfWeek >= 5 ? WEEKEND_FACTOR : 1);
    }

    /** Total requests per second entering at this second; advances the noise and burst state. */
    public double nextEntryRps(long epochSecond) {
        double sigma = config.noiseFraction();
        if (sigma > 0) {
            noise = NOISE_MEMORY * noise + Math.sqrt(1 - NOISE_MEMORY * NOISE_MEMORY) * sigma * random.nextGaussian();
        }
        double burst = 0;
        if (burstRemaining > 0) {
            // fast rise over the first tenth, then exponential-ish decay
            int elapsed = burstLength - burstRemaining;
            double rise = Math.min(1, (elapsed + 1) / Math.max(1.0, burstLength * 0.1));
            burst = burstAmplitude * rise * ((double) burstRemaining / burstLength);
            burstRemaining--;
        } else if (config.burstProbabilityPerMinute() > 0 && random.nextDouble() < config.burstProbabilityPerMinute() / 60) {
            burstLength = random.nextInt(MIN_BURST_SECONDS, MAX_BURST_SECONDS + 1);
            burstRemaining = burstLength;
            burstAmplitude = MIN_BURST_AMPLITUDE + random.nextDouble() * (MAX_BURST_AMPLITUDE - MIN_BURST_AMPLITUDE);
        }
        return config.peakEntryRps() * seasonality(epochSecond) * Math.max(0.05, 1 + noise) * (1 + burst);
    }
}
