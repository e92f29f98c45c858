package dev.firebreak.engine.detect.ml.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Holds submitted model fits until the test releases them on its own thread, standing in for the
 * console's background refit thread without sleeping or racing.
 */
final class HeldExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    int size() {
        return tasks.size();
    }

    void releaseAll() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }
}
