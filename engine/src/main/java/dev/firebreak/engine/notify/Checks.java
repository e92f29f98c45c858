package dev.firebreak.engine.notify;

import dev.firebreak.engine.time.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Range checks for the config records; messages name the field, the allowed range and the value. */
final class Checks {

    private Checks() {
    }

    static Duration between(Duration value, String name, Duration min, Duration max) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + Durations.format(min) + " and "
                    + Durations.format(max) + ", was " + (value.isNegative() ? value.toString() : Durations.format(value)));
        }
        return value;
    }

    static int between(int value, String name, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static double between(double value, String name, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /**
     * Checks that {@code url} is an absolute http(s) URL with a host, and, when requests to it carry a credential,
     * that it is https unless it points at this machine (a local relay, a test server). A secret URL is named by
     * its reference only.
     */
    static void requireHttpUrl(Secret url, String field, boolean carriesCredential) {
        String shown = url.isSecret() ? "the value of " + url.reference() : "'" + url.reveal() + "'";
        URI uri;
        try {
            uri = new URI(url.reveal());
        } catch (URISyntaxException e) {
            // reported without the parser's message, which quotes the value
            throw new IllegalArgumentException(field + ": " + shown + " is not an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(field + ": " + shown + " is not an absolute http or https URL");
        }
        if (carriesCredential && scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(field + ": " + shown + " is plain http, which would send the "
                    + "credential unencrypted; use https (http is accepted for localhost only)");
        }
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || bare.startsWith("127.") || bare.equals("::1");
    }
}
