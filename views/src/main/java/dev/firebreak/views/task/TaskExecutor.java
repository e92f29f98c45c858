package dev.firebreak.views.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** Runs {@link BackgroundTask}s; the console shows {@link #busyProperty()} as a progress indicator. */
public interface TaskExecutor extends AutoCloseable {

    /** Starts the task; call on the FX thread. Returns at once in the console, after the task in tests. */
    <T> void execute(BackgroundTask<T> task);

    /** Whether any task is running; changes on the FX thread. */
    ReadOnlyBooleanProperty busyProperty();

    /** The running task's title (the latest started, if several), empty when idle. */
    ReadOnlyStringProperty busyTitleProperty();

    /** Stops accepting tasks; running work is interrupted. */
    @Override
    void close();
}
