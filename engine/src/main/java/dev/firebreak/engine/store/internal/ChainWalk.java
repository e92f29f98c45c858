package dev.firebreak.engine.store.internal;

import dev.firebreak.engine.store.AuditEntry;
import dev.firebreak.engine.store.AuditVerification;
import dev.firebreak.engine.store.AuditVerification.Break;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Walks audit entries in sequence order and stops at the first one that does not fit the chain. */
final class ChainWalk {

    private final Optional<String> recordedHead;

    /** @param recordedHead the {@code seq:hash} the log last wrote, if any */
    ChainWalk(Optional<String> recordedHead) {
        this.recordedHead = recordedHead;
    }

    AuditVerification walk(ResultSet rows) throws SQLException {
        long expectedSeq = 1;
        String expectedPrevious = JdbcAuditLog.GENESIS_HASH;
        long checked = 0;
        while (rows.next()) {
            AuditEntry entry = JdbcAuditLog.read(rows);
            Optional<String> problem = check(entry, expectedSeq, expectedPrevious);
            if (problem.isPresent()) {
                return new AuditVerification(checked, Optional.of(new Break(expectedSeq, problem.get())));
            }
            checked++;
            expectedSeq++;
            expectedPrevious = entry.hash();
        }
        String actualHead = (expectedSeq - 1) + ":" + expectedPrevious;
        if (recordedHead.isPresent() && !recordedHead.get().equals(actualHead)) {
            String recordedSeq = recordedHead.get().substring(0, recordedHead.get().indexOf(':'));
            return new AuditVerification(checked, Optional.of(new Break(expectedSeq,
                    "the log ends at entry " + (expectedSeq - 1) + " but its last append was entry " + recordedSeq
                            + " with a different hash: entries at the end were removed or replaced")));
        }
        return new AuditVerification(checked, Optional.empty());
    }

    private static Optional<String> check(AuditEntry entry, long expectedSeq, String expectedPrevious) {
        if (entry.seq() != expectedSeq) {
            return Optional.of("entry " + expectedSeq + " is missing (next entry found is " + entry.seq() + ")");
        }
        if (!entry.previousHash().equals(expectedPrevious)) {
            return Optional.of("previous hash does not match entry " + (expectedSeq - 1)
                    + ": an entry before it was removed, replaced or moved");
        }
        String recomputed = JdbcAuditLog.hash(entry.seq(), entry.timestamp(), entry.actor(), entry.action(),
                entry.subject(), entry.details(), entry.previousHash());
        if (!recomputed.equals(entry.hash())) {
            return Optional.of("content does not match its hash: the entry was changed after it was written");
        }
        return Optional.empty();
    }
}
