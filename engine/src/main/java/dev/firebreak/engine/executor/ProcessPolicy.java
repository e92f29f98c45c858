package dev.firebreak.engine.executor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which of the console's environment variables a child process may inherit. A child starts from an empty
 * environment, gets these variables' values from {@code parentEnvironment}, then its invocation's explicit ones:
 * the console's credentials and tokens never leak into a step by accident.
 *
 * <p>Only the allow-listed entries of the given parent environment are kept, so a policy never holds (or prints)
 * the console's other variables. A variable on the list that the parent does not have is simply not passed.
 *
 * @param inheritedVariables names a child may inherit, such as {@code PATH}
 * @param parentEnvironment the parent's values of those names ({@link System#getenv()} unless injected)
 */
public record ProcessPolicy(Set<String> inheritedVariables, Map<String, String> parentEnvironment) {

    /** What a command-line tool usually needs to find programs, files and its locale, and nothing secret. */
    public static final Set<String> DEFAULT_INHERITED_VARIABLES = Set.of("PATH", "HOME", "LANG", "LC_ALL", "TZ",
            "USER");

    public ProcessPolicy {
        inheritedVariables = Set.copyOf(Objects.requireNonNull(inheritedVariables, "inheritedVariables"));
        for (String name : inheritedVariables) {
            requireVariableName(name);
        }
        Objects.requireNonNull(parentEnvironment, "parentEnvironment");
        // Looked up name by name rather than copied and filtered: on Windows getenv() is case-insensitive.
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : new TreeSet<>(inheritedVariables)) {
            String value = parentEnvironment.get(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        parentEnvironment = Map.copyOf(kept);
    }

    /** The allow-list, inheriting from the console's own environment. */
    public ProcessPolicy(Set<String> inheritedVariables) {
        this(inheritedVariables, System.getenv());
    }

    /** {@link #DEFAULT_INHERITED_VARIABLES} from the console's own environment. */
    public static ProcessPolicy defaults() {
        return new ProcessPolicy(DEFAULT_INHERITED_VARIABLES);
    }

    /** The same allow-list over another parent environment (tests, or a console started with a curated one). */
    public ProcessPolicy withParentEnvironment(Map<String, String> environment) {
        return new ProcessPolicy(inheritedVariables, environment);
    }

    /** Names only: an allow-listed variable may still hold something a log should not. */
    @Override
    public String toString() {
        return "ProcessPolicy[inheritedVariables=" + new TreeSet<>(inheritedVariables) + ", present="
                + new TreeMap<>(parentEnvironment).keySet() + "]";
    }

    /** Rejects what no environment can hold: an empty name, or one with {@code =} or NUL in it. */
    private static void requireVariableName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not an environment variable name: '" + name + "'");
        }
    }
}
