package dev.firebreak.app.assembly;

import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.views.shell.Preference;
import java.util.Objects;
import java.util.Set;

/**
 * Where the console keeps what a person sets for healing: the mode, and the strategies switched on (saved as their
 * names, comma-separated; an empty text is every strategy switched off).
 */
public record HealingSettings(Preference mode, Preference strategies) {

    public HealingSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(strategies, "strategies");
    }

    /** Nothing saved beyond the objects: shadow and every strategy until a person changes them. */
    public static HealingSettings inMemory() {
        return new HealingSettings(Preference.inMemory(null), Preference.inMemory(null));
    }

    public HealingSettings withMode(Preference next) {
        return new HealingSettings(next, strategies);
    }

    public HealingSettings withStrategies(Preference next) {
        return new HealingSettings(mode, next);
    }

    /** The saved mode; shadow when none was saved or it is not a mode (the cautious default). */
    HealingMode savedMode() {
        String saved = mode.load();
        try {
            return saved == null ? HealingMode.SHADOW : HealingMode.valueOf(saved);
        } catch (IllegalArgumentException e) {
            return HealingMode.SHADOW;
        }
    }

    /** The saved strategies, or {@code fallback} when none were saved or the text names something else. */
    Set<Strategy> savedStrategies(Set<Strategy> fallback) {
        String saved = strategies.load();
        if (saved == null) {
            return fallback;
        }
        try {
            return Strategy.parseList(saved);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    void saveStrategies(Set<Strategy> value) {
        strategies.save(Strategy.labels(value, ","));
    }
}
