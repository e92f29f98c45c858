package dev.firebreak.engine.sim;

import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A small web shop built in code, sized so that every component has headroom at the weekday peak. */
final class ShopTopology {

    private ShopTopology() {
    }

    static Topology build() {
        List<Component> components = new ArrayList<>();
        components.add(component("gateway", ComponentKind.GATEWAY, 0, 2, 1500));
        components.add(component("web", ComponentKind.SERVICE, 1, 4, 500));
        components.add(component("auth", ComponentKind.SERVICE, 2, 3, 800));
        components.add(component("catalog", ComponentKind.SERVICE, 2, 4, 500));
        components.add(component("recommendations", ComponentKind.SERVICE, 2, 2, 600));
        components.add(component("cart", ComponentKind.SERVICE, 2, 2, 300));
        components.add(component("orders", ComponentKind.SERVICE, 3, 2, 200));
        components.add(component("payments", ComponentKind.SERVICE, 4, 2, 100));
        components.add(component("payment-provider", ComponentKind.EXTERNAL, 5, 1, 1000));
        components.add(component("notifications", ComponentKind.SERVICE, 5, 2, 200));
        components.add(component("redis", ComponentKind.CACHE, 3, 2, 5000));
        components.add(component("kafka", ComponentKind.QUEUE, 4, 3, 5000));
        components.add(component("postgres", ComponentKind.DATABASE, 4, 1, 3000));
        components.add(new Component("postgres-replica", "postgres-replica", ComponentKind.DATABASE, 4, 1, "data",
                "production", 5000, "16.1", Optional.of("postgres")));
        List<Dependency> dependencies = List.of(
                dependency("gateway", "web", 1, 10_000, true),
                dependency("web", "auth", 1, 1000, true),
                dependency("web", "catalog", 1, 2000, true),
                dependency("web", "recommendations", 0.5, 800, false),
                dependency("web", "cart", 0.3, 2000, true),
                dependency("catalog", "redis", 2, 200, true),
                dependency("redis", "postgres", 1, 1000, true),
                dependency("cart", "orders", 0.2, 3000, true),
                dependency("orders", "postgres", 3, 1000, true),
                dependency("orders", "payments", 1, 3000, true),
                dependency("orders", "kafka", 1, 500, true),
                dependency("payments", "payment-provider", 1, 2000, true),
                dependency("kafka", "notifications", 1, 5000, true),
                dependency("auth", "postgres-replica", 1, 500, true),
                dependency("recommendations", "postgres-replica", 2, 500, true));
        return new Topology("shop", components, dependencies);
    }

    private static Component component(String id, ComponentKind kind, int tier, int replicas, double capacity) {
        return new Component(id, id, kind, tier, replicas, "shop", "production", capacity, "1.0.0", Optional.empty());
    }

    private static Dependency dependency(String caller, String callee, double calls, long timeoutMs, boolean required) {
        return new Dependency(caller, callee, calls, Duration.ofMillis(timeoutMs), required);
    }
}
