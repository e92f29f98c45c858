package dev.firebreak.engine.check;

import dev.firebreak.engine.time.SimulationClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/** Runs scheduled tasks on the test's thread when the test advances the simulated clock. */
final class ManualTaskScheduler implements TaskScheduler {

    private record Task(Instant due, long order, Runnable work, boolean[] cancelled) {
    }

    private final SimulationClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparing(Task::due).thenComparingLong(Task::order));
    private long order;

    ManualTaskScheduler(SimulationClock clock) {
        this.clock = clock;
    }

    @Override
    public Scheduled schedule(Runnable work, Duration delay) {
        boolean[] cancelled = {false};
        queue.add(new Task(clock.instant().plus(delay), order++, work, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs what is due now, then moves time in one-second steps up to {@code by}, running what falls due. */
    void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        runDue();
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofSeconds(1));
            runDue();
        }
    }

    int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled()[0]).count();
    }

    private void runDue() {
        while (!queue.isEmpty() && !queue.peek().due().isAfter(clock.instant())) {
            Task task = queue.poll();
            if (!task.cancelled()[0]) {
                task.work().run();
            }
        }
    }
}
