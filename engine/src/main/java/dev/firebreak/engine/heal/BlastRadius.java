package dev.firebreak.engine.heal;

import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Topology;
import java.util.Locale;

/**
 * How much of the system one healing action can hurt if it goes wrong (self-healing-system.md 7), smallest first.
 * Computed from the playbook's scope, the topology and the replicas: a restart of one instance of a service that has
 * only one is a whole-service action; acting on a component and its callers is a several-services action, and a tier
 * action once those callers are more than half of the topology.
 */
public enum BlastRadius {
    SINGLE_INSTANCE, SINGLE_SERVICE, SEVERAL_SERVICES, TIER, REGION;

    public static BlastRadius of(ActionScope scope, Topology topology, String componentId) {
        int index = topology.indexOf(componentId);
        if (index < 0) {
            return REGION; // unknown to the topology: assume the worst
        }
        Component component = topology.component(index);
        return switch (scope) {
            case INSTANCE -> component.replicas() > 1 ? SINGLE_INSTANCE : SINGLE_SERVICE;
            case SERVICE -> SINGLE_SERVICE;
            case DEPENDENTS -> {
                int callers = topology.callersOf(index).length;
                if (callers == 0) {
                    yield SINGLE_SERVICE;
                }
                yield callers + 1 > topology.size() / 2 ? TIER : SEVERAL_SERVICES;
            }
            case TIER -> TIER;
            case REGION -> REGION;
        };
    }

    public boolean within(BlastRadius allowed) {
        return ordinal() <= allowed.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static BlastRadius parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown blast radius '" + text + "'; classes: single-instance, single-service,"
                    + " several-services, tier, region");
        }
    }
}
