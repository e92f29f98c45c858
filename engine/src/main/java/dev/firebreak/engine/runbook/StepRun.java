package dev.firebreak.engine.runbook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of one execution as it stands: {@code rendered} is the exact text of what it runs (or ran), {@code hash}
 * its SHA-256, the approvals given for it, and the last attempt's output and exit code.
 */
public record StepRun(String stepId, StepState state, int attempts, String rendered, String hash,
        List<Approval> approvals, String output, int exitCode, Optional<Instant> startedAt, Optional<Instant> endedAt,
        String message) {

    public StepRun {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(state, "state");
        rendered = rendered == null ? "" : rendered;
        hash = hash == null ? "" : hash;
        approvals = List.copyOf(approvals);
        output = output == null ? "" : output;
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        message = message == null ? "" : message;
    }

    public static StepRun pending(String stepId) {
        return new StepRun(stepId, StepState.PENDING, 0, "", "", List.of(), "", 0, Optional.empty(), Optional.empty(), "");
    }

    /** The same step in {@code next}, checked against {@link StepState#TABLE}. */
    public StepRun moveTo(StepState next, String why) {
        StepState to = StepState.TABLE.check(state, next);
        return new StepRun(stepId, to, attempts, rendered, hash, approvals, output, exitCode, startedAt, endedAt, why);
    }

    public StepRun withRendering(String text, String textHash) {
        return new StepRun(stepId, state, attempts, text, textHash, approvals, output, exitCode, startedAt, endedAt, message);
    }

    public StepRun withApprovals(List<Approval> list) {
        return new StepRun(stepId, state, attempts, rendered, hash, list, output, exitCode, startedAt, endedAt, message);
    }

    public StepRun started(Instant at) {
        return new StepRun(stepId, state, attempts + 1, rendered, hash, approvals, "", 0, Optional.of(at), Optional.empty(),
                message);
    }

    public StepRun finished(String text, int code, Instant at) {
        return new StepRun(stepId, state, attempts, rendered, hash, approvals, text, code, startedAt, Optional.of(at), message);
    }
}
