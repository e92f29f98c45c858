package dev.firebreak.engine.store;

import java.util.List;
import java.util.Map;

/**
 * An append-only, hash-chained record of who did what.
 *
 * <p>Each entry carries the SHA-256 of the entry before it, so changing, deleting or reordering rows
 * behind the console's back is found by {@link #verify()}. Details pass through the {@link Redactor}
 * before they are hashed and stored, so secrets never reach the disk. There is deliberately no way to
 * change or remove an entry through this interface.
 */
public interface AuditLog {

    /** Appends structured details, stored as canonical JSON (keys sorted) after redaction. */
    AuditEntry append(String actor, String action, String subject, Map<String, ?> details);

    /** Appends free-text details after redaction of {@code key=value} / {@code key: value} secrets. */
    AuditEntry append(String actor, String action, String subject, String details);

    /** Entries from {@code fromSeq} on, oldest first, at most {@code limit}. */
    List<AuditEntry> entries(long fromSeq, int limit);

    /** Number of entries. */
    long size();

    /** Walks the whole chain from the first entry and reports the first break. */
    AuditVerification verify();
}
