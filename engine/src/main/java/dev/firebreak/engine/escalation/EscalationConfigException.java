package dev.firebreak.engine.escalation;

/** An escalation file that cannot be used; the message names the file, line and field. */
public final class EscalationConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public EscalationConfigException(String source, int line, String field, String problem) {
        super(source + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }
}
