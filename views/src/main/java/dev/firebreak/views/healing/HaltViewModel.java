package dev.firebreak.views.healing;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.heal.HaltChanged;
import dev.firebreak.engine.heal.HaltRecord;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.views.session.HealingDesk;
import dev.firebreak.views.task.EngineCommand;
import dev.firebreak.views.task.TaskExecutor;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The emergency stop as the shell shows it: whether HALT is latched, by whom, when and why (the banner across every
 * screen), and the two commands, press and release, each with the operator's name and a reason. The latch's state is
 * read when the session starts (it survives a restart) and again whenever a {@link HaltChanged} arrives, coalesced to
 * one read per pulse; a press from another console or the API shows here too.
 */
public final class HaltViewModel implements AutoCloseable {

    private final HealingDesk desk;
    private final Supplier<String> operator;
    private final FxCoalescer coalescer = new FxCoalescer(this::refresh);
    private final Subscription subscription;

    private final ReadOnlyObjectWrapper<HaltRecord> latched = new ReadOnlyObjectWrapper<>(this, "latched");
    private final ReadOnlyBooleanWrapper halted = new ReadOnlyBooleanWrapper(this, "halted");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final EngineCommand command;

    /**
     * @param events   the session's bus, where HALT presses and releases are announced
     * @param operator who acts: the person at the console
     * @param tasks    where the latch is pressed or released: off the FX thread in the console
     */
    public HaltViewModel(HealingDesk desk, EventBus events, Supplier<String> operator, TaskExecutor tasks) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.command = new EngineCommand(tasks, this::refresh);
        this.subscription = events.subscribe(HaltChanged.class, e -> coalescer.markDirty());
        refresh();
    }

    // ---- Properties ----

    /** The press that holds now, or null when HALT is released. */
    public ReadOnlyObjectProperty<HaltRecord> latchedProperty() {
        return latched.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty haltedProperty() {
        return halted.getReadOnlyProperty();
    }

    /** "HALT latched by alice at 10:03:12 UTC: … — healing, runbook runs and chaos are stopped"; empty when released. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** Why the last press or release was refused; empty after one that worked. */
    public ReadOnlyStringProperty messageProperty() {
        return command.messageProperty();
    }

    /** Whether a press or release is on its way to the engine. */
    public ReadOnlyBooleanProperty workingProperty() {
        return command.workingProperty();
    }

    public String operator() {
        return operator.get();
    }

    // ---- Commands ----

    /** Latches HALT in the operator's name; a blank reason is refused here, before the engine is asked. */
    public void press(String reason) {
        if (reason == null || reason.isBlank()) {
            command.refuse("Pressing HALT needs a reason: it goes on the timeline and into the audit log.");
            return;
        }
        String person = operator.get();
        command.send("Pressing HALT", () -> desk.pressHalt(person, reason.strip()));
    }

    /** Releases HALT in the operator's name, with a reason. */
    public void release(String reason) {
        if (reason == null || reason.isBlank()) {
            command.refuse("Releasing HALT needs a reason: it goes on the timeline and into the audit log.");
            return;
        }
        String person = operator.get();
        command.send("Releasing HALT", () -> desk.releaseHalt(person, reason.strip()));
    }


    // ---- Following the engine ----

    public void start() {
        coalescer.start();
    }

    /** Reads the latch again. */
    public void refresh() {
        HaltRecord now = desk.halt().orElse(null);
        latched.set(now);
        halted.set(now != null);
        banner.set(now == null ? "" : HealingTexts.banner(now));
    }

    @Override
    public void close() {
        coalescer.close();
        subscription.close();
    }
}
