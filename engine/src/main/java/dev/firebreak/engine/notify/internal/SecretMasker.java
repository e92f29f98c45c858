package dev.firebreak.engine.notify.internal;

import dev.firebreak.engine.notify.Secret;
import dev.firebreak.engine.store.Redactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Masks a channel's secrets in any text before it leaves the dispatcher (outcome reasons, log lines), on top of
 * {@link Redactor}: first every known secret value in the forms it may be printed in (as is, percent-encoded,
 * JSON-escaped, and for a URL its canonical form, its path, its last path segment and its query, since a
 * Slack webhook's path is its credential); then what {@link Redactor} does not know: {@code GenieKey …}
 * authorisations, PagerDuty routing keys and any Slack webhook path, configured or not; then what
 * {@link Redactor#redactText} masks ({@code key=value} secrets, Bearer tokens, URL passwords).
 */
public final class SecretMasker {

    private static final String MASK = Redactor.MASK;
    private static final Pattern GENIE_KEY = Pattern.compile("(?i)(GenieKey\\s+)[^\\s,;&\"']+");
    private static final Pattern ROUTING_KEY = Pattern.compile(
            "(?i)(\"?(?:routing_key|routingKey|integration_key|service_key)\"?\\s*[:=]\\s*)(\"[^\"]*\"|[^\\s,;&}]+)");
    private static final Pattern SLACK_WEBHOOK_PATH = Pattern.compile("(?i)(hooks\\.slack\\.com/services/)[^\\s\"'<>|]+");
    private static final int MIN_SEGMENT = 6;

    private final List<String> needles;

    private SecretMasker(List<String> needles) {
        this.needles = needles;
    }

    /** Masks the values of {@code secrets} that are {@linkplain Secret#isSecret() secret}. */
    public static SecretMasker of(Collection<Secret> secrets) {
        Set<String> needles = new LinkedHashSet<>();
        for (Secret secret : secrets) {
            if (secret.isSecret()) {
                addForms(needles, secret.reveal());
            }
        }
        List<String> longestFirst = new ArrayList<>(needles);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(List.copyOf(longestFirst));
    }

    private static void addForms(Set<String> needles, String value) {
        needles.add(value);
        needles.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        needles.add(value.replace("/", "\\/"));
        HttpUrl url = HttpUrl.parse(value);
        if (url != null) {
            needles.add(url.toString());
            if (url.encodedPath().length() > 1) {
                needles.add(url.encodedPath());
                needles.add(url.encodedPath().replace("/", "\\/"));
            }
            List<String> segments = url.pathSegments();
            String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
            if (last.length() >= MIN_SEGMENT) {
                needles.add(last);
            }
            if (url.encodedQuery() != null && !url.encodedQuery().isEmpty()) {
                needles.add(url.encodedQuery());
            }
        }
        needles.removeIf(String::isEmpty);
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String masked = text;
        for (String needle : needles) {
            masked = masked.replace(needle, MASK);
        }
        // before Redactor: it masks an unknown scheme word ("GenieKey") and would leave the key after it
        masked = GENIE_KEY.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        masked = ROUTING_KEY.matcher(masked).replaceAll(match -> Matcher.quoteReplacement(match.group(1)
                + (match.group(2).startsWith("\"") ? "\"" + MASK + "\"" : MASK)));
        masked = SLACK_WEBHOOK_PATH.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return Redactor.redactText(masked);
    }
}
