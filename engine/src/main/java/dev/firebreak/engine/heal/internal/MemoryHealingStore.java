package dev.firebreak.engine.heal.internal;

import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingStore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Decisions and actions in memory (headless runs, tests). */
public final class MemoryHealingStore implements HealingStore {

    private final Map<Long, HealingDecision> decisions = new TreeMap<>();
    private final Map<Long, HealingAction> actions = new TreeMap<>();
    private long lastDecision;
    private long lastAction;

    @Override
    public synchronized long nextDecisionId() {
        return ++lastDecision;
    }

    @Override
    public synchronized long nextActionId() {
        return ++lastAction;
    }

    @Override
    public synchronized void save(HealingDecision decision) {
        decisions.put(decision.id(), decision);
    }

    @Override
    public synchronized void save(HealingAction action) {
        actions.put(action.id(), action);
    }

    @Override
    public synchronized List<HealingDecision> decisions() {
        return List.copyOf(decisions.values());
    }

    @Override
    public synchronized List<HealingAction> actions() {
        return List.copyOf(actions.values());
    }
}
