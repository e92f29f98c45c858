package dev.firebreak.engine.runbook.internal;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} substitution inside one string. The result is a value, never re-read: a substituted value holding
 * {@code {{x}}}, quotes or {@code ;} stays literal text in the element it landed in.
 */
public final class Templates {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.@\\-]+)\\s*}}");

    private Templates() {
    }

    /** A variable the template names that the run does not have. */
    public static final class UnknownVariableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String variable;

        public UnknownVariableException(String variable) {
            super("unknown variable {{" + variable + "}}");
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }

    public static String render(String template, Function<String, Optional<String>> lookup) {
        return render(template, lookup, Function.identity());
    }

    /** Substitutes, passing each value through {@code encode} (URL encoding for URLs). */
    public static String render(String template, Function<String, Optional<String>> lookup, Function<String, String> encode) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(template, last, matcher.start());
            String name = matcher.group(1);
            out.append(encode.apply(lookup.apply(name).orElseThrow(() -> new UnknownVariableException(name))));
            last = matcher.end();
        }
        return out.append(template, last, template.length()).toString();
    }

    /** Whether the text names any variable. */
    public static boolean hasVariables(String text) {
        return VARIABLE.matcher(text).find();
    }
}
