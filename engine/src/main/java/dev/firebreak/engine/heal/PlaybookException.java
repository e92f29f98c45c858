package dev.firebreak.engine.heal;

import dev.firebreak.engine.config.LocatedConfigException;

/** A playbook file that cannot be used, naming file, line, field and problem. */
public final class PlaybookException extends LocatedConfigException {

    private static final long serialVersionUID = 1L;

    public PlaybookException(String source, int line, String field, String problem) {
        super(source, line, field, problem);
    }
}
