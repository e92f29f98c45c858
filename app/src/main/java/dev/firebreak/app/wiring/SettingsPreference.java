package dev.firebreak.app.wiring;

import dev.firebreak.engine.store.Settings;
import dev.firebreak.views.shell.Preference;
import java.util.Objects;

/** Remembers one console setting (theme, operator name) in the database's settings table. */
final class SettingsPreference implements Preference {

    static final String THEME = "console.theme";
    static final String OPERATOR = "console.operator";
    static final String HEALING_MODE = "healing.mode";
    static final String HEALING_STRATEGIES = "healing.strategies";
    private final Settings settings;
    private final String key;

    SettingsPreference(Settings settings, String key) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public String load() {
        return settings.get(key).orElse(null);
    }

    @Override
    public void save(String value) {
        settings.put(key, value);
    }
}
