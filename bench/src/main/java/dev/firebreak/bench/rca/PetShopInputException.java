package dev.firebreak.bench.rca;

/** A PetShop file that cannot be read; the message names the file and what was wrong. */
public final class PetShopInputException extends RuntimeException {
    public PetShopInputException(String message) {
        super(message);
    }

    public PetShopInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
