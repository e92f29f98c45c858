package dev.firebreak.engine.check;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task once after a delay. The health-check scheduler needs only this, so tests can drive it
 * with a manual implementation on a simulated clock instead of sleeping.
 */
@FunctionalInterface
public interface TaskScheduler {

    /** A scheduled task that can still be cancelled; cancelling a finished task is harmless. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(Runnable task, Duration delay);

    /** Adapts an executor; probes block, so give it as many threads as checks may run at once. */
    static TaskScheduler of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (task, delay) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
