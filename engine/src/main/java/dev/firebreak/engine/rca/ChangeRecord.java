package dev.firebreak.engine.rca;

import java.util.Objects;

/**
 * A change made to a node (a deployment, a configuration change, a failover) that may explain what followed.
 *
 * @param node        node id
 * @param epochSecond when it was made
 * @param kind        what kind of change, in words ("deployment", "config change")
 * @param description what changed, as a person would name it ("release 5.5.1")
 * @param version     the version it brought, empty if none
 */
public record ChangeRecord(String node, long epochSecond, String kind, String description, String version) {
    public ChangeRecord {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(version, "version");
    }

    public boolean isDeployment() {
        return kind.equalsIgnoreCase("deployment");
    }
}
