package dev.firebreak.engine.heal;

import java.util.Objects;

/** What one gate said, and why, in words a person reads in the healing panel. */
public record GateVerdict(Gate gate, boolean passed, String why) {
    public GateVerdict {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(why, "why");
    }

    public static GateVerdict pass(Gate gate, String why) {
        return new GateVerdict(gate, true, why);
    }

    public static GateVerdict fail(Gate gate, String why) {
        return new GateVerdict(gate, false, why);
    }
}
