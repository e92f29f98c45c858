package dev.firebreak.engine.check;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.telemetry.MetricsTicked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link TaskScheduler} on simulated time: a task runs at the first {@link MetricsTicked} at or after its due
 * time, on the thread that publishes the tick (the simulator's), after the subscribers that came before it (so
 * checks read the tick's samples and detection's verdict on them). Nothing sleeps and nothing runs between ticks:
 * a paused simulator pauses its checks, a headless run at full speed runs them at full speed, and a seeded run
 * runs the same checks at the same simulated seconds every time.
 *
 * <p>Due tasks run in due order, then in the order they were scheduled; a task scheduled with no delay while
 * others run (a triggered deep check) runs in the same tick. {@link #schedule} and cancelling may be called from
 * any thread.
 */
public final class TickTaskScheduler implements TaskScheduler, AutoCloseable {

    private record Task(Instant due, long order, Runnable work, boolean[] cancelled) {
    }

    private final Clock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparing(Task::due).thenComparingLong(Task::order));
    private long order;
    private Subscription subscription;
    private boolean closed;

    public TickTaskScheduler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A scheduler that runs what is due on every {@link MetricsTicked} published on {@code bus}. */
    public static TickTaskScheduler attach(EventBus bus, Clock clock) {
        TickTaskScheduler scheduler = new TickTaskScheduler(clock);
        scheduler.subscription = bus.subscribe(MetricsTicked.class, tick -> scheduler.runDue());
        return scheduler;
    }

    @Override
    public synchronized Scheduled schedule(Runnable work, Duration delay) {
        Objects.requireNonNull(work, "work");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        boolean[] cancelled = {false};
        if (!closed) {
            queue.add(new Task(clock.instant().plus(delay), order++, work, cancelled));
        }
        return () -> cancel(cancelled);
    }

    private synchronized void cancel(boolean[] flag) {
        flag[0] = true;
    }

    /** Runs every task due at or before the clock's instant, including those they schedule for now. */
    public void runDue() {
        List<Task> batch = new ArrayList<>();
        while (true) {
            synchronized (this) {
                Instant now = clock.instant();
                while (!queue.isEmpty() && !queue.peek().due().isAfter(now)) {
                    Task task = queue.poll();
                    if (!task.cancelled()[0]) {
                        batch.add(task);
                    }
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            // outside the lock: a task may schedule (its next run, a triggered deep check)
            for (Task task : batch) {
                if (!isCancelled(task)) {
                    task.work().run();
                }
            }
            batch.clear();
        }
    }

    private synchronized boolean isCancelled(Task task) {
        return task.cancelled()[0] || closed;
    }

    /** Tasks waiting to run (cancelled ones not counted). */
    public synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled()[0]).count();
    }

    /** Stops listening to ticks and drops every waiting task. */
    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
        if (subscription != null) {
            subscription.close();
        }
    }
}
