package dev.firebreak.engine.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Makes and checks the hash chain of a timeline. The hash covers a length-prefixed encoding of every field, so
 * moving characters between fields changes it; each entry names the hash of the one before, so removing or
 * reordering entries breaks the chain; and the incident keeps the newest entry's sequence number and hash (its
 * head), so entries cut from the end are found too.
 */
public final class TimelineChain {

    /** The previous hash of an incident's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private TimelineChain() {
    }

    /** The entry that follows {@code previous} (or starts the timeline when empty). */
    public static TimelineEntry next(Optional<TimelineEntry> previous, long incidentId, Instant at, TimelineKind kind,
            String actor, String text) {
        long seq = previous.map(p -> p.seq() + 1).orElse(1L);
        String previousHash = previous.map(TimelineEntry::hash).orElse(GENESIS);
        return new TimelineEntry(incidentId, seq, at, kind, actor, text, previousHash,
                hash(incidentId, seq, at, kind, actor, text, previousHash));
    }

    public static String hash(long incidentId, long seq, Instant at, TimelineKind kind, String actor, String text,
            String previousHash) {
        StringBuilder encoded = new StringBuilder();
        for (String field : new String[] {Long.toString(incidentId), Long.toString(seq), at.toString(), kind.name(),
                actor, text, previousHash}) {
            encoded.append(field.length()).append(':').append(field).append(';');
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(encoded.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Checks a timeline as stored, in storage order.
     *
     * @param head the newest sequence number and hash the incident recorded, if known
     */
    public static TimelineVerification verify(long incidentId, List<TimelineEntry> entries, Optional<Head> head) {
        return verifyAfter(incidentId, new Head(0, GENESIS), entries, head);
    }

    /**
     * Checks the entries stored after {@code from} (an entry already checked): that they continue its chain, and
     * end at the incident's recorded head. What a live view does as a timeline grows, instead of hashing it all
     * again; an edit before {@code from} is only found by {@link #verify}.
     */
    public static TimelineVerification verifyAfter(long incidentId, Head from, List<TimelineEntry> entries,
            Optional<Head> head) {
        String previousHash = from.hash();
        long expectedSeq = from.seq() + 1;
        for (TimelineEntry entry : entries) {
            if (entry.seq() != expectedSeq) {
                return TimelineVerification.broken(incidentId, entry.seq(), "entry " + expectedSeq
                        + (entry.seq() > expectedSeq ? " is missing" : " is out of order") + " (found " + entry.seq() + ")");
            }
            if (!entry.previousHash().equals(previousHash)) {
                return TimelineVerification.broken(incidentId, entry.seq(), "entry " + entry.seq()
                        + " does not follow the entry before it (its previous hash differs)");
            }
            String recomputed = hash(entry.incidentId(), entry.seq(), entry.at(), entry.kind(), entry.actor(), entry.text(),
                    entry.previousHash());
            if (!recomputed.equals(entry.hash()) || entry.incidentId() != incidentId) {
                return TimelineVerification.broken(incidentId, entry.seq(), "entry " + entry.seq()
                        + " was changed after it was written (its hash does not match its content)");
            }
            previousHash = entry.hash();
            expectedSeq++;
        }
        if (head.isPresent() && (head.get().seq() != expectedSeq - 1 || !head.get().hash().equals(previousHash))) {
            return TimelineVerification.broken(incidentId, expectedSeq, "the timeline ends at entry " + (expectedSeq - 1)
                    + " but the incident recorded " + head.get().seq() + " entries: entries were removed from the end");
        }
        return TimelineVerification.intact(incidentId, (int) (expectedSeq - 1));
    }

    /** The newest entry's sequence number and hash, kept apart from the entries. */
    public record Head(long seq, String hash) {
    }
}
