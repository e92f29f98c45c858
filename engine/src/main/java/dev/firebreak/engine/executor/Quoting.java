package dev.firebreak.engine.executor;

import java.util.List;
import java.util.stream.Collectors;

/** Display quoting only: nothing ever parses this text back into arguments. */
final class Quoting {

    private Quoting() {
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String quoteAll(List<String> values) {
        return values.stream().map(Quoting::quote).collect(Collectors.joining(" ", "[", "]"));
    }
}
