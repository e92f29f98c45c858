package dev.firebreak.engine.rca;

import dev.firebreak.engine.rca.internal.JdbcFeedbackStore;
import dev.firebreak.engine.rca.internal.MemoryFeedbackStore;
import dev.firebreak.engine.store.Database;
import java.util.List;

/** Where people's verdicts on diagnosed causes are kept; they outlive the run that produced them. */
public interface FeedbackStore {

    /** Stores a verdict; durable when the call returns. */
    void add(Feedback feedback);

    /** Every verdict, oldest first. */
    List<Feedback> all();

    /** In memory: headless runs and tests. */
    static FeedbackStore inMemory() {
        return new MemoryFeedbackStore();
    }

    /** The console's: the H2 database in its data directory. */
    static FeedbackStore in(Database database) {
        return new JdbcFeedbackStore(database);
    }
}
