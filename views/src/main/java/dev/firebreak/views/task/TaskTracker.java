package dev.firebreak.views.task;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Which tasks run now, for the busy indicator; touched only on the FX (or test) thread. */
final class TaskTracker {

    private final Deque<String> running = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "busyTitle", "");

    void started(BackgroundTask<?> task) {
        if (!task.isQuiet()) {
            running.push(task.title());
            update();
        }
    }

    void ended(BackgroundTask<?> task) {
        if (!task.isQuiet()) {
            running.removeFirstOccurrence(task.title());
            update();
        }
    }

    private void update() {
        busy.set(!running.isEmpty());
        title.set(running.isEmpty() ? "" : running.peek());
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
