package dev.firebreak.engine.fault;

import java.util.List;

/** Something faults can be injected into: the simulator now, chaos tooling on real systems later. */
public interface FaultInjector {

    /**
     * Schedules a fault. Its effect starts at {@link FaultSpec#start()} and ends after its duration.
     *
     * @return the id to cancel it with
     * @throws IllegalArgumentException if the target or peer is not a component
     */
    ActiveFault inject(FaultSpec spec);

    /** Ends a fault early; false if no such fault is scheduled or active. */
    boolean cancel(long faultId);

    /** Faults scheduled or acting now. */
    List<ActiveFault> faults();
}
