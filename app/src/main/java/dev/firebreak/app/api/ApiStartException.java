package dev.firebreak.app.api;

/** The runbook API cannot start; the message says why and what to do, naming the file, address or port at fault. */
public final class ApiStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public ApiStartException(String message) {
        super(message);
    }

    public ApiStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
