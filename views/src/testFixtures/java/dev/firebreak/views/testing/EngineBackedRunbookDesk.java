package dev.firebreak.views.testing;

import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.runbook.HaltSwitch;
import dev.firebreak.engine.runbook.MetricSource;
import dev.firebreak.engine.runbook.PlannedStep;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookDrafts;
import dev.firebreak.engine.runbook.RunbookEngine;
import dev.firebreak.engine.runbook.RunbookEngineConfig;
import dev.firebreak.engine.runbook.RunbookException;
import dev.firebreak.engine.runbook.RunbookJournal;
import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.engine.runbook.RunbookLoader;
import dev.firebreak.engine.runbook.StartRequest;
import dev.firebreak.engine.store.TemporaryDirectory;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.views.session.RunbookDesk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbook desk the app builds, made here on a real {@link RunbookEngine} for screen tests: runbooks written to a
 * temporary "shipped" directory (broken ones too, for the load problems), a temporary user directory for saves, the
 * scripted session's event bus and clock, and a {@link RecordingRunbookExecutor} instead of the simulator and
 * processes. The engine drives runs on the caller's thread (unless told otherwise), so a run has gone as far as it
 * can when a call returns.
 */
public final class EngineBackedRunbookDesk implements RunbookDesk {

    private static final Pattern ID = Pattern.compile("(?m)^id:\\s*([a-z0-9-]+)\\s*$");

    private final ScriptedSession session;
    private final RunbookEngine engine;
    private final RunbookLibrary library;
    private final RecordingRunbookExecutor executor;
    private final ExecutionStore store;
    private final String environment;

    private EngineBackedRunbookDesk(ScriptedSession session, RunbookLibrary library, RecordingRunbookExecutor executor,
            String environment, java.util.concurrent.Executor worker) {
        this.session = session;
        this.library = library;
        this.executor = executor;
        this.environment = environment;
        this.store = ExecutionStore.inMemory();
        MetricSource metrics = (component, metric) -> {
            try {
                return session.store().handle(new SeriesKey(component, MetricName.valueOf(metric.toUpperCase(Locale.ROOT))))
                        .map(handle -> OptionalDouble.of(session.store().latest(handle))).orElse(OptionalDouble.empty());
            } catch (IllegalArgumentException e) {
                return OptionalDouble.empty();
            }
        };
        this.engine = new RunbookEngine(RunbookEngineConfig.defaults(), new RunbookEngine.Wiring(executor, store, metrics,
                RunbookJournal.NONE, session.events(), session.clock(), session.clock()::advance, worker,
                HaltSwitch.NEVER));
    }

    /** A desk for {@code session}; add runbooks with the builder. */
    public static Builder on(ScriptedSession session) {
        return new Builder(session);
    }

    /** Writes the runbook files, then loads them as the app's library does. */
    public static final class Builder {
        private final ScriptedSession session;
        private final Map<String, String> files = new LinkedHashMap<>();
        private String environment = "simulator";
        private java.util.concurrent.Executor worker = Runnable::run;

        private Builder(ScriptedSession session) {
            this.session = session;
        }

        /** A runbook's YAML, saved as {@code ID.yaml}. */
        public Builder runbook(String yaml) {
            Matcher id = ID.matcher(yaml);
            return file((id.find() ? id.group(1) : "runbook-" + files.size()) + ".yaml", yaml);
        }

        /** Any file in the shipped directory, e.g. one that does not load. */
        public Builder file(String name, String text) {
            files.put(name, text);
            return this;
        }

        /** The environment runs start in by default. */
        public Builder environment(String name) {
            this.environment = name;
            return this;
        }

        /** Where the engine drives runs; the caller's thread unless a test needs a step to run while it looks. */
        public Builder drivenOn(java.util.concurrent.Executor runs) {
            this.worker = runs;
            return this;
        }

        public EngineBackedRunbookDesk build() {
            try {
                Path shipped = TemporaryDirectory.create("firebreak-runbooks-shipped");
                Path mine = TemporaryDirectory.create("firebreak-runbooks-mine");
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Files.writeString(shipped.resolve(file.getKey()), file.getValue());
                }
                RunbookLibrary library = RunbookLibrary.load(List.of(shipped), Optional.of(mine));
                return new EngineBackedRunbookDesk(session, library, new RecordingRunbookExecutor(), environment, worker);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What the engine asked to run, and the switch to make steps fail or hold. */
    public RecordingRunbookExecutor executor() {
        return executor;
    }

    /** The user directory saves go to. */
    public Path userDirectory() {
        return library.userDirectory().orElseThrow();
    }

    /** Starts a run as someone other than the person at the console would (another engineer, the API). */
    public Execution startAs(String person, String runbookId, dev.firebreak.engine.runbook.ExecutionMode mode,
            String inEnvironment, Map<String, String> parameters, String confirmation) {
        Runbook runbook = library.get(runbookId).orElseThrow();
        return engine.start(StartRequest.of(runbook, mode, inEnvironment, person, parameters).confirmedWith(confirmation));
    }

    @Override public String defaultEnvironment() { return environment; }
    @Override public boolean isProtected(String name) { return engine.config().isProtected(name); }
    @Override public List<Runbook> runbooks() { return library.all(); }
    @Override public Optional<Runbook> runbook(String id) { return library.get(id); }
    @Override public List<RunbookException> problems() { return library.problems(); }
    @Override public List<RunbookLibrary.Match> search(RunbookLibrary.Query query) { return library.search(query); }

    @Override
    public List<RunbookLibrary.Match> suggestionsFor(long incidentId) {
        Optional<Cause> top = session.rootCauses().diagnosis(incidentId).flatMap(d -> d.top());
        if (top.isEmpty()) {
            return List.of();
        }
        int index = session.topology().indexOf(top.get().component());
        String kind = index < 0 ? "" : session.topology().component(index).kind().name().toLowerCase(Locale.ROOT);
        return library.suggest(top.get().kind(), kind);
    }

    @Override
    public RunbookLearning learning(String runbookId) {
        Runbook runbook = library.get(runbookId).orElseThrow(() -> new IllegalArgumentException("no runbook " + runbookId));
        return RunbookLearning.of(runbook, engine.executions(), store.outcomes());
    }

    @Override
    public Runbook validate(String yaml) throws RunbookException {
        return RunbookLoader.parse("runbook", yaml, library.userDirectory());
    }

    @Override
    public Runbook save(String yaml) throws RunbookException {
        Runbook saved = library.save(yaml);
        engine.runbookChanged(saved);
        return saved;
    }

    @Override
    public String draftFrom(long incidentId) {
        return RunbookDrafts.fromIncident(incidentId, session.incidents().incident(incidentId).map(i -> i.title())
                .orElse("incident " + incidentId), engine.executions());
    }

    @Override public List<PlannedStep> plan(StartRequest request) { return engine.plan(request); }
    @Override public Execution start(StartRequest request) { return engine.start(request); }
    @Override public List<Execution> executions() { return new ArrayList<>(engine.executions()); }
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
