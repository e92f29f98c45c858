package dev.firebreak.views.task;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Holds each task until the test runs it: what the console's executor does between starting work and posting its
 * outcome to the FX thread, made visible. {@link #runAll()} runs the held work and its callbacks on the test's thread.
 */
public final class HeldTaskExecutor implements TaskExecutor {

    private final Deque<BackgroundTask<?>> held = new ArrayDeque<>();
    private final TaskTracker tracker = new TaskTracker();

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        tracker.started(task);
        task.running();
        held.add(task);
    }

    /** Tasks started and not run yet. */
    public int held() {
        return held.size();
    }

    /** Runs the held tasks (and any they start) in order. */
    public void runAll() {
        BackgroundTask<?> task;
        while ((task = held.poll()) != null) {
            run(task);
        }
    }

    private <T> void run(BackgroundTask<T> task) {
        try {
            T result;
            try {
                result = task.call();
            } catch (Exception e) {
                task.failed(e);
                return;
            }
            task.succeeded(result);
        } finally {
            tracker.ended(task);
            task.finished();
        }
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return tracker.busyProperty();
    }

    @Override
    public ReadOnlyStringProperty busyTitleProperty() {
        return tracker.titleProperty();
    }

    @Override
    public void close() {
        held.clear();
    }
}
