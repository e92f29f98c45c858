package dev.firebreak.views.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs each task and its callbacks on the calling thread, in order, before {@code execute} returns: makes code
 * that starts background work deterministic in tests, without the toolkit.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final TaskTracker tracker = new TaskTracker();

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        tracker.started(task);
        task.running();
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
        // nothing runs in the background
    }
}
