package dev.firebreak.app.assembly;

import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.rca.RootCauseService;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.PlannedStep;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookDrafts;
import dev.firebreak.engine.runbook.RunbookEngine;
import dev.firebreak.engine.runbook.RunbookException;
import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.engine.runbook.RunbookLoader;
import dev.firebreak.engine.runbook.StartRequest;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.session.RunbookDesk;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The runbook screens' port on a session's runbook engine and library. */
final class EngineRunbookDesk implements RunbookDesk {

    private final RunbookEngine engine;
    private final RunbookSetup setup;
    private final RootCauseService rootCauses;
    private final IncidentService incidents;
    private final Topology topology;

    EngineRunbookDesk(EngineSession session) {
        this.engine = session.runbooks();
        this.setup = session.runbookSetup();
        this.rootCauses = session.rootCauses();
        this.incidents = session.incidents();
        this.topology = session.topology();
    }

    @Override public String defaultEnvironment() { return setup.environment(); }
    @Override public boolean isProtected(String environment) { return engine.config().isProtected(environment); }
    @Override public List<Runbook> runbooks() { return setup.library().all(); }
    @Override public Optional<Runbook> runbook(String id) { return setup.library().get(id); }
    @Override public List<RunbookException> problems() { return setup.library().problems(); }
    @Override public List<RunbookLibrary.Match> search(RunbookLibrary.Query query) { return setup.library().search(query); }

    @Override
    public List<RunbookLibrary.Match> suggestionsFor(long incidentId) {
        Optional<Cause> top = rootCauses.diagnosis(incidentId).flatMap(diagnosis -> diagnosis.top());
        if (top.isEmpty()) {
            return List.of();
        }
        int index = topology.indexOf(top.get().component());
        String kind = index < 0 ? "" : topology.component(index).kind().name().toLowerCase(Locale.ROOT);
        return setup.library().suggest(top.get().kind(), kind);
    }

    @Override
    public RunbookLearning learning(String runbookId) {
        Runbook runbook = setup.library().get(runbookId).orElseThrow(() -> new IllegalArgumentException("no runbook " + runbookId));
        return RunbookLearning.of(runbook, engine.executions(), setup.executions().outcomes());
    }

    @Override
    public Runbook validate(String yaml) throws RunbookException {
        return RunbookLoader.parse("runbook", yaml, setup.library().userDirectory());
    }

    @Override
    public Runbook save(String yaml) throws RunbookException {
        Runbook saved = setup.library().save(yaml);
        engine.runbookChanged(saved);
        return saved;
    }

    @Override
    public String draftFrom(long incidentId) {
        return RunbookDrafts.fromIncident(incidentId, incidents.incident(incidentId).map(i -> i.title()).orElse("incident "
                + incidentId), engine.executions());
    }

    @Override public List<PlannedStep> plan(StartRequest request) { return engine.plan(request); }
    @Override public Execution start(StartRequest request) { return engine.start(request); }
    @Override public List<Execution> executions() { return engine.executions(); }
    @Override public Optional<Execution> execution(long id) { return engine.execution(id); }

    @Override
    public Execution approve(long id, String stepId, String person, String hash, String confirmation) {
        return engine.approve(id, stepId, person, hash, confirmation);
    }

    @Override public Execution deny(long id, String stepId, String person, String reason) { return engine.deny(id, stepId, person, reason); }
    @Override public Execution skip(long id, String stepId, String person, String reason) { return engine.skip(id, stepId, person, reason); }
    @Override public Execution retry(long id, String stepId, String person) { return engine.retry(id, stepId, person); }
    @Override public Execution rollBack(long id, String person, String reason) { return engine.rollBack(id, person, reason); }
    @Override public Execution abort(long id, String person, String reason) { return engine.abort(id, person, reason); }
    @Override public Execution resume(long id, String person) { return engine.resume(id, person); }
}
