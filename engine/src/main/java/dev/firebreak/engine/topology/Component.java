package dev.firebreak.engine.topology;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One thing that can break: a service, a database, a cache...
 *
 * @param id               stable identifier, lower-case letters, digits and dashes
 * @param name             what people call it
 * @param kind             what it is
 * @param tier             layer from the edge (0 = entry); used to lay out and group
 * @param replicas         running instances, at least 1
 * @param team             owning team
 * @param environment      e.g. production, staging
 * @param capacityPerReplica requests per second one instance serves before queueing dominates; positive
 * @param version          the running version, changed by deployments
 * @param replicaOf        for a database replica: the id of its primary
 */
public record Component(String id, String name, ComponentKind kind, int tier, int replicas, String team,
        String environment, double capacityPerReplica, String version, Optional<String> replicaOf) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Component {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and dashes (1-63), was '" + id + "'");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (tier < 0) {
            throw new IllegalArgumentException("tier must be >= 0, was " + tier);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, was " + replicas);
        }
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(environment, "environment");
        if (!(capacityPerReplica > 0) || Double.isInfinite(capacityPerReplica)) {
            throw new IllegalArgumentException("capacity must be a positive number, was " + capacityPerReplica);
        }
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(replicaOf, "replicaOf");
    }

    /** Total requests per second all replicas serve together. */
    public double capacity() {
        return capacityPerReplica * replicas;
    }
}
