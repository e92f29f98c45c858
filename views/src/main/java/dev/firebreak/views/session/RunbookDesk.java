package dev.firebreak.views.session;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.PlannedStep;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookException;
import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.engine.runbook.StartRequest;
import java.util.List;
import java.util.Optional;

/**
 * What the runbook screens need: the library (search, learning, editing), plans, runs and every action a person takes
 * on a run. Refusals come as {@link dev.firebreak.engine.runbook.ExecutionRefusedException} naming why; runs change
 * through {@link dev.firebreak.engine.runbook.ExecutionChanged} and stream output through
 * {@link dev.firebreak.engine.runbook.StepOutputLine} on the session's event bus.
 */
public interface RunbookDesk {

    /** The environment runs start in by default ({@code simulator} on the simulator). */
    String defaultEnvironment();

    /** Whether approvals in {@code environment} need its name typed to confirm. */
    boolean isProtected(String environment);

    List<Runbook> runbooks();

    Optional<Runbook> runbook(String id);

    /** Runbook files that did not load, each naming file, line and field. */
    List<RunbookException> problems();

    List<RunbookLibrary.Match> search(RunbookLibrary.Query query);

    /** Runbooks that fit an incident's diagnosed cause (fault kind and component kind of its top cause), best first. */
    List<RunbookLibrary.Match> suggestionsFor(long incidentId);

    RunbookLearning learning(String runbookId);

    /** Parses without saving: the editor's validation as the person types. */
    Runbook validate(String yaml) throws RunbookException;

    /** Validates and saves to the person's runbook directory; waiting runs of it follow the new text. */
    Runbook save(String yaml) throws RunbookException;

    /** A draft runbook (kind: dynamic) from what was done during a resolved incident, for a person to review and save. */
    String draftFrom(long incidentId);

    List<PlannedStep> plan(StartRequest request);

    Execution start(StartRequest request);

    List<Execution> executions();

    Optional<Execution> execution(long id);

    Execution approve(long id, String stepId, String person, String hash, String confirmation);

    Execution deny(long id, String stepId, String person, String reason);

    Execution skip(long id, String stepId, String person, String reason);

    Execution retry(long id, String stepId, String person);

    Execution rollBack(long id, String person, String reason);

    Execution abort(long id, String person, String reason);

    Execution resume(long id, String person);
}
