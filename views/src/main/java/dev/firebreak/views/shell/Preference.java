package dev.firebreak.views.shell;

/**
 * One setting the console remembers across restarts (the light/dark theme, who the operator is). The app implements
 * it over its settings store; views do not know how settings are kept.
 */
public interface Preference {

    /** The saved value, or null when nothing was saved yet. */
    String load();

    void save(String value);

    /** A preference that remembers nothing beyond this object; for tests and demos. */
    static Preference inMemory(String initial) {
        return new Preference() {
            private String value = initial;

            @Override
            public String load() {
                return value;
            }

            @Override
            public void save(String newValue) {
                value = newValue;
            }
        };
    }
}
