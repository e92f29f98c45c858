package dev.firebreak.engine.heal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What set a decision off (sre-automation-guide.md's healing strategies; ADR 0042 says where the lines fall). */
public enum Strategy {
    /** A diagnosed incident in which something has failed: a component critical, failed or recovering. */
    REACTIVE,
    /** A diagnosed incident before anything in it has failed: its components anomalous (degraded) at worst. */
    PROACTIVE,
    /** A predicted failure with enough lead time to act before it happens, before any incident. */
    PREDICTIVE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The labels of {@code strategies} in declaration order, joined: "reactive, proactive" with ", ". */
    public static String labels(Set<Strategy> strategies, String delimiter) {
        return String.join(delimiter, Arrays.stream(values()).filter(strategies::contains).map(Strategy::label).toList());
    }

    /**
     * Strategies from their labels, comma-separated, any case ("reactive,predictive"); an empty text is none.
     *
     * @throws IllegalArgumentException naming a label that is not a strategy
     */
    public static Set<Strategy> parseList(String text) {
        Set<Strategy> result = EnumSet.noneOf(Strategy.class);
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                result.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown strategy '" + name.strip() + "'; strategies: "
                        + labels(EnumSet.allOf(Strategy.class), ", "), e);
            }
        }
        return result;
    }

    /** What a person is told the strategy acts on. */
    public String help() {
        return switch (this) {
            case REACTIVE -> "Reactive: acts on an incident once something in it has failed (critical, failed, recovering)";
            case PROACTIVE -> "Proactive: acts on an incident while its components are only anomalous, before a failure";
            case PREDICTIVE -> "Predictive: acts on a forecast crossing with enough lead time, before any incident";
        };
    }
}
