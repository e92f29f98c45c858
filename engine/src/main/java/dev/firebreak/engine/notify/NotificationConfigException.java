package dev.firebreak.engine.notify;

import dev.firebreak.engine.config.LocatedConfigException;

/**
 * A notifications file could not be read; the message names the file, line and field, e.g.
 * {@code notifications.yaml:7: channels[1].retry.maxAttempts: retry.maxAttempts must be between 1 and 10, was 0}.
 * It names secret references, never their values.
 */
public final class NotificationConfigException extends LocatedConfigException {

    private static final long serialVersionUID = 1L;

    /** See {@link LocatedConfigException#LocatedConfigException(String, int, String, String)}. */
    public NotificationConfigException(String sourceName, int line, String field, String problem) {
        super(sourceName, line, field, problem);
    }
}
