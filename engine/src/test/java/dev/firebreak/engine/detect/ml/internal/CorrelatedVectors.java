package dev.firebreak.engine.detect.ml.internal;

import java.util.List;
import java.util.Random;

/** Synthetic component vectors where latency and CPU follow load, with noise; seeded. */
final class CorrelatedVectors {

    static final List<String> FEATURES = List.of("request_rate", "latency_p99", "cpu");

    private final Random random;
    private final double latencyOffset;

    CorrelatedVectors(long seed) {
        this(seed, 0);
    }

    private CorrelatedVectors(long seed, double latencyOffset) {
        this.random = new Random(seed);
        this.latencyOffset = latencyOffset;
    }

    /** The same relation with latency shifted by {@code offset} ms, as after a slower release. */
    CorrelatedVectors shiftedLatency(double offset) {
        return new CorrelatedVectors(random.nextLong(), latencyOffset + offset);
    }

    double[] next() {
        double load = 100 + 900 * random.nextDouble();
        return atLoad(load);
    }

    double[] atLoad(double load) {
        double latency = 50 + 0.2 * load + latencyOffset + 5 * random.nextGaussian();
        double cpu = 10 + 0.06 * load + 2 * random.nextGaussian();
        return new double[] {load, latency, cpu};
    }

    /** Low load with the latency of high load: each value is ordinary, their combination is not. */
    static double[] slowAtLowLoad() {
        return new double[] {150, 50 + 0.2 * 900, 10 + 0.06 * 150};
    }
}
