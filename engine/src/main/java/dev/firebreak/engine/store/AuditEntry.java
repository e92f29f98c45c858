package dev.firebreak.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log.
 *
 * @param seq          position in the log, 1 for the first entry, no gaps
 * @param timestamp    when it was appended (millisecond precision)
 * @param actor        who did it: a user name, or {@code engine} for automation
 * @param action       what was done, e.g. {@code remediation.applied}
 * @param subject      what it was done to, e.g. a component id
 * @param details      redacted details: canonical JSON for structured details, else plain text
 * @param previousHash SHA-256 (hex) of the entry before, 64 zeros for the first entry
 * @param hash         SHA-256 (hex) over this entry's fields and {@code previousHash}
 */
public record AuditEntry(long seq, Instant timestamp, String actor, String action, String subject, String details,
        String previousHash, String hash) {

    public AuditEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1, was " + seq);
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
