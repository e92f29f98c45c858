package dev.firebreak.engine.runbook;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code left OP right}, both sides templates. Written in YAML as one string, e.g.
 * {@code "{{metrics.catalog.latency_p99}} < 300"}; the operator is found in the template before substitution, so a
 * value holding {@code <} cannot change the comparison.
 */
public record Condition(String left, Operator operator, String right) {

    public enum Operator {
        EQUALS("=="), NOT_EQUALS("!="), AT_MOST("<="), AT_LEAST(">="), BELOW("<"), ABOVE(">"), CONTAINS("contains");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public Condition {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    /**
     * Splits {@code text} at its one operator, which must stand between spaces.
     *
     * @throws IllegalArgumentException naming the operators when none or several are found
     */
    public static Condition parse(String text) {
        Objects.requireNonNull(text, "text");
        Condition found = null;
        // Longer symbols first so "<=" is not read as "<".
        for (Operator operator : new Operator[] {Operator.EQUALS, Operator.NOT_EQUALS, Operator.AT_MOST, Operator.AT_LEAST,
                Operator.BELOW, Operator.ABOVE, Operator.CONTAINS}) {
            String token = " " + operator.symbol + " ";
            int at = outsideTemplates(text, token);
            if (at >= 0) {
                if (found != null) {
                    throw new IllegalArgumentException("more than one operator in '" + text + "'");
                }
                found = new Condition(text.substring(0, at).trim(), operator, text.substring(at + token.length()).trim());
            }
        }
        if (found == null || found.left.isEmpty() || found.right.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not 'left OP right' with OP one of == != <= >= < > contains,"
                    + " spaces around it");
        }
        return found;
    }

    private static int outsideTemplates(String text, String token) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("{{", i)) {
                depth++;
                i++;
            } else if (text.startsWith("}}", i) && depth > 0) {
                depth--;
                i++;
            } else if (depth == 0 && text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Compares the rendered sides: numerically when both are numbers, else as text. */
    public boolean holds(String renderedLeft, String renderedRight) {
        String a = renderedLeft.trim();
        String b = renderedRight.trim();
        if (operator == Operator.CONTAINS) {
            return a.contains(b);
        }
        Double x = number(a);
        Double y = number(b);
        int order = x != null && y != null ? Double.compare(x, y) : a.compareTo(b);
        return switch (operator) {
            case EQUALS -> x != null && y != null ? x.doubleValue() == y.doubleValue() : a.equals(b);
            case NOT_EQUALS -> x != null && y != null ? x.doubleValue() != y.doubleValue() : !a.equals(b);
            case AT_MOST -> order <= 0;
            case AT_LEAST -> order >= 0;
            case BELOW -> order < 0;
            case ABOVE -> order > 0;
            case CONTAINS -> throw new AssertionError();
        };
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text.toLowerCase(Locale.ROOT));
            return Double.isNaN(value) ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return left + " " + operator.symbol + " " + right;
    }
}
