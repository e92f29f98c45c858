package dev.firebreak.views.fx;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;

/**
 * Hands engine updates to the FX thread at most once per pulse.
 *
 * <p>Engine events arrive on the simulator's thread, possibly thousands per wall-clock second at high
 * speed. Subscribers only call {@link #markDirty()} (a lock-free flag); once per pulse an
 * {@link AnimationTimer} calls {@link #pulse()}, which runs the apply action if anything changed since
 * the previous pulse. The apply action reads the newest state itself, so intermediate updates are
 * dropped rather than queued and the FX thread never falls behind the simulator.
 *
 * <p>Tests drive {@link #pulse()} themselves without starting the timer (and without the toolkit).
 */
public final class FxCoalescer implements AutoCloseable {

    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Runnable apply;
    private AnimationTimer timer;

    /** @param apply runs on the FX thread (or the test's thread when pulsed by hand) */
    public FxCoalescer(Runnable apply) {
        this.apply = Objects.requireNonNull(apply, "apply");
    }

    /** Records that the state changed; safe from any thread, never blocks. */
    public void markDirty() {
        dirty.set(true);
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /**
     * Applies the newest state if it changed since the last pulse.
     *
     * @return whether the apply action ran
     */
    public boolean pulse() {
        if (!dirty.getAndSet(false)) {
            return false;
        }
        apply.run();
        return true;
    }

    /** Starts pulsing on every JavaFX pulse; call on the FX thread. Idempotent. */
    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulse();
                }
            };
        }
        timer.start();
    }

    /** Stops pulsing; pending changes stay marked and are applied after a restart. */
    @Override
    public void close() {
        if (timer != null) {
            timer.stop();
        }
    }
}
