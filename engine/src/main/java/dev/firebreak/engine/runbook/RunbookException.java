package dev.firebreak.engine.runbook;

import dev.firebreak.engine.config.LocatedConfigException;

/** A runbook file that cannot be used; the message names the file, line and field. */
public final class RunbookException extends LocatedConfigException {

    private static final long serialVersionUID = 1L;

    /** See {@link LocatedConfigException#LocatedConfigException(String, int, String, String)}. */
    public RunbookException(String sourceName, int line, String field, String problem) {
        super(sourceName, line, field, problem);
    }
}
