package dev.firebreak.engine.sim;

import dev.firebreak.engine.fault.ActiveFault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which faults really acted where and when: what detection and root-cause analysis are scored against.
 *
 * @param faults every fault that has started, in start order
 */
public record GroundTruth(List<FaultRecord> faults) {

    public GroundTruth {
        faults = List.copyOf(faults);
    }

    /**
     * One fault's life.
     *
     * @param fault     the fault as injected
     * @param started   when it began to act
     * @param ended     when it stopped acting, empty while it still acts
     * @param cancelled true if someone ended it early rather than its duration running out or a remediation
     *                  (rollback) ending it
     */
    public record FaultRecord(ActiveFault fault, Instant started, Optional<Instant> ended, boolean cancelled) {
        public FaultRecord {
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(ended, "ended");
        }

        public boolean isActiveAt(Instant instant) {
            return !instant.isBefore(started) && ended.map(instant::isBefore).orElse(true);
        }

        /** True if the fault's target or peer is the component. */
        public boolean involves(String componentId) {
            return fault.spec().target().equals(componentId)
                    || fault.spec().peer().map(componentId::equals).orElse(false);
        }
    }

    public List<FaultRecord> activeAt(Instant instant) {
        List<FaultRecord> result = new ArrayList<>();
        for (FaultRecord record : faults) {
            if (record.isActiveAt(instant)) {
                result.add(record);
            }
        }
        return result;
    }

    public List<FaultRecord> involving(String componentId) {
        List<FaultRecord> result = new ArrayList<>();
        for (FaultRecord record : faults) {
            if (record.involves(componentId)) {
                result.add(record);
            }
        }
        return result;
    }
}
