package dev.firebreak.views.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A person's command to the engine, sent off the FX thread: {@link #workingProperty()} while it is on its way, the
 * engine's refusal in words in {@link #messageProperty()} (cleared by one that worked), and the view-model's refresh
 * once it is done either way.
 */
public final class EngineCommand {

    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final TaskExecutor tasks;
    private final Runnable afterwards;

    public EngineCommand(TaskExecutor tasks, Runnable afterwards) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.afterwards = Objects.requireNonNull(afterwards, "afterwards");
    }

    public void send(String title, Callable<?> action) {
        working.set(true);
        BackgroundTask.wrap(action).withTitle(title)
                .onSuccess(done -> message.set(""))
                .onFailure(e -> message.set(title + " was refused: " + e.getMessage()))
                .onFinished(() -> {
                    working.set(false);
                    afterwards.run();
                })
                .executeWith(tasks);
    }

    /** Says why a command was not sent (a reason missing, nothing waiting). */
    public void refuse(String why) {
        message.set(why);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
