package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.ProbeResult;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs blocking work on a virtual thread and gives up after a timeout, for clients (JDBC drivers,
 * file systems) that have no reliable timeout of their own. The abandoned thread is interrupted; a
 * driver that ignores interrupts finishes in the background and its result is dropped.
 */
final class Deadline {

    private Deadline() {
    }

    static ProbeResult run(Callable<ProbeResult> work, Duration timeout, String what) {
        long start = System.nanoTime();
        FutureTask<ProbeResult> task = new FutureTask<>(work);
        Thread.ofVirtual().name("firebreak-probe").start(task);
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return ProbeResult.timeout(what + ": no answer within " + timeout.toMillis() + " ms", since(start));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return ProbeResult.timeout(what + ": interrupted while waiting", since(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return ProbeResult.fail(what + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    since(start));
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
