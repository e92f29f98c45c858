package dev.firebreak.engine.incident;

/** The playbook's five incident families. */
public enum IncidentType {
    INFRASTRUCTURE("Service crashes, node failures, network issues, resource exhaustion"),
    APPLICATION("Code bugs, memory leaks, deadlocks, bad deployments and configuration"),
    DATA("Data corruption, replication lag, query timeouts, storage full"),
    SECURITY("Attacks, unauthorised access, certificate expiry"),
    EXTERNAL("Third-party outages, DNS, cloud provider problems");

    private final String examples;

    IncidentType(String examples) {
        this.examples = examples;
    }

    public String examples() {
        return examples;
    }
}
