package dev.firebreak.engine.runbook;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A value the person (or the incident) gives a runbook when it starts; checked against its type before any step runs. */
public record RunbookParameter(String name, Type type, Optional<String> defaultValue, boolean required, String description) {

    public enum Type {
        STRING, INTEGER, NUMBER, BOOLEAN, COMPONENT;

        static Type parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown parameter type '" + text + "'; types: string, integer, number,"
                        + " boolean, component");
            }
        }
    }

    public RunbookParameter {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be letters, digits and _");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        description = description == null ? "" : description;
        defaultValue.ifPresent(value -> {
            String problem = problemWith(type, value);
            if (problem != null) {
                throw new IllegalArgumentException("default of '" + name + "': " + problem);
            }
        });
    }

    /** Null when {@code value} fits the type, otherwise what is wrong with it. */
    public String problemWith(String value) {
        return problemWith(type, value);
    }

    private static String problemWith(Type type, String value) {
        if (value == null) {
            return "no value";
        }
        return switch (type) {
            case STRING -> null;
            case COMPONENT -> value.isBlank() ? "a component id is needed" : null;
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : "'" + value + "' is not true or false";
            case INTEGER -> value.matches("-?\\d{1,18}") ? null : "'" + value + "' is not a whole number";
            case NUMBER -> {
                try {
                    double parsed = Double.parseDouble(value);
                    yield Double.isFinite(parsed) ? null : "'" + value + "' is not a finite number";
                } catch (NumberFormatException e) {
                    yield "'" + value + "' is not a number";
                }
            }
        };
    }
}
