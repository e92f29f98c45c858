package dev.firebreak.engine.health;

import java.util.Arrays;
import java.util.Locale;

/**
 * Interim health rule: derives a component's health from its own signals (error rate, latency against
 * its own baseline, availability, saturation).
 *
 * <p>Thresholds have hysteresis so a component hovering around one does not flap: a state is entered
 * above the enter threshold and held until the signals fall below a lower exit threshold, worsening
 * needs a few consecutive ticks (except an outright failure, which is immediate), and improving needs
 * more. A component that was worse and is now within healthy bounds is {@link HealthState#RECOVERING}
 * until it has stayed healthy for a while. The latency baseline is learned (EWMA) only while the
 * component is healthy, so an incident does not teach the rule that slow is normal.
 *
 * <p>One instance per simulator, called from its thread only. The detection work replaces this later.
 */
public final class SignalHealthRule {

    /**
     * Where the rule draws its lines.
     *
     * @param degradedErrorFraction  error fraction that makes a component degraded
     * @param criticalErrorFraction  error fraction that makes it critical
     * @param failedErrorFraction    error fraction that makes it failed
     * @param degradedLatencyRatio   p99 latency over baseline that makes it degraded (> 1)
     * @param criticalLatencyRatio   p99 latency over baseline that makes it critical (> degraded)
     * @param degradedSaturation     saturation (0..1+) that makes it degraded
     * @param criticalSaturation     saturation that makes it critical
     * @param exitFactor             fraction of an enter threshold (above normal) a signal must fall below to leave
     *                               the state, in (0, 1)
     * @param worsenTicks            consecutive ticks a worse reading must last before the state worsens
     * @param improveTicks           consecutive ticks a better reading must last before the state improves
     * @param recoveredTicks         consecutive healthy ticks before RECOVERING becomes HEALTHY
     * @param baselineHalfLifeTicks  half-life of the latency baseline EWMA, in ticks
     */
    public record Thresholds(double degradedErrorFraction, double criticalErrorFraction, double failedErrorFraction,
            double degradedLatencyRatio, double criticalLatencyRatio, double degradedSaturation,
            double criticalSaturation, double exitFactor, int worsenTicks, int improveTicks, int recoveredTicks,
            double baselineHalfLifeTicks) {

        public Thresholds {
            if (!(degradedErrorFraction > 0 && degradedErrorFraction < criticalErrorFraction
                    && criticalErrorFraction < failedErrorFraction && failedErrorFraction <= 1)) {
                throw new IllegalArgumentException("error thresholds must satisfy 0 < degraded < critical < failed <= 1, were "
                        + degradedErrorFraction + ", " + criticalErrorFraction + ", " + failedErrorFraction);
            }
            if (!(degradedLatencyRatio > 1 && criticalLatencyRatio > degradedLatencyRatio)) {
                throw new IllegalArgumentException("latency ratios must satisfy 1 < degraded < critical, were "
                        + degradedLatencyRatio + ", " + criticalLatencyRatio);
            }
            if (!(degradedSaturation > 0 && criticalSaturation > degradedSaturation)) {
                throw new IllegalArgumentException("saturation thresholds must satisfy 0 < degraded < critical, were "
                        + degradedSaturation + ", " + criticalSaturation);
            }
            if (!(exitFactor > 0 && exitFactor < 1)) {
                throw new IllegalArgumentException("exitFactor must be in (0, 1), was " + exitFactor);
            }
            if (worsenTicks < 1 || improveTicks < 1 || recoveredTicks < 1) {
                throw new IllegalArgumentException("tick counts must be >= 1");
            }
            if (!(baselineHalfLifeTicks >= 1)) {
                throw new IllegalArgumentException("baselineHalfLifeTicks must be >= 1, was " + baselineHalfLifeTicks);
            }
        }

        public static Thresholds defaults() {
            return new Thresholds(0.02, 0.15, 0.8, 2.0, 5.0, 0.92, 1.0, 0.6, 3, 10, 60, 600);
        }
    }

    private static final double FAILED_AVAILABILITY = 0.05;
    private static final double CRITICAL_AVAILABILITY = 0.5;
    private static final double DEGRADED_AVAILABILITY = 0.9;
    private static final double AVAILABILITY_EXIT_MARGIN = 0.05;
    private static final double MIN_BASELINE_MS = 0.5;

    private final Thresholds thresholds;
    private final HealthState[] state;
    private final int[] worseCount;
    private final int[] betterCount;
    private final double[] baselineMedianMs;
    private final double[] baselineTailMs;
    private final String[] reason;
    private final double alpha;

    public SignalHealthRule(int components, Thresholds thresholds) {
        this.thresholds = java.util.Objects.requireNonNull(thresholds, "thresholds");
        this.state = new HealthState[components];
        Arrays.fill(state, HealthState.HEALTHY);
        this.worseCount = new int[components];
        this.betterCount = new int[components];
        this.baselineMedianMs = new double[components];
        this.baselineTailMs = new double[components];
        Arrays.fill(baselineMedianMs, Double.NaN);
        Arrays.fill(baselineTailMs, Double.NaN);
        this.reason = new String[components];
        Arrays.fill(reason, "signals normal");
        this.alpha = 1 - Math.pow(0.5, 1 / thresholds.baselineHalfLifeTicks());
    }

    public HealthState state(int component) {
        return state[component];
    }

    /** Why the component is in its current state, in words. */
    public String reason(int component) {
        return reason[component];
    }

    /** The learned tail (p99) latency of a component while healthy. */
    public double baselineLatencyMs(int component) {
        return baselineTailMs[component];
    }

    /**
     * Feeds one tick of signals and returns the (possibly new) state.
     *
     * @param errorFraction   fraction of requests failing, 0..1
     * @param medianLatencyMs typical latency (p50): a shift of every request shows here first
     * @param tailLatencyMs   tail latency (p99): queueing and timeouts show here first
     * @param availability  fraction of instances serving, 0..1
     * @param saturation    the most saturated resource, 0..1 (above 1 = overloaded)
     */
    public HealthState evaluate(int component, double errorFraction, double medianLatencyMs, double tailLatencyMs,
            double availability, double saturation) {
        if (Double.isNaN(baselineTailMs[component])) {
            baselineMedianMs[component] = Math.max(MIN_BASELINE_MS, medianLatencyMs);
            baselineTailMs[component] = Math.max(MIN_BASELINE_MS, tailLatencyMs);
        }
        double ratio = Math.max(medianLatencyMs / Math.max(MIN_BASELINE_MS, baselineMedianMs[component]),
                tailLatencyMs / Math.max(MIN_BASELINE_MS, baselineTailMs[component]));
        HealthState current = state[component];
        int entered = level(errorFraction, ratio, availability, saturation, 1, 0);
        int held = level(errorFraction, ratio, availability, saturation, thresholds.exitFactor(), AVAILABILITY_EXIT_MARGIN);
        int currentLevel = current.severity();
        HealthState next = current;
        if (entered > currentLevel) {
            betterCount[component] = 0;
            worseCount[component]++;
            if (entered == 4 || worseCount[component] >= thresholds.worsenTicks()) {
                next = HealthState.ofSeverity(entered);
            }
        } else if (held < currentLevel) {
            worseCount[component] = 0;
            betterCount[component]++;
            if (current == HealthState.RECOVERING) {
                if (betterCount[component] >= thresholds.recoveredTicks()) {
                    next = HealthState.HEALTHY;
                }
            } else if (betterCount[component] >= thresholds.improveTicks()) {
                next = held == 0 ? HealthState.RECOVERING : HealthState.ofSeverity(held);
            }
        } else {
            worseCount[component] = 0;
            betterCount[component] = 0;
        }
        if (next == HealthState.HEALTHY && current == HealthState.HEALTHY && entered == 0) {
            baselineMedianMs[component] += alpha * (medianLatencyMs - baselineMedianMs[component]);
            baselineTailMs[component] += alpha * (tailLatencyMs - baselineTailMs[component]);
        }
        if (next != current) {
            worseCount[component] = 0;
            betterCount[component] = 0;
            state[component] = next;
            reason[component] = describe(next, errorFraction, ratio, availability, saturation);
        }
        return next;
    }

    /** 0 healthy, 2 degraded, 3 critical, 4 failed; the scale lowers the thresholds to leave a state. */
    private int level(double err, double ratio, double availability, double saturation, double scale, double margin) {
        Thresholds t = thresholds;
        if (availability <= FAILED_AVAILABILITY + margin || err >= t.failedErrorFraction() * scale) {
            return 4;
        }
        if (availability < CRITICAL_AVAILABILITY + margin || err >= t.criticalErrorFraction() * scale
                || ratio >= 1 + (t.criticalLatencyRatio() - 1) * scale || saturation >= t.criticalSaturation() - margin) {
            return 3;
        }
        if (availability < DEGRADED_AVAILABILITY + margin || err >= t.degradedErrorFraction() * scale
                || ratio >= 1 + (t.degradedLatencyRatio() - 1) * scale || saturation >= t.degradedSaturation() - margin) {
            return 2;
        }
        return 0;
    }

    private static String describe(HealthState to, double err, double ratio, double availability, double saturation) {
        return switch (to) {
            case HEALTHY -> "signals back to normal";
            case RECOVERING -> String.format(Locale.ROOT, "improving: error rate %.1f%%, latency %.1fx baseline",
                    err * 100, ratio);
            default -> String.format(Locale.ROOT,
                    "error rate %.1f%%, latency %.1fx baseline, availability %.0f%%, saturation %.0f%%",
                    err * 100, ratio, availability * 100, saturation * 100);
        };
    }
}
