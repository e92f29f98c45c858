package dev.firebreak.engine.rca;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One candidate cause.
 *
 * @param component  the node blamed
 * @param kind       the likely fault, in words ("latency in its own handling", "bad deployment 5.5.1")
 * @param confidence calibrated: of causes given 0.8, about 80 % were right on the simulator
 * @param score      the combined score the ranking used (not a probability)
 * @param evidence   why, in plain sentences: what moved first and by how much, the change before the onset, the
 *                   similar past incident
 * @param path       the call path from the symptom's node down to this one (symptom first); just this node if it is
 *                   the symptom's
 * @param onset      when its first metric moved beyond the threshold, empty if none did (where a chart marks it)
 */
public record Cause(String component, String kind, double confidence, double score, List<String> evidence,
        List<String> path, Optional<Instant> onset) {
    public Cause {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(kind, "kind");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        evidence = List.copyOf(evidence);
        path = List.copyOf(path);
        Objects.requireNonNull(onset, "onset");
    }

    /** Kinds that name a change made to the component ("bad deployment 5.5.1", "bad configuration change (...)"). */
    static final String CHANGE_KIND_PREFIX = "bad ";
    /** The kind of a component whose own checks find instances it should have not serving. */
    public static final String DOWN_KIND = "instances down";
    /** The kind of a node that loses calls to it and from it on the way: the network at this node. */
    public static final String LOST_AT_BOTH_ENDS_KIND = "network: calls to and from it are lost";
    /**
     * The kind of a callee that several callers lose their calls to while it answered what reached it as before: the
     * network at its end loses them (packet loss on its host, say), which moving its work elsewhere cures.
     */
    public static final String LOST_AT_ITS_END_KIND = "network: calls to it are lost at its end";
    /**
     * The kind of a callee that only one caller fails to reach, with nothing else lost at either end: the fault lies on
     * that link (either end of it), and its confidence covers both ends.
     */
    public static final String LINK_KIND = "link failing: only one caller's calls to it fail";

    /**
     * The kind rests on direct evidence, of another sort than the metrics' share: a change made to the component shortly
     * before it moved, or its own checks finding its instances down.
     */
    public boolean namedByDirectEvidence() {
        return kind.startsWith(CHANGE_KIND_PREFIX) || kind.equals(DOWN_KIND);
    }

    /** What the kind rests on, by which its confidence is calibrated ({@link RcaConfig#calibrationFor}). */
    public Basis basis() {
        if (namedByDirectEvidence()) {
            return Basis.DIRECT;
        }
        return kind.equals(LOST_AT_BOTH_ENDS_KIND) || kind.equals(LOST_AT_ITS_END_KIND) ? Basis.LOST_CALLS : Basis.SHARE;
    }

    /** What a cause's kind rests on. */
    public enum Basis {
        /** The metrics' share of the evidence alone. */
        SHARE,
        /** {@link #namedByDirectEvidence() Direct evidence}: a change made to it, its instances found down. */
        DIRECT,
        /**
         * Where lost calls gather: at this node, from several callers or to and from it, and nowhere else (ADR 0052).
         * Which node that is follows from the call graph rather than from how far its metrics moved.
         */
        LOST_CALLS
    }

    public Cause withConfidence(double calibrated) {
        return new Cause(component, kind, calibrated, score, evidence, path, onset);
    }
}
