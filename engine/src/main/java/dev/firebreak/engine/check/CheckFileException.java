package dev.firebreak.engine.check;

import dev.firebreak.engine.config.LocatedConfigException;

/**
 * A health-check file could not be read; the message names the file, line and field, e.g.
 * {@code checks.yaml:7: checks[1].component: unknown component 'paymnts'}.
 */
public final class CheckFileException extends LocatedConfigException {

    private static final long serialVersionUID = 1L;

    /** See {@link LocatedConfigException#LocatedConfigException(String, int, String, String)}. */
    public CheckFileException(String sourceName, int line, String field, String problem) {
        super(sourceName, line, field, problem);
    }
}
