package dev.firebreak.app.wiring;

import dev.firebreak.engine.store.Settings;
import dev.firebreak.views.shell.ThemePreference;

/** Remembers the console's theme in the database's settings table. */
final class SettingsThemePreference implements ThemePreference {

    static final String KEY = "console.theme";
    private final Settings settings;

    SettingsThemePreference(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String load() {
        return settings.get(KEY).orElse(null);
    }

    @Override
    public void save(String theme) {
        settings.put(KEY, theme);
    }
}
