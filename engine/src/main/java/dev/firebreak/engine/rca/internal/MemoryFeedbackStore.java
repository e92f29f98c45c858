package dev.firebreak.engine.rca.internal;

import dev.firebreak.engine.rca.Feedback;
import dev.firebreak.engine.rca.FeedbackStore;
import java.util.ArrayList;
import java.util.List;

/** Verdicts in memory, for headless runs and tests. */
public final class MemoryFeedbackStore implements FeedbackStore {

    private final List<Feedback> feedback = new ArrayList<>();

    @Override
    public synchronized void add(Feedback verdict) {
        feedback.add(verdict);
    }

    @Override
    public synchronized List<Feedback> all() {
        return List.copyOf(feedback);
    }
}
