package dev.firebreak.views.fx;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.styles.Styles;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Maps health states to the style pseudo-classes, letters and words the screens show. */
public final class HealthStyles {

    private HealthStyles() {
    }

    public static PseudoClass pseudoClass(HealthState state) {
        return switch (state) {
            case HEALTHY -> Styles.HEALTH_HEALTHY;
            case RECOVERING -> Styles.HEALTH_RECOVERING;
            case DEGRADED -> Styles.HEALTH_DEGRADED;
            case CRITICAL -> Styles.HEALTH_CRITICAL;
            case FAILED -> Styles.HEALTH_FAILED;
        };
    }

    /** Sets exactly one health pseudo-class on the node. */
    public static void apply(Node node, HealthState state) {
        for (HealthState s : HealthState.values()) {
            node.pseudoClassStateChanged(pseudoClass(s), s == state);
        }
    }

    /**
     * A one-letter mark so states stay distinguishable without colour (colour-blind users, greyscale
     * printouts): H, R, D, C, F.
     */
    public static String letter(HealthState state) {
        return state.name().substring(0, 1);
    }

    /** "Healthy", "Failed", ... */
    public static String word(HealthState state) {
        String name = state.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
