package dev.firebreak.engine.action;

import java.util.Objects;

/**
 * Something healing (or a person) can do to a system. The simulator gives each action effects that
 * follow its physics; real executors (shell, HTTP, kubectl) map them to commands later.
 */
public sealed interface RemediationAction {

    /** The component acted on. */
    String target();

    /** A one-line description for timelines and the audit log. */
    String describe();

    /** Restarts one instance: clears leaked memory and stuck state; the instance is briefly unavailable. */
    record RestartInstance(String target) implements RemediationAction {
        public RestartInstance { Objects.requireNonNull(target, "target"); }
        @Override public String describe() { return "restart an instance of " + target; }
    }

    /** Sets the number of replicas (scale out or in). */
    record Scale(String target, int replicas) implements RemediationAction {
        public Scale {
            Objects.requireNonNull(target, "target");
            if (replicas < 1 || replicas > 1000) {
                throw new IllegalArgumentException("replicas must be in [1, 1000], was " + replicas);
            }
        }
        @Override public String describe() { return "scale " + target + " to " + replicas + " replicas"; }
    }

    /** Opens (calls fail fast) or closes the circuit breaker from target to callee. */
    record CircuitBreaker(String target, String callee, boolean open) implements RemediationAction {
        public CircuitBreaker {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(callee, "callee");
        }
        @Override public String describe() {
            return (open ? "open" : "close") + " the circuit breaker " + target + " -> " + callee;
        }
    }

    /** Empties a cache (cold cache: misses go to the backing store) or warms it back up. */
    record Cache(String target, boolean warm) implements RemediationAction {
        public Cache { Objects.requireNonNull(target, "target"); }
        @Override public String describe() { return (warm ? "warm" : "clear") + " cache " + target; }
    }

    /** Promotes a database's replica and moves its connections there. */
    record Failover(String target) implements RemediationAction {
        public Failover { Objects.requireNonNull(target, "target"); }
        @Override public String describe() { return "fail over " + target + " to its replica"; }
    }

    /** Returns a component to its previous version. */
    record Rollback(String target) implements RemediationAction {
        public Rollback { Objects.requireNonNull(target, "target"); }
        @Override public String describe() { return "roll back the last deployment of " + target; }
    }

    /** Removes old logs and temporary files. */
    record CleanDisk(String target) implements RemediationAction {
        public CleanDisk { Objects.requireNonNull(target, "target"); }
        @Override public String describe() { return "clean disk on " + target; }
    }

    /** Drops and re-creates the connection pool. */
    record ResetConnectionPool(String target) implements RemediationAction {
        public ResetConnectionPool { Objects.requireNonNull(target, "target"); }
        @Override public String describe() { return "reset the connection pool of " + target; }
    }

    /** Rejects a fraction of the requests arriving at target at its door (rate limiting, load shedding); 0 lifts it. */
    record ShedLoad(String target, double fraction) implements RemediationAction {
        public ShedLoad {
            Objects.requireNonNull(target, "target");
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("fraction must be in [0, 1), was " + fraction);
            }
        }
        @Override public String describe() {
            return fraction == 0 ? "stop shedding load at " + target
                    : "shed " + Math.round(fraction * 100) + "% of the load arriving at " + target;
        }
    }

    /** Sends a fraction of target's traffic to an alternative component of the same kind. */
    record Reroute(String target, String alternative, double fraction) implements RemediationAction {
        public Reroute {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(alternative, "alternative");
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be in [0, 1], was " + fraction);
            }
        }
        @Override public String describe() {
            return "reroute " + Math.round(fraction * 100) + "% of " + target + " traffic to " + alternative;
        }
    }
}
