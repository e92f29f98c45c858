package dev.firebreak.engine.topology.internal;

import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.SteadyLoad;
import dev.firebreak.engine.topology.Topology;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Builds the layered synthetic topology described on {@code TopologyGenerator}.
 *
 * <p>{@link Random} rather than a faster generator because its sequence is fixed by the Java
 * specification: a seed keeps producing the same topology on every JDK.
 */
public final class LayeredTopologyBuilder {

    private static final int DATA_TIER = 5;
    private static final double DATA_SHARE = 0.2;
    private static final double[] SERVICE_TIER_WEIGHTS = {0.10, 0.25, 0.35, 0.30};
    /** Chance that a call from a service tier goes straight to the data tier (tier 4 always does). */
    private static final double[] DATA_CALL_CHANCE = {0, 0.10, 0.25, 0.45, 1.0};
    private static final int MIN_FAN_OUT = 2;
    private static final int MAX_FAN_OUT = 6;
    private static final List<String> TEAMS = List.of(
            "edge", "identity", "checkout", "catalog", "data", "platform", "payments", "search", "discovery",
            "fulfilment", "messaging", "pricing", "growth", "mobile", "storefront", "billing", "risk", "ledger",
            "logistics", "inventory", "accounts", "reviews", "media", "ads", "analytics", "loyalty", "support",
            "partners", "marketplace", "tax", "compliance", "notifications", "experiments", "subscriptions",
            "returns", "warehouse", "delivery", "merchandising", "content", "sre");

    private final int size;
    private final Random random;
    private final List<Slot> slots = new ArrayList<>();
    private final List<List<Integer>> byTier = new ArrayList<>();
    private final int teamCount;

    /** A component before its capacity is known. */
    private record Slot(String id, ComponentKind kind, int tier, int replicas, String team, String version,
            Optional<String> replicaOf) {
    }

    public LayeredTopologyBuilder(int size, long seed) {
        this.size = size;
        this.random = new Random(seed);
        this.teamCount = Math.clamp(size / 50, 1, TEAMS.size());
        for (int tier = 0; tier <= DATA_TIER; tier++) {
            byTier.add(new ArrayList<>());
        }
    }

    public Topology build(double entryRequestsPerSecond, double targetUtilisation) {
        int gateways = Math.clamp(size / 250, 1, 8);
        int data = Math.max(2, (int) Math.round(size * DATA_SHARE));
        addGateways(gateways);
        addServices(size - gateways - data);
        addDataTier(data);
        List<Dependency> dependencies = wire();
        // Size twice: once with placeholder capacities to learn the load, then for real.
        Topology unsized = new Topology("synthetic", components(new double[size]), dependencies);
        SteadyLoad load = SteadyLoad.of(unsized, entryRequestsPerSecond);
        double[] capacities = new double[size];
        for (int i = 0; i < size; i++) {
            double perReplica = load.requestsPerSecond(i) / (targetUtilisation * slots.get(i).replicas());
            capacities[i] = new BigDecimal(perReplica).round(new MathContext(3)).doubleValue();
        }
        return new Topology("synthetic-" + size, components(capacities), dependencies);
    }

    private void addGateways(int count) {
        for (int i = 0; i < count; i++) {
            add("gateway", ComponentKind.GATEWAY, 0, 2 + random.nextInt(3), "edge", Optional.empty());
        }
    }

    private void addServices(int count) {
        int assigned = 0;
        for (int t = 0; t < SERVICE_TIER_WEIGHTS.length; t++) {
            boolean last = t == SERVICE_TIER_WEIGHTS.length - 1;
            int inTier = last ? count - assigned : Math.max(1, (int) (count * SERVICE_TIER_WEIGHTS[t]));
            for (int i = 0; i < inTier; i++) {
                add("svc", ComponentKind.SERVICE, t + 1, 1 + random.nextInt(6), team(), Optional.empty());
            }
            assigned += inTier;
        }
    }

    private void addDataTier(int count) {
        int remaining = count;
        while (remaining > 0) {
            double roll = random.nextDouble();
            if (roll < 0.35) {
                String primary = add("db", ComponentKind.DATABASE, DATA_TIER, 1, team(), Optional.empty());
                remaining--;
                if (remaining > 0 && random.nextBoolean()) {
                    add("db", ComponentKind.DATABASE, DATA_TIER, 1, slots.getLast().team(), Optional.of(primary));
                    remaining--;
                }
                continue;
            }
            if (roll < 0.60) {
                add("cache", ComponentKind.CACHE, DATA_TIER, 1 + random.nextInt(3), team(), Optional.empty());
            } else if (roll < 0.75) {
                add("queue", ComponentKind.QUEUE, DATA_TIER, 3, team(), Optional.empty());
            } else if (roll < 0.85) {
                add("store", ComponentKind.OBJECT_STORE, DATA_TIER, 1, team(), Optional.empty());
            } else if (roll < 0.95) {
                add("index", ComponentKind.SEARCH_INDEX, DATA_TIER, 2 + random.nextInt(3), team(), Optional.empty());
            } else {
                add("ext", ComponentKind.EXTERNAL, DATA_TIER, 1, team(), Optional.empty());
            }
            remaining--;
        }
    }

    private String team() {
        return TEAMS.get(random.nextInt(teamCount));
    }

    private String add(String prefix, ComponentKind kind, int tier, int replicas, String team, Optional<String> replicaOf) {
        String id = String.format("%s-%04d", prefix, slots.size());
        String version = (1 + random.nextInt(9)) + "." + random.nextInt(30) + "." + random.nextInt(10);
        byTier.get(tier).add(slots.size());
        slots.add(new Slot(id, kind, tier, replicas, team, version, replicaOf));
        return id;
    }

    private List<Dependency> wire() {
        List<Set<Integer>> callees = new ArrayList<>();
        boolean[] called = new boolean[size];
        List<Dependency> dependencies = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            callees.add(new HashSet<>());
        }
        for (int caller = 0; caller < size; caller++) {
            int tier = slots.get(caller).tier();
            if (tier == DATA_TIER) {
                continue;
            }
            int fanOut = MIN_FAN_OUT + random.nextInt(MAX_FAN_OUT - MIN_FAN_OUT + 1);
            for (int attempt = 0; attempt < fanOut * 3 && callees.get(caller).size() < fanOut; attempt++) {
                int callee = pickCallee(tier);
                if (callees.get(caller).add(callee)) {
                    called[callee] = true;
                    dependencies.add(dependency(caller, callee, fanOut));
                }
            }
        }
        // Everyone below the gateways needs a caller, otherwise it would become an entry point.
        for (int orphan = 0; orphan < size; orphan++) {
            int tier = slots.get(orphan).tier();
            if (tier > 0 && !called[orphan]) {
                List<Integer> candidates = byTier.get(tier == DATA_TIER ? 1 + random.nextInt(4) : tier - 1);
                int caller = candidates.get(random.nextInt(candidates.size()));
                dependencies.add(dependency(caller, orphan, 1));
            }
        }
        return routedByGateways(dependencies);
    }

    /**
     * A gateway routes each request to exactly one backend, so its calls per request add up to one. The
     * backends adopted as orphans come on top of the gateway's drawn fan-out, so the shares are set only
     * once the wiring is complete; otherwise a gateway would call dozens of backends for every request,
     * wait for all of them and fail whenever any one of them did.
     */
    private List<Dependency> routedByGateways(List<Dependency> dependencies) {
        Map<String, Integer> routes = new HashMap<>();
        for (Dependency dependency : dependencies) {
            if (byTier.getFirst().stream().anyMatch(g -> slots.get(g).id().equals(dependency.callerId()))) {
                routes.merge(dependency.callerId(), 1, Integer::sum);
            }
        }
        List<Dependency> routed = new ArrayList<>(dependencies.size());
        for (Dependency d : dependencies) {
            Integer count = routes.get(d.callerId());
            routed.add(count == null ? d
                    : new Dependency(d.callerId(), d.calleeId(), 1.0 / count, d.timeout(), d.required()));
        }
        return routed;
    }

    private int pickCallee(int tier) {
        if (tier == 0) {
            return pickUniform(1);
        }
        if (random.nextDouble() < DATA_CALL_CHANCE[tier]) {
            // Squaring skews the choice towards the first stores: a few hot shared databases and caches.
            List<Integer> data = byTier.get(DATA_TIER);
            double u = random.nextDouble();
            return data.get((int) (data.size() * u * u));
        }
        int target = random.nextDouble() < 0.8 ? tier + 1 : tier + 1 + random.nextInt(DATA_TIER - tier - 1);
        return pickUniform(target);
    }

    private int pickUniform(int tier) {
        List<Integer> candidates = byTier.get(tier);
        return candidates.get(random.nextInt(candidates.size()));
    }

    private Dependency dependency(int caller, int callee, int fanOut) {
        Slot from = slots.get(caller);
        Slot to = slots.get(callee);
        double callsPerRequest;
        Duration timeout;
        if (from.tier() == 0) {
            // A gateway routes each request to one backend, so its calls split the traffic.
            callsPerRequest = 1.0 / fanOut;
            timeout = Duration.ofSeconds(2);
        } else if (to.tier() == DATA_TIER) {
            callsPerRequest = 0.5 + 0.25 * random.nextInt(11);
            // Long enough for a busy data store's normal tail latency, so only real trouble times out.
            timeout = Duration.ofMillis(250L + 50L * random.nextInt(10));
        } else {
            callsPerRequest = (2 + random.nextInt(14)) / 10.0;
            // A call waits for the whole chain below the callee: deeper chains need longer timeouts,
            // or the topology would be failing before any fault (seen in simulation: ~10 % of 2,000).
            int tiersBelow = DATA_TIER - to.tier() + 1;
            timeout = Duration.ofMillis(400L * tiersBelow + 100L * random.nextInt(6));
        }
        boolean required = to.tier() == DATA_TIER ? random.nextDouble() < 0.95 : random.nextDouble() < 0.85;
        return new Dependency(from.id(), to.id(), callsPerRequest, timeout, required);
    }

    private List<Component> components(double[] capacities) {
        List<Component> components = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Slot slot = slots.get(i);
            double capacity = capacities[i] > 0 ? capacities[i] : 1.0;
            components.add(new Component(slot.id(), slot.id(), slot.kind(), slot.tier(), slot.replicas(), slot.team(),
                    "synthetic", capacity, slot.version(), slot.replicaOf()));
        }
        return components;
    }
}
