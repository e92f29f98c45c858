package dev.firebreak.app.headless;

import dev.firebreak.app.assembly.EngineSession;
import dev.firebreak.app.cli.RunbookLaunch;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionRefusedException;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.engine.runbook.RunbookParameter;
import dev.firebreak.engine.runbook.StartRequest;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the runbook a headless run was asked for, once: a named one at its offset, or the one the first diagnosed
 * incident's cause suggests. It is checked against the library before the first tick, so a typo fails fast.
 */
final class HeadlessRunbook {

    private final RunbookLaunch launch;
    private final EngineSession engine;
    private final Instant due;
    private final PrintStream out;
    private boolean started;
    private String refusal = "";

    HeadlessRunbook(RunbookLaunch launch, EngineSession engine, Instant runStart, PrintStream out) {
        this.launch = launch;
        this.engine = engine;
        this.due = runStart.plus(launch.at());
        this.out = out;
        if (!launch.suggested() && engine.runbookSetup().library().get(launch.runbook()).isEmpty()) {
            throw new IllegalArgumentException("--runbook: no runbook '" + launch.runbook() + "'; runbooks: "
                    + engine.runbookSetup().library().all().stream().map(Runbook::id).toList());
        }
    }

    /** Called after each simulated second: starts the run when it is due and has what it needs. */
    void tick(Instant now) {
        if (started || now.isBefore(due)) {
            return;
        }
        Optional<StartRequest> request = launch.suggested() ? suggested() : Optional.of(named());
        if (request.isEmpty()) {
            return;
        }
        started = true;
        try {
            Execution execution = engine.runbooks().start(request.get());
            out.printf("firebreak: started runbook %s (run %d) at %s%n", execution.runbook().id(), execution.id(), now);
        } catch (ExecutionRefusedException e) {
            refusal = e.getMessage();
            out.printf("firebreak: runbook %s refused: %s%n", request.get().runbook().id(), e.getMessage());
        }
    }

    private StartRequest named() {
        Runbook runbook = engine.runbookSetup().library().get(launch.runbook()).orElseThrow();
        StartRequest request = new StartRequest(runbook, launch.mode(), launch.environment(), "headless", Optional.empty(),
                launch.parameters(), Map.of(), launch.environment());
        Optional<Incident> incident = firstOpenIncident();
        return incident.map(i -> request.forIncident(i.id(), labels(i))).orElse(request);
    }

    private Optional<StartRequest> suggested() {
        for (Incident incident : engine.incidents().incidents()) {
            if (incident.state() == IncidentState.RESOLVED || incident.state() == IncidentState.CLOSED) {
                continue;
            }
            Optional<Cause> top = engine.rootCauses().diagnosis(incident.id()).flatMap(d -> d.top());
            if (top.isEmpty()) {
                continue;
            }
            int index = engine.topology().indexOf(top.get().component());
            String kind = index < 0 ? "" : engine.topology().component(index).kind().name().toLowerCase(Locale.ROOT);
            List<RunbookLibrary.Match> matches = engine.runbookSetup().library().suggest(top.get().kind(), kind);
            if (matches.isEmpty()) {
                continue;
            }
            Runbook runbook = matches.getFirst().runbook();
            Map<String, String> parameters = new LinkedHashMap<>(launch.parameters());
            for (RunbookParameter parameter : runbook.parameters()) {
                if (parameter.type() == RunbookParameter.Type.COMPONENT && !parameters.containsKey(parameter.name())) {
                    parameters.put(parameter.name(), top.get().component());
                }
            }
            Map<String, String> labels = new LinkedHashMap<>(labels(incident));
            labels.put(RunbookLearning.FAULT_KIND_LABEL, top.get().kind());
            return Optional.of(new StartRequest(runbook, launch.mode(), launch.environment(), "headless",
                    Optional.of(incident.id()), parameters, labels, launch.environment()));
        }
        return Optional.empty();
    }

    private Optional<Incident> firstOpenIncident() {
        return engine.incidents().incidents().stream()
                .filter(i -> i.state() != IncidentState.RESOLVED && i.state() != IncidentState.CLOSED)
                .min(Comparator.comparing(Incident::openedAt));
    }

    private static Map<String, String> labels(Incident incident) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("incident", incident.key());
        labels.put("severity", incident.severity().name());
        labels.put("component", incident.components().isEmpty() ? "" : incident.components().getFirst());
        return labels;
    }

    boolean started() {
        return started;
    }

    String refusal() {
        return refusal;
    }
}
