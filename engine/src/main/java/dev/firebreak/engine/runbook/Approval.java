package dev.firebreak.engine.runbook;

import java.time.Instant;
import java.util.Objects;

/** A person's approval of one exact rendering of a step: {@code hash} is the SHA-256 of what they saw. */
public record Approval(String person, Instant at, String hash) {
    public Approval {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(hash, "hash");
    }
}
