package dev.firebreak.engine.escalation;

import dev.firebreak.engine.config.LocatedConfigException;

/** An escalation file that cannot be used; the message names the file, line and field. */
public final class EscalationConfigException extends LocatedConfigException {

    private static final long serialVersionUID = 1L;

    /** See {@link LocatedConfigException#LocatedConfigException(String, int, String, String)}. */
    public EscalationConfigException(String sourceName, int line, String field, String problem) {
        super(sourceName, line, field, problem);
    }
}
