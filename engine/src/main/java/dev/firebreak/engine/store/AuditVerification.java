package dev.firebreak.engine.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of walking the audit chain.
 *
 * @param entriesChecked how many entries were read before the walk ended
 * @param firstBreak     the first entry that does not fit the chain, if any
 */
public record AuditVerification(long entriesChecked, Optional<Break> firstBreak) {

    /**
     * Where the chain breaks.
     *
     * @param seq     the sequence number at which the chain stops matching
     * @param problem what did not match, in plain words
     */
    public record Break(long seq, String problem) {
        public Break {
            Objects.requireNonNull(problem, "problem");
        }
    }

    public AuditVerification {
        Objects.requireNonNull(firstBreak, "firstBreak");
    }

    /** True when every entry matches its hash and links to the one before. */
    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
