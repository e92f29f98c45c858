package dev.firebreak.engine.store;

import java.util.Optional;

/** Small string preferences kept between runs, such as the chosen theme. */
public interface Settings {

    Optional<String> get(String key);

    /** The stored value, or {@code fallback} when the key was never set. */
    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** Stores or replaces a value; keys are 1-200 characters, values at most 4,000. */
    void put(String key, String value);

    void remove(String key);
}
