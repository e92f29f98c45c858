package dev.firebreak.views.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's executor: work on daemon threads, callbacks posted to the FX thread. Daemon threads, so a
 * task still running when the window closes does not keep the JVM alive.
 */
public final class UiTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(UiTaskExecutor.class);
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "firebreak-task-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final TaskTracker tracker = new TaskTracker();
    /** Tasks started and not finished, quiet ones included. */
    private final AtomicInteger pending = new AtomicInteger();

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        pending.incrementAndGet();
        tracker.started(task);
        task.running();
        try {
            workers.execute(() -> run(task));
        } catch (RejectedExecutionException e) {
            finish(task, () -> task.failed(e));
        }
    }

    private <T> void run(BackgroundTask<T> task) {
        try {
            T result = task.call();
            Platform.runLater(() -> finish(task, () -> task.succeeded(result)));
        } catch (Exception e) {
            LOG.warn("Background task '{}' failed", task.title(), e);
            Platform.runLater(() -> finish(task, () -> task.failed(e)));
        }
    }

    private void finish(BackgroundTask<?> task, Runnable outcome) {
        try {
            outcome.run();
        } finally {
            tracker.ended(task);
            task.finished();
            pending.decrementAndGet();
        }
    }

    /** Tasks started and not finished yet, quiet ones included: what a test waits out before it looks. */
    public int pending() {
        return pending.get();
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
        workers.shutdownNow();
    }
}
