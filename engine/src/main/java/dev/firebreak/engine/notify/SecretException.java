package dev.firebreak.engine.notify;

/**
 * A secret reference could not be resolved: the variable is not set, the name is not in the secrets file, or
 * the file is unreadable or readable by others. The message names the reference and the file, never a value.
 */
public final class SecretException extends Exception {

    private static final long serialVersionUID = 1L;

    public SecretException(String message) {
        super(message);
    }
}
