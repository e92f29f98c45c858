package dev.firebreak.engine.heal;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The adaptive strategy: each playbook's record per fault kind, from its finished actions, moves a cause's confidence up
 * or down within a bound. With few actions the record weighs little (n / (n + 5)); the success rate is smoothed
 * (Laplace), so one success does not read as 100 %.
 */
public final class HealingLearning {

    private static final double PRIOR_WEIGHT = 5;

    private HealingLearning() {
    }

    /** Finished actions of a playbook on a kind: how many, and how many succeeded (verified). */
    public record Record(int attempts, int successes) {
        public OptionalDouble successRate() {
            return attempts == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) successes / attempts);
        }
    }

    public static Record record(List<HealingAction> actions, String playbookId, String faultKind) {
        String family = family(faultKind);
        int attempts = 0;
        int successes = 0;
        for (HealingAction action : actions) {
            if (!action.state().isFinal() || !action.playbookId().equals(playbookId)
                    || !family(action.decision().faultKind()).equals(family)
                    || action.state() == HealingState.DENIED || action.state() == HealingState.HALTED) {
                continue;
            }
            attempts++;
            if (action.state() == HealingState.SUCCEEDED) {
                successes++;
            }
        }
        return new Record(attempts, successes);
    }

    /** The confidence the gate compares: the cause's, moved by the record, within {@code bound}, in [0, 1]. */
    public static double adjust(double causeConfidence, Record record, double bound) {
        if (record.attempts() == 0) {
            return causeConfidence;
        }
        double smoothed = (record.successes() + 1.0) / (record.attempts() + 2.0);
        double weight = record.attempts() / (record.attempts() + PRIOR_WEIGHT);
        double shift = bound * weight * (2 * smoothed - 1);
        return Math.max(0, Math.min(1, causeConfidence + shift));
    }

    /** A kind without its specifics ("bad deployment 5.5.1" and "bad deployment 5.5.2" are one family). */
    public static String family(String faultKind) {
        String kind = faultKind.toLowerCase(Locale.ROOT);
        int paren = kind.indexOf(" (");
        if (paren > 0) {
            kind = kind.substring(0, paren);
        }
        if (kind.startsWith("bad deployment")) {
            return "bad deployment";
        }
        return kind.strip();
    }
}
