package dev.firebreak.engine.sim.internal;

import dev.firebreak.engine.fault.FaultType;
import java.util.Arrays;

/**
 * The continuous effect of every fault acting in this tick, summed per component and per dependency
 * edge. Rebuilt each tick from the active faults, so when a fault ends its direct effect is gone the
 * next tick. One-off effects (killing instances, deploying a version) are applied by
 * {@link Physics} when a fault starts instead.
 */
public final class FaultEffects {

    final double[] injectedMs;
    final double[] packetLoss;
    final double[] bandwidth;
    final double[] cpuStolen;
    final double[] memoryPressure;
    final double[] leakPerSecond;
    final double[] diskFillPerSecond;
    final double[] skewSeconds;
    final double[] failingFraction;
    final double[] replicaPartition;
    final double[] edgeDependencyFailure;
    final double[] edgePartition;
    private final EdgeIndex edges;

    public FaultEffects(EdgeIndex edges) {
        this.edges = edges;
        int n = edges.components();
        injectedMs = new double[n];
        packetLoss = new double[n];
        bandwidth = new double[n];
        cpuStolen = new double[n];
        memoryPressure = new double[n];
        leakPerSecond = new double[n];
        diskFillPerSecond = new double[n];
        skewSeconds = new double[n];
        failingFraction = new double[n];
        replicaPartition = new double[n];
        edgeDependencyFailure = new double[edges.size()];
        edgePartition = new double[edges.size()];
        clear();
    }

    public void clear() {
        Arrays.fill(injectedMs, 0);
        Arrays.fill(packetLoss, 0);
        Arrays.fill(bandwidth, 1);
        Arrays.fill(cpuStolen, 0);
        Arrays.fill(memoryPressure, 0);
        Arrays.fill(leakPerSecond, 0);
        Arrays.fill(diskFillPerSecond, 0);
        Arrays.fill(skewSeconds, 0);
        Arrays.fill(failingFraction, 0);
        Arrays.fill(replicaPartition, 0);
        Arrays.fill(edgeDependencyFailure, 0);
        Arrays.fill(edgePartition, 0);
    }

    /** Adds one active fault's continuous effect; peer is -1 for faults without one. */
    public void add(FaultType type, int target, int peer, double magnitude) {
        switch (type) {
            case LATENCY -> injectedMs[target] += magnitude;
            case PACKET_LOSS -> packetLoss[target] = orProbability(packetLoss[target], magnitude);
            case NETWORK_PARTITION -> partition(target, peer, magnitude);
            case BANDWIDTH_LIMIT -> bandwidth[target] = Math.min(bandwidth[target], magnitude);
            case CPU_PRESSURE -> cpuStolen[target] = Math.min(99, cpuStolen[target] + magnitude);
            case MEMORY_PRESSURE -> memoryPressure[target] += magnitude;
            case MEMORY_LEAK -> leakPerSecond[target] += magnitude / 60;
            case DISK_FILL -> diskFillPerSecond[target] += magnitude / 60;
            case CLOCK_SKEW -> skewSeconds[target] = Math.max(skewSeconds[target], magnitude);
            case DEPENDENCY_FAILURE -> {
                int edge = edges.edge(target, peer);
                if (edge >= 0) {
                    edgeDependencyFailure[edge] = orProbability(edgeDependencyFailure[edge], magnitude);
                }
            }
            case BAD_DEPLOYMENT, CONFIG_ERROR -> failingFraction[target] = orProbability(failingFraction[target], magnitude);
            // one-off: applied when the fault starts, nothing continuous
            case INSTANCE_KILL, PROCESS_KILL -> { }
        }
    }

    private void partition(int a, int b, double fraction) {
        int ab = edges.edge(a, b);
        if (ab >= 0) {
            edgePartition[ab] = orProbability(edgePartition[ab], fraction);
        }
        int ba = edges.edge(b, a);
        if (ba >= 0) {
            edgePartition[ba] = orProbability(edgePartition[ba], fraction);
        }
        // a replica cut off from its primary cannot replicate
        if (edges.replicaOf(a) == b) {
            replicaPartition[a] = orProbability(replicaPartition[a], fraction);
        }
        if (edges.replicaOf(b) == a) {
            replicaPartition[b] = orProbability(replicaPartition[b], fraction);
        }
    }

    static double orProbability(double p, double q) {
        return 1 - (1 - p) * (1 - q);
    }
}
