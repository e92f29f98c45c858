package dev.firebreak.views.session;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultInjector;
import java.util.List;

/** Breaking things on purpose, and what has been done to each component. */
public interface FaultControl {

    /** Injects and cancels faults; the console's injector writes each to the audit log first. */
    FaultInjector faults();

    /** Faults scheduled or acting on a component (as target or peer). */
    List<ActiveFault> faultsOn(String componentId);

    /** Changes (deployments, rollbacks...) made to a component so far, oldest first. */
    List<ChangeEvent> changes(String componentId);
}
