package dev.firebreak.bench.nab;

/** Input the NAB tools cannot use; the message names the file, line or key that was wrong. */
public final class NabInputException extends RuntimeException {

    public NabInputException(String message) {
        super(message);
    }

    public NabInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
