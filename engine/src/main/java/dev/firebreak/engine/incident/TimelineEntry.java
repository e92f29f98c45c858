package dev.firebreak.engine.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an incident's timeline. {@code hash} covers every field and {@code previousHash}, so editing,
 * deleting or reordering any entry breaks the chain ({@link TimelineChain#verify}).
 *
 * @param incidentId   the incident
 * @param seq          position in the incident's timeline, from 1 without gaps
 * @param at           engine time
 * @param kind         what it records
 * @param actor        who did it: a person's name, or {@code firebreak} for the engine
 * @param text         what happened, in words
 * @param previousHash the hash of the entry before ({@link TimelineChain#GENESIS} for the first)
 * @param hash         SHA-256 of this entry's fields and {@code previousHash}, hex
 */
public record TimelineEntry(long incidentId, long seq, Instant at, TimelineKind kind, String actor, String text,
        String previousHash, String hash) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("timeline entries count from 1, was " + seq);
        }
    }
}
