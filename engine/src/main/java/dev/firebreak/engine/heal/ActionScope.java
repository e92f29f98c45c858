package dev.firebreak.engine.heal;

import java.util.Locale;

/** What a playbook's actions touch, as its author declares it; {@link BlastRadius#of} turns it into a class. */
public enum ActionScope {
    /** One instance of the component (a restart of one replica). */
    INSTANCE,
    /** The whole component (scale, roll back, clean disk). */
    SERVICE,
    /** The component and the components that call it (fail over, circuit-break, reroute). */
    DEPENDENTS,
    /** Every component of the component's tier. */
    TIER,
    /** Everything. */
    REGION;

    public static ActionScope parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scope '" + text + "'; scopes: instance, service, dependents, tier,"
                    + " region");
        }
    }
}
