package dev.firebreak.engine.heal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One pass through the decision chain, recorded whatever it concluded.
 *
 * @param id              unique in the store
 * @param incidentId      the incident it served; empty for a predictive decision before any incident
 * @param at              engine time
 * @param strategy        what set it off
 * @param component       the cause's component (or the component a prediction is about)
 * @param faultKind       the diagnosed kind
 * @param causeConfidence the diagnosis's confidence in that cause
 * @param playbookId      the playbook chosen, if one matched
 * @param confidence      the confidence the gate compared: the cause's, adjusted by the playbook's record
 * @param threshold       what it had to reach
 * @param successRate     the playbook's past success rate for this kind, if it has a record
 * @param blastRadius     the action's blast radius, if a playbook matched
 * @param parameters      the parameters the playbook would run with
 * @param gates           every gate that was checked, in order; the first that failed decided
 * @param verdict         where it ended
 */
public record HealingDecision(long id, Optional<Long> incidentId, Instant at, Strategy strategy, String component,
        String faultKind, double causeConfidence, Optional<String> playbookId, double confidence, double threshold,
        OptionalDouble successRate, Optional<BlastRadius> blastRadius, java.util.Map<String, String> parameters,
        List<GateVerdict> gates, Verdict verdict, HealingMode mode) {

    public HealingDecision {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(faultKind, "faultKind");
        Objects.requireNonNull(playbookId, "playbookId");
        Objects.requireNonNull(successRate, "successRate");
        Objects.requireNonNull(blastRadius, "blastRadius");
        parameters = java.util.Map.copyOf(parameters);
        gates = List.copyOf(gates);
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(mode, "mode");
        if (verdict == Verdict.REFUSED && gates.stream().allMatch(GateVerdict::passed)) {
            throw new IllegalArgumentException("a refused decision names the gate that refused it");
        }
    }

    /** The gate that said no, if one did. */
    public Optional<GateVerdict> refusedBy() {
        return gates.stream().filter(gate -> !gate.passed()).findFirst();
    }

    public HealingDecision withId(long newId) {
        return new HealingDecision(newId, incidentId, at, strategy, component, faultKind, causeConfidence, playbookId,
                confidence, threshold, successRate, blastRadius, parameters, gates, verdict, mode);
    }

    /** The same decision refused by {@code gate} (a pre-check that failed when the run was started). */
    public HealingDecision refusedAt(GateVerdict gate) {
        List<GateVerdict> list = new java.util.ArrayList<>(gates.stream().filter(g -> g.gate() != gate.gate()).toList());
        list.add(gate);
        return new HealingDecision(id, incidentId, at, strategy, component, faultKind, causeConfidence, playbookId,
                confidence, threshold, successRate, blastRadius, parameters, list, Verdict.REFUSED, mode);
    }

    /** One line for the timeline: what was decided and, for a refusal, which gate said no and why. */
    public String summary() {
        String cause = component + " (" + faultKind + String.format(java.util.Locale.ROOT, ", confidence %.2f)", causeConfidence);
        String playbook = playbookId.map(id -> "playbook " + id).orElse("no playbook");
        return switch (verdict) {
            case ACT -> "healing: " + cause + " -> " + playbook + "; every gate passed, running it";
            case SHADOW -> "healing (shadow): would have run " + playbook + " for " + cause + "; every gate passed";
            case AWAIT_APPROVAL -> "healing: " + cause + " -> " + playbook + "; waiting for approval";
            case REFUSED -> "healing: " + cause + " -> " + playbook + "; not acting: " + refusedBy()
                    .map(g -> g.gate().label() + ": " + g.why()).orElse("");
        };
    }
}
