package dev.firebreak.views.shell;

/**
 * Where the console remembers the light/dark choice. The app implements it over its settings store;
 * views do not know how settings are kept.
 */
public interface ThemePreference {

    /** The saved theme name ("light" or "dark"), or null when nothing was saved yet. */
    String load();

    void save(String theme);

    /** A preference that remembers nothing beyond this object; for tests and demos. */
    static ThemePreference inMemory(String initial) {
        return new ThemePreference() {
            private String theme = initial;

            @Override
            public String load() {
                return theme;
            }

            @Override
            public void save(String value) {
                theme = value;
            }
        };
    }
}
