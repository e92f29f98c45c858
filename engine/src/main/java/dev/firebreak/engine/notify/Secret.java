package dev.firebreak.engine.notify;

import java.util.Objects;

/**
 * A credential read through a reference ({@code env:NAME} or {@code secret:NAME}), never from
 * {@code notifications.yaml} itself. {@link #toString()} shows the reference only; the value leaves this object
 * through {@link #reveal()}, which only the channels call while building a request, and every text the
 * dispatcher produces is masked against it.
 *
 * <p>{@link #plain} wraps a value that is not secret (a generic webhook's URL written in the YAML), so that one
 * field type serves both; it is shown as is and not masked.
 */
public final class Secret {

    private final String reference;
    private final String value;

    private Secret(String reference, String value) {
        this.reference = reference;
        this.value = value;
    }

    /** A secret value read through {@code reference}, e.g. {@code env:SLACK_WEBHOOK_URL}. */
    public static Secret of(String reference, String value) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a secret needs the reference it was read through");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(reference + " is empty");
        }
        return new Secret(reference, value);
    }

    /** A value that is not secret, written in the config as is. */
    public static Secret plain(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("value must not be blank");
        }
        return new Secret("", value);
    }

    /** Whether the value must be masked wherever text leaves the dispatcher. */
    public boolean isSecret() {
        return !reference.isEmpty();
    }

    /** {@code env:NAME} or {@code secret:NAME}; empty for a {@link #plain} value. */
    public String reference() {
        return reference;
    }

    /** The value itself: only for the request that needs it, never for messages or logs. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && reference.equals(that.reference) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference, value);
    }

    @Override
    public String toString() {
        return isSecret() ? reference + " (***)" : value;
    }
}
