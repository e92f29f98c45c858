package dev.firebreak.engine.action;

import java.util.Objects;

/** Whether an action was carried out, and what the executor said. */
public record ActionResult(boolean applied, String message) {
    public ActionResult {
        Objects.requireNonNull(message, "message");
    }

    public static ActionResult applied(String message) {
        return new ActionResult(true, message);
    }

    public static ActionResult refused(String message) {
        return new ActionResult(false, message);
    }
}
