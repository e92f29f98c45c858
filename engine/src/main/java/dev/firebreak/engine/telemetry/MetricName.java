package dev.firebreak.engine.telemetry;

/**
 * The signals every component reports: the golden signals (traffic, errors, latency, saturation)
 * and the resources behind them.
 */
public enum MetricName {
    REQUEST_RATE("Request rate", "req/s"),
    ERROR_RATE("Error rate", "%"),
    LATENCY_P50("Latency p50", "ms"),
    LATENCY_P95("Latency p95", "ms"),
    LATENCY_P99("Latency p99", "ms"),
    CPU("CPU", "%"),
    MEMORY("Memory", "%"),
    DISK_USED("Disk used", "%"),
    CONNECTIONS("Connection pool use", "%"),
    QUEUE_DEPTH("Queue depth", "msgs"),
    REPLICATION_LAG("Replication lag", "s");

    private final String label;
    private final String unit;

    MetricName(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
