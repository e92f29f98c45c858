package dev.firebreak.engine.store;

/**
 * The local database could not do what was asked: it cannot be opened, its schema does not match, or a
 * read or write failed. The message is written for an operator and names the file where there is one.
 *
 * <p>Unchecked because, once the database is open, a failure is a broken disk or a bug rather than
 * something each caller can recover from; the console catches it once, at the top.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
