package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Approval;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.RunbookStep;
import dev.firebreak.engine.runbook.StepRun;
import dev.firebreak.engine.runbook.StepState;
import dev.firebreak.engine.runbook.StepType;
import java.util.List;
import java.util.Optional;

/**
 * What approving the current step asks of the person beyond pressing Approve: the environment's name typed (a
 * protected environment), and for a critical step that already has one approval, a second person who is neither the
 * first approver nor the run's starter.
 *
 * @param environment    the run's environment, to type when {@code typeEnvironment}
 * @param firstApprover  who gave the first approval of a critical step; empty when no second person is needed
 * @param starter        who started the run
 */
public record ApprovalNeed(boolean typeEnvironment, String environment, Optional<String> firstApprover, String starter,
        boolean manual) {

    public static final ApprovalNeed NONE = new ApprovalNeed(false, "", Optional.empty(), "", false);

    /** What approving the current step of {@code execution} needs now, or {@link #NONE} when nothing waits. */
    public static ApprovalNeed of(Execution execution, boolean protectedEnvironment) {
        Optional<StepRun> current = execution.currentStep().filter(s -> s.state() == StepState.WAITING_FOR_APPROVAL);
        if (current.isEmpty()) {
            return NONE;
        }
        RunbookStep step = execution.runbook().steps().get(execution.current());
        boolean manual = step.type() == StepType.MANUAL;
        List<Approval> forThisRendering = current.get().approvals().stream()
                .filter(a -> a.hash().equals(current.get().hash())).toList();
        Optional<String> first = !manual && step.approvalsNeeded() == 2 && forThisRendering.size() == 1
                ? Optional.of(forThisRendering.getFirst().person()) : Optional.empty();
        return new ApprovalNeed(protectedEnvironment, execution.environment(), first, execution.startedBy(), manual);
    }

    public boolean needsSecondPerson() {
        return firstApprover.isPresent();
    }

    /** "A second person must approve: not bob, not ana (who started the run)." or empty. */
    public String secondPersonPrompt() {
        if (firstApprover.isEmpty()) {
            return "";
        }
        String first = firstApprover.get();
        return first.equals(starter)
                ? "A second person must approve: not " + first + " (who approved first and started the run)."
                : "A second person must approve: not " + first + ", not " + starter + " (who started the run).";
    }

    /** Whether {@code person} may give the second approval (the engine decides; this only pre-fills the field). */
    public boolean mayApproveSecond(String person) {
        return firstApprover.isEmpty() || !person.equals(firstApprover.get()) && !person.equals(starter);
    }

    /** "production is a protected environment: type its name to approve." or empty. */
    public String environmentPrompt() {
        return typeEnvironment ? environment + " is a protected environment: type its name to " + (manual ? "confirm." : "approve.")
                : "";
    }
}
