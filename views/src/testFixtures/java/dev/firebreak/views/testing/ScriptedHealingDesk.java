package dev.firebreak.views.testing;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.heal.HaltLatch;
import dev.firebreak.engine.heal.HaltRecord;
import dev.firebreak.engine.heal.HaltStore;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingChanged;
import dev.firebreak.engine.heal.HealingDecided;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingGates;
import dev.firebreak.engine.heal.HealingLearning;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.Playbook;
import dev.firebreak.engine.heal.PlaybookException;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.views.session.HealingDesk;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A healing desk for screen tests of a scripted session: a real {@link HaltLatch} (in memory) on the session's bus and
 * clock, and decisions and actions the test puts in (publishing the events the real service would). Tests of the
 * whole loop use the app's real desk on a stepped engine instead.
 */
public final class ScriptedHealingDesk implements HealingDesk {

    private final EventBus bus;
    private final HaltLatch latch;
    private final List<HealingDecision> decisions = new ArrayList<>();
    private final List<HealingAction> actions = new ArrayList<>();
    private final List<Playbook> playbooks = new ArrayList<>();
    private HealingMode mode = HealingMode.SHADOW;
    private Set<Strategy> strategies = EnumSet.allOf(Strategy.class);
    private HealingGates gates = new HealingGates(false, 0, 3, 0, 20, Map.of(), 0, 3, Optional.empty(), Optional.empty());

    public ScriptedHealingDesk(EventBus bus, Clock clock) {
        this.bus = bus;
        this.latch = new HaltLatch(HaltStore.inMemory(), Optional.empty(), bus, clock);
    }

    public synchronized ScriptedHealingDesk decided(HealingDecision decision) {
        decisions.add(decision);
        bus.publish(new HealingDecided(decision.at(), decision));
        return this;
    }

    public synchronized ScriptedHealingDesk acted(HealingAction action) {
        actions.removeIf(a -> a.id() == action.id());
        actions.add(action);
        bus.publish(new HealingChanged(action.updatedAt(), action));
        return this;
    }

    public synchronized ScriptedHealingDesk withPlaybook(Playbook playbook) {
        playbooks.add(playbook);
        return this;
    }

    public synchronized ScriptedHealingDesk withGates(HealingGates value) {
        gates = value;
        return this;
    }

    @Override public String environment() { return "simulator"; }
    @Override public synchronized HealingMode mode() { return mode; }
    @Override public synchronized void setMode(HealingMode next, String person) { mode = next; }
    @Override public synchronized Set<Strategy> strategies() { return Set.copyOf(strategies); }
    @Override public synchronized void setStrategies(Set<Strategy> next, String person) { strategies = Set.copyOf(next); }
    @Override public synchronized List<HealingDecision> decisions() { return List.copyOf(decisions); }

    @Override
    public synchronized List<HealingDecision> decisions(long incidentId) {
        return decisions.stream().filter(d -> d.incidentId().equals(Optional.of(incidentId))).toList();
    }

    @Override public synchronized List<HealingAction> actions() { return List.copyOf(actions); }

    @Override
    public synchronized List<HealingAction> actions(long incidentId) {
        return actions.stream().filter(a -> a.decision().incidentId().equals(Optional.of(incidentId))).toList();
    }

    @Override public synchronized HealingGates gates() { return gates; }
    @Override public synchronized List<Playbook> playbooks() { return List.copyOf(playbooks); }
    @Override public List<PlaybookException> problems() { return List.of(); }

    @Override
    public synchronized HealingLearning.Record record(String playbookId, String faultKind) {
        return HealingLearning.record(actions, playbookId, faultKind);
    }

    @Override
    public HealingAction deny(long actionId, String person, String reason) {
        throw new IllegalStateException("scripted healing actions take no approvals");
    }

    /** Records the undo on the action as the real service would (a run id of its own), without running anything. */
    @Override
    public synchronized HealingAction undo(long actionId, String person, String reason) {
        HealingAction action = actions.stream().filter(a -> a.id() == actionId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no healing action " + actionId));
        HealingAction undone = action.withRollback(1000 + actionId).moveTo(action.state(), action.updatedAt(),
                action.note() + "; undone by " + person + ": " + reason);
        acted(undone);
        return undone;
    }

    @Override public Optional<HaltRecord> halt() { return latch.current(); }
    @Override public HaltRecord pressHalt(String person, String reason) { return latch.press(person, reason); }
    @Override public HaltRecord releaseHalt(String person, String reason) { return latch.release(person, reason); }
}
