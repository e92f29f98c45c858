package dev.firebreak.views.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Long work started from the UI (switching topology, restarting a session, exporting, running an analysis
 * on demand) and what to do with its outcome. The work runs wherever the {@link TaskExecutor} puts it, off
 * the FX thread in the console; the callbacks always run on the FX thread (or, with
 * {@link CurrentThreadTaskExecutor}, on the caller's thread, which is what makes view-model tests
 * deterministic). We do not use {@code javafx.concurrent.Task} directly: it ties the work to the toolkit and
 * makes such tests need one.
 *
 * <pre>{@code
 * BackgroundTask.wrap(() -> sessions.start(topology, seed, speed))
 *         .withTitle("Starting " + name)
 *         .onSuccess(this::install)
 *         .onFailure(e -> message.set("Could not start " + name + ": " + e.getMessage()))
 *         .executeWith(tasks);
 * }</pre>
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private String title = "Working";
    private boolean quiet;
    private Runnable onRunning = () -> { };
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Exception> onFailure = error -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(Runnable work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** What a progress indicator says while the work runs, e.g. "Starting Synthetic 2,000". */
    public BackgroundTask<T> withTitle(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /**
     * Keeps the work off the busy indicator: for short reads a screen repeats while it is live (a timeline read as
     * it grows), which would otherwise make the indicator flicker several times a second.
     */
    public BackgroundTask<T> quietly() {
        this.quiet = true;
        return this;
    }

    /** Whether the busy indicator leaves this task out. */
    public boolean isQuiet() {
        return quiet;
    }

    /** Runs on the FX thread just before the work starts. */
    public BackgroundTask<T> onRunning(Runnable action) {
        this.onRunning = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Runs on the FX thread with the work's result. */
    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        this.onSuccess = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Runs on the FX thread with what the work threw. */
    public BackgroundTask<T> onFailure(Consumer<Exception> action) {
        this.onFailure = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Runs on the FX thread after success or failure. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action, "action");
        return this;
    }

    public void executeWith(TaskExecutor executor) {
        executor.execute(this);
    }

    public String title() {
        return title;
    }

    /** Runs the work on the calling thread; executors call it off the FX thread. */
    T call() throws Exception {
        return work.call();
    }

    void running() {
        onRunning.run();
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Exception error) {
        onFailure.accept(error);
    }

    void finished() {
        onFinished.run();
    }
}
