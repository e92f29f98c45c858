package dev.firebreak.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets before anything is written to the audit log.
 *
 * <p>A key is sensitive when, ignoring case and punctuation, it contains one of password, passwd,
 * token, secret, apikey, authorization, credential or privatekey: {@code dbPassword},
 * {@code X-Api-Key} and {@code access_token} all are. Credentials inside URLs
 * ({@code https://user:pw@host}) are masked too.
 */
public final class Redactor {

    /** What a secret value is replaced with. */
    public static final String MASK = "***";

    private static final List<String> SENSITIVE_WORDS = List.of(
            "password", "passwd", "token", "secret", "apikey", "authorization", "credential", "privatekey");
    private static final String SENSITIVE_KEY =
            "[\\w.-]*(?:password|passwd|token|secret|api[_-]?key|authorization|credential|private[_-]?key)[\\w.-]*";
    // key=value, key: value, "key": "value"; a scheme such as Bearer is masked together with its value.
    private static final Pattern SECRET_IN_TEXT = Pattern.compile("(?i)(" + SENSITIVE_KEY + "[\"']?\\s*[:=]\\s*)"
            + "(\"[^\"]*\"|'[^']*'|(?:bearer|basic|token)\\s+[^\\s,;&]+|[^\\s,;&]+)");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(://[^:/@\\s]+:)[^@\\s]+@");

    private Redactor() {
    }

    public static boolean isSensitiveKey(String key) {
        String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return SENSITIVE_WORDS.stream().anyMatch(normalized::contains);
    }

    /**
     * A redacted copy with keys sorted (so its JSON is canonical). Nested maps and lists are walked;
     * values other than strings, numbers, booleans, maps and lists become their {@code toString()}.
     */
    public static Map<String, Object> redact(Map<String, ?> details) {
        Map<String, Object> copy = new TreeMap<>();
        details.forEach((key, value) -> copy.put(key, isSensitiveKey(key) && value != null ? MASK : redactValue(value)));
        return copy;
    }

    private static Object redactValue(Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> {
                Map<String, Object> nested = new TreeMap<>();
                map.forEach((k, v) -> nested.put(String.valueOf(k), isSensitiveKey(String.valueOf(k))
                        && v != null ? MASK : redactValue(v)));
                yield nested;
            }
            case List<?> list -> {
                List<Object> items = new ArrayList<>(list.size());
                list.forEach(item -> items.add(redactValue(item)));
                yield items;
            }
            case String text -> redactText(text);
            case Number number -> number;
            case Boolean flag -> flag;
            default -> redactText(value.toString());
        };
    }

    /** Masks {@code key=value}, {@code key: value} and {@code "key": "value"} secrets and URL passwords in text. */
    public static String redactText(String text) {
        String masked = SECRET_IN_TEXT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1) + quoteLike(match.group(2))));
        return URL_CREDENTIALS.matcher(masked).replaceAll("$1" + MASK + "@");
    }

    private static String quoteLike(String value) {
        char first = value.charAt(0);
        return first == '"' || first == '\'' ? first + MASK + first : MASK;
    }
}
