package dev.firebreak.engine.heal;

import dev.firebreak.engine.heal.internal.JdbcHealingStore;
import dev.firebreak.engine.heal.internal.MemoryHealingStore;
import dev.firebreak.engine.store.Database;
import java.util.List;

/**
 * Where decisions and actions are kept: the decision chain of every incident, and the action history the gates (breaker,
 * rate, cooldowns) and the playbooks' records read back after a restart. An action is saved before the step it
 * announces runs.
 */
public interface HealingStore {

    long nextDecisionId();

    long nextActionId();

    void save(HealingDecision decision);

    void save(HealingAction action);

    List<HealingDecision> decisions();

    List<HealingAction> actions();

    static HealingStore inMemory() {
        return new MemoryHealingStore();
    }

    static HealingStore in(Database database) {
        return new JdbcHealingStore(database);
    }
}
