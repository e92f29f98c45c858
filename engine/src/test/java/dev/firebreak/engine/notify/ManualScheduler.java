package dev.firebreak.engine.notify;

import dev.firebreak.engine.check.TaskScheduler;
import dev.firebreak.engine.time.SimulationClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Backoff waits without sleeping: tasks run on the test's thread when the test moves the simulated clock past
 * their due time. Thread-safe, so lanes on real threads may schedule into it.
 */
final class ManualScheduler implements TaskScheduler {

    private record Task(Instant due, long order, Runnable work, boolean[] cancelled) {
    }

    private final SimulationClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparing(Task::due).thenComparingLong(Task::order));
    private long order;

    ManualScheduler(SimulationClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Scheduled schedule(Runnable work, Duration delay) {
        boolean[] cancelled = {false};
        queue.add(new Task(clock.instant().plus(delay), order++, work, cancelled));
        notifyAll();
        return () -> {
            synchronized (ManualScheduler.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves time forward by {@code by}, stopping at each due task to run it at its own time. */
    void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due().isAfter(end)) {
                    break;
                }
                queue.poll();
            }
            if (next.due().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.due()));
            }
            boolean run;
            synchronized (this) {
                run = !next.cancelled()[0];
            }
            if (run) {
                next.work().run();
            }
        }
        if (end.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), end));
        }
    }

    synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled()[0]).count();
    }

    /** When the next task is due, from now. */
    synchronized Duration nextDueIn() {
        Task next = queue.stream().filter(t -> !t.cancelled()[0]).min(queue.comparator()).orElseThrow();
        return Duration.between(clock.instant(), next.due());
    }

    /** Waits (without sleeping: on this monitor) until a lane on another thread has scheduled {@code count} tasks. */
    synchronized void awaitPending(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " scheduled retries, found " + pending());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
