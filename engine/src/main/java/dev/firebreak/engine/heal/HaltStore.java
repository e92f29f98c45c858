package dev.firebreak.engine.heal;

import dev.firebreak.engine.heal.internal.JdbcHaltStore;
import dev.firebreak.engine.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where presses and releases of HALT are kept: the latest says whether it holds, across a restart. */
public interface HaltStore {

    /** Stored durably before it returns: a HALT pressed and then a killed console is still latched. */
    void append(HaltRecord record);

    Optional<HaltRecord> latest();

    List<HaltRecord> history();

    static HaltStore inMemory() {
        return new HaltStore() {
            private final List<HaltRecord> records = new ArrayList<>();

            @Override
            public synchronized void append(HaltRecord record) {
                records.add(record);
            }

            @Override
            public synchronized Optional<HaltRecord> latest() {
                return records.isEmpty() ? Optional.empty() : Optional.of(records.getLast());
            }

            @Override
            public synchronized List<HaltRecord> history() {
                return List.copyOf(records);
            }
        };
    }

    static HaltStore in(Database database) {
        return new JdbcHaltStore(database);
    }
}
