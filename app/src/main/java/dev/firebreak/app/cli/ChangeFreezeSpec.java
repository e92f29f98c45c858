package dev.firebreak.app.cli;

import dev.firebreak.engine.heal.ChangeFreeze;
import dev.firebreak.engine.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A change freeze from the command line, relative to the session's start: {@code at=OFFSET,for=DURATION,reason=TEXT}
 * (e.g. {@code at=30m,for=2h,reason=release train}); healing takes no action while it is open.
 */
public record ChangeFreezeSpec(Duration at, Duration lasting, String reason) {

    public ChangeFreezeSpec {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(lasting, "lasting");
        Objects.requireNonNull(reason, "reason");
        if (at.isNegative()) {
            throw new IllegalArgumentException("--change-freeze: at cannot be negative, was " + at);
        }
        if (lasting.isNegative() || lasting.isZero()) {
            throw new IllegalArgumentException("--change-freeze: for must be positive, was " + lasting);
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("--change-freeze: a reason is required (reason=TEXT)");
        }
    }

    /**
     * @throws IllegalArgumentException naming the part that is missing or wrong
     */
    public static ChangeFreezeSpec parse(String text) {
        Duration at = null;
        Duration lasting = null;
        String reason = null;
        int reasonAt = text.indexOf("reason=");
        String head = reasonAt < 0 ? text : text.substring(0, reasonAt);
        if (reasonAt >= 0) {
            reason = text.substring(reasonAt + "reason=".length()).strip();
        }
        for (String part : head.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--change-freeze: '" + p + "' is not KEY=VALUE; expected"
                        + " at=OFFSET,for=DURATION,reason=TEXT");
            }
            String key = p.substring(0, eq);
            String value = p.substring(eq + 1);
            try {
                switch (key) {
                    case "at" -> at = value.matches("0+(ms|s|m|h|d)?") ? Duration.ZERO : Durations.parse(value);
                    case "for" -> lasting = Durations.parse(value);
                    default -> throw new IllegalArgumentException("unknown key '" + key + "'; keys: at, for, reason");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--change-freeze: " + key + ": " + e.getMessage(), e);
            }
        }
        if (lasting == null) {
            throw new IllegalArgumentException("--change-freeze: for=DURATION is required");
        }
        if (reason == null) {
            throw new IllegalArgumentException("--change-freeze: a reason is required (reason=TEXT)");
        }
        return new ChangeFreezeSpec(at == null ? Duration.ZERO : at, lasting, reason);
    }

    public ChangeFreeze from(Instant sessionStart) {
        return new ChangeFreeze(sessionStart.plus(at), sessionStart.plus(at).plus(lasting), reason);
    }
}
