package dev.firebreak.engine.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Injected faults are the console's chaos experiments, so the emergency stop holds them too: while it is latched no
 * fault is injected (from the dialog, the command line's schedule or a test), and pressing it ends every fault
 * scheduled or acting, a fault's end being its rollback.
 */
public final class HaltableFaults implements FaultInjector {

    private final FaultInjector faults;
    private final Supplier<Optional<String>> halted;

    /** @param halted why everything is halted, or empty when it is not */
    public HaltableFaults(FaultInjector faults, Supplier<Optional<String>> halted) {
        this.faults = Objects.requireNonNull(faults, "faults");
        this.halted = Objects.requireNonNull(halted, "halted");
    }

    /** @throws IllegalStateException while the emergency stop is latched, naming who latched it and why */
    @Override
    public ActiveFault inject(FaultSpec spec) {
        Optional<String> why = halted.get();
        if (why.isPresent()) {
            throw new IllegalStateException("HALT is latched (" + why.get() + "): no fault is injected until a person"
                    + " releases it");
        }
        return faults.inject(spec);
    }

    @Override
    public boolean cancel(long faultId) {
        return faults.cancel(faultId);
    }

    @Override
    public List<ActiveFault> faults() {
        return faults.faults();
    }

    /** Ends every fault scheduled or acting; returns the ones it ended. */
    public List<ActiveFault> endAll() {
        List<ActiveFault> ended = new ArrayList<>();
        for (ActiveFault fault : faults.faults()) {
            if (faults.cancel(fault.id())) {
                ended.add(fault);
            }
        }
        return ended;
    }
}
