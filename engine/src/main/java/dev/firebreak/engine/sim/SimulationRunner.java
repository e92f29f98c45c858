package dev.firebreak.engine.sim;

import dev.firebreak.engine.lifecycle.EngineService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces a {@link Simulator} against the wall clock on a daemon thread named {@value #THREAD_NAME}:
 * {@code speed} simulated seconds per wall second. Pausing stops the simulated clock; resuming does
 * not try to catch up. If the machine cannot keep up, the runner falls behind rather than piling up
 * steps (at most {@value #MAX_CATCH_UP_SECONDS} wall seconds of steps are owed at once).
 */
@EngineService
public final class SimulationRunner implements AutoCloseable {

    public static final String THREAD_NAME = "firebreak-sim";
    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 3600;
    private static final double MAX_CATCH_UP_SECONDS = 1;
    private static final long MAX_WAIT_NANOS = 50_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(SimulationRunner.class);

    private final Simulator simulator;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile double speed;
    private volatile boolean paused;
    private volatile boolean closed;
    private Thread thread;

    public SimulationRunner(Simulator simulator, double speed) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.speed = validSpeed(speed);
    }

    private static double validSpeed(double speed) {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException(
                    "speed must be in [" + MIN_SPEED + ", " + MAX_SPEED + "] simulated seconds per second, was " + speed);
        }
        return speed;
    }

    /** Starts the thread; a runner starts once. */
    public void start() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the runner is closed");
            }
            if (thread != null) {
                throw new IllegalStateException("the runner has already started");
            }
            thread = Thread.ofPlatform().daemon().name(THREAD_NAME).unstarted(this::run);
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    public void pause() {
        signal(() -> paused = true);
    }

    public void resume() {
        signal(() -> paused = false);
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    public void setSpeed(double newSpeed) {
        double valid = validSpeed(newSpeed);
        signal(() -> speed = valid);
    }

    public double speed() {
        return speed;
    }

    public Simulator simulator() {
        return simulator;
    }

    /** Stops the thread and waits briefly for it; closing twice is harmless. */
    @Override
    public void close() {
        signal(() -> closed = true);
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        double owed = 0;
        long last = System.nanoTime();
        while (!closed) {
            long now = System.nanoTime();
            double elapsedSeconds = (now - last) / 1e9;
            last = now;
            if (paused) {
                owed = 0;
            } else {
                double currentSpeed = speed;
                owed = Math.min(owed + elapsedSeconds * currentSpeed, Math.max(1, MAX_CATCH_UP_SECONDS * currentSpeed));
                try {
                    while (owed >= 1 && !paused && !closed) {
                        simulator.step();
                        owed -= 1;
                    }
                } catch (RuntimeException e) {
                    LOG.error("Simulation step failed at tick {}; pausing", simulator.ticks(), e);
                    paused = true;
                }
            }
            waitForNextStep(paused ? MAX_WAIT_NANOS : (long) Math.min(MAX_WAIT_NANOS, (1 - owed) / speed * 1e9));
        }
    }

    private void waitForNextStep(long nanos) {
        lock.lock();
        try {
            if (!closed && nanos > 0) {
                changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /** Runs the simulator for a simulated duration as fast as possible, on the caller's thread (headless mode). */
    public static void runFor(Simulator simulator, Duration simulated) {
        Objects.requireNonNull(simulator, "simulator");
        long seconds = simulated.getSeconds();
        if (seconds < 0) {
            throw new IllegalArgumentException("simulated duration must not be negative, was " + simulated);
        }
        for (long s = 0; s < seconds; s++) {
            simulator.step();
        }
    }
}
