package dev.firebreak.engine.fault;

/**
 * The fault catalogue from the seeds. Each type says what its magnitude means, so a dialog or a
 * command line can ask for it in the right unit and reject nonsense.
 */
public enum FaultType {
    LATENCY("Latency injection", "ms added per request", 500, 1, 60_000, false),
    PACKET_LOSS("Packet loss", "fraction of packets lost", 0.3, 0.001, 1, false),
    NETWORK_PARTITION("Network partition", "fraction of traffic cut (1 = full)", 1, 0.01, 1, true),
    BANDWIDTH_LIMIT("Bandwidth limit", "fraction of normal bandwidth left", 0.2, 0.001, 1, false),
    CPU_PRESSURE("CPU pressure", "CPU points taken by a noisy neighbour", 60, 1, 100, false),
    MEMORY_PRESSURE("Memory pressure", "memory points taken", 40, 1, 100, false),
    MEMORY_LEAK("Memory leak", "memory points leaked per minute", 2, 0.01, 100, false),
    DISK_FILL("Disk fill", "disk points written per minute", 5, 0.01, 100, false),
    CLOCK_SKEW("Clock skew", "seconds of skew", 30, 0.1, 86_400, false),
    INSTANCE_KILL("Instance kill", "instances killed", 1, 1, 1_000, false),
    PROCESS_KILL("Process kill", "fraction of processes killed", 1, 0.01, 1, false),
    DEPENDENCY_FAILURE("Dependency failure", "fraction of calls to the peer failing", 1, 0.01, 1, true),
    BAD_DEPLOYMENT("Bad deployment", "fraction of requests failing on the new version", 0.3, 0.001, 1, false),
    CONFIG_ERROR("Config error", "fraction of requests failing", 0.5, 0.001, 1, false);

    private final String label;
    private final String magnitudeMeaning;
    private final double defaultMagnitude;
    private final double minMagnitude;
    private final double maxMagnitude;
    private final boolean needsPeer;

    FaultType(String label, String magnitudeMeaning, double defaultMagnitude, double minMagnitude,
            double maxMagnitude, boolean needsPeer) {
        this.label = label;
        this.magnitudeMeaning = magnitudeMeaning;
        this.defaultMagnitude = defaultMagnitude;
        this.minMagnitude = minMagnitude;
        this.maxMagnitude = maxMagnitude;
        this.needsPeer = needsPeer;
    }

    public String label() {
        return label;
    }

    public String magnitudeMeaning() {
        return magnitudeMeaning;
    }

    public double defaultMagnitude() {
        return defaultMagnitude;
    }

    public double minMagnitude() {
        return minMagnitude;
    }

    public double maxMagnitude() {
        return maxMagnitude;
    }

    /** True when the fault sits between two components (partition, dependency failure). */
    public boolean needsPeer() {
        return needsPeer;
    }

    /** The type named in a spec string, case- and dash-insensitive ("disk-fill", "DISK_FILL"). */
    public static FaultType parse(String text) {
        String normalized = text.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        try {
            return valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault type '" + text + "'; known: "
                    + java.util.Arrays.stream(values()).map(t -> t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                            .collect(java.util.stream.Collectors.joining(", ")), e);
        }
    }
}
