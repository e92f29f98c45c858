package dev.firebreak.engine.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects outcomes and breaker moves; {@link #next()} waits for an outcome from another thread. */
final class RecordingListener implements DeliveryListener {

    record BreakerMove(String channel, BreakerState from, BreakerState to, Instant at) {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<DeliveryOutcome> arrivals = new LinkedBlockingQueue<>();
    private final List<DeliveryOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<BreakerMove> moves = new CopyOnWriteArrayList<>();

    @Override
    public void outcome(DeliveryOutcome outcome) {
        outcomes.add(outcome);
        arrivals.add(outcome);
    }

    @Override
    public void breakerMoved(String channel, BreakerState from, BreakerState to, Instant at) {
        moves.add(new BreakerMove(channel, from, to, at));
    }

    /** The next outcome not yet taken, waiting for it up to ten seconds. */
    DeliveryOutcome next() throws InterruptedException {
        DeliveryOutcome outcome = arrivals.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (outcome == null) {
            throw new AssertionError("no delivery outcome within " + WAIT.toSeconds() + " s; so far: " + outcomes);
        }
        return outcome;
    }

    /** The next {@code count} outcomes. */
    List<DeliveryOutcome> next(int count) throws InterruptedException {
        List<DeliveryOutcome> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(next());
        }
        return taken;
    }

    /** The only outcome so far (direct executors: it is there as soon as submit returns). */
    DeliveryOutcome only() {
        if (outcomes.size() != 1) {
            throw new AssertionError("expected one outcome, found " + outcomes);
        }
        return outcomes.getFirst();
    }

    List<DeliveryOutcome> all() {
        return List.copyOf(outcomes);
    }

    List<BreakerMove> moves() {
        return List.copyOf(moves);
    }
}
