package dev.firebreak.engine.escalation;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentChanged;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentType;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs each open incident's escalation chain on the engine's clock, and the six auto-escalation triggers of the
 * self-healing design (5.4):
 *
 * <ul>
 *   <li>remediation failed N times: one level up ({@link #remediationFailed});</li>
 *   <li>blast radius expanding beyond a factor of the first affected count: severity at least P1;</li>
 *   <li>prolonged degradation: still open after a while: one level up;</li>
 *   <li>customer impact: more reports than the threshold, or a VIP affected: severity at least P1
 *       ({@link #customerImpact}: the console has no customer channel, a person enters it);</li>
 *   <li>data integrity at risk: severity P0 ({@link #dataIntegrityRisk});</li>
 *   <li>security threat (a security incident): severity P0.</li>
 * </ul>
 *
 * Every escalation is written on the incident's timeline and published as {@link Escalated}; a level whose
 * condition no longer holds when it falls due (acknowledged, resolved) is skipped and says so once.
 */
@EngineService
public final class EscalationService implements AutoCloseable {

    /** The triggers, each fired at most once per incident. */
    public enum Trigger {
        REMEDIATION_FAILED, BLAST_RADIUS_EXPANDING, PROLONGED_DEGRADATION, CUSTOMER_IMPACT, DATA_INTEGRITY_RISK,
        SECURITY_THREAT
    }

    private final Topology topology;
    private final EscalationConfig config;
    private final IncidentService incidents;
    private final EventBus bus;
    private final Map<Long, Chain> chains = new LinkedHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    /** One incident's progress through its policy. */
    private static final class Chain {
        final long incidentId;
        final EscalationPolicy policy;
        final Instant openedAt;
        /**
         * Components affected when the opening tick ended (not when the first alert arrived): one fault reaches
         * its database and callers in the same second, and that first burst is the baseline, not growth.
         */
        int initialComponents = -1;
        int round;
        /** Levels (index) fired or skipped in this round. */
        final Set<Integer> done = new java.util.HashSet<>();
        final Set<Trigger> fired = EnumSet.noneOf(Trigger.class);
        int remediationFailures;

        Chain(long incidentId, EscalationPolicy policy, Instant openedAt) {
            this.incidentId = incidentId;
            this.policy = policy;
            this.openedAt = openedAt;
        }

        Instant roundStart() {
            return openedAt.plus(policy.roundLength().plus(policy.repeatAfter()).multipliedBy(round));
        }
    }

    public EscalationService(Topology topology, EscalationConfig config, IncidentService incidents, EventBus bus) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.config = Objects.requireNonNull(config, "config");
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    /** Subscribes to incident changes and ticks; subscribe after the incident service's intake. */
    public static EscalationService attach(Topology topology, EscalationConfig config, IncidentService incidents,
            EventBus bus) {
        EscalationService service = new EscalationService(topology, config, incidents, bus);
        service.subscriptions.add(bus.subscribe(IncidentChanged.class, service::changed));
        service.subscriptions.add(bus.subscribe(MetricsTicked.class, e -> service.tick(e.at())));
        return service;
    }

    private synchronized void changed(IncidentChanged change) {
        Incident incident = change.incident();
        if (!chains.containsKey(incident.id()) && incident.state().isOpen()) {
            chains.put(incident.id(), new Chain(incident.id(), policyFor(incident), change.at()));
        }
    }

    /** The first policy that applies to one of the incident's components. */
    public EscalationPolicy policyFor(Incident incident) {
        List<Component> components = incident.components().stream().map(topology::find).flatMap(Optional::stream).toList();
        return config.policies().stream().filter(p -> p.appliesTo(components)).findFirst()
                .orElse(config.policies().getLast());
    }

    /** Fires what is due at {@code now}. */
    public synchronized void tick(Instant now) {
        for (Chain chain : new ArrayList<>(chains.values())) {
            Optional<Incident> read = incidents.incident(chain.incidentId);
            if (read.isEmpty() || !read.get().state().isOpen()) {
                chains.remove(chain.incidentId);
                continue;
            }
            Incident incident = read.get();
            levels(chain, incident, now);
            triggers(chain, incident, now);
        }
    }

    private void levels(Chain chain, Incident incident, Instant now) {
        List<EscalationLevel> levels = chain.policy.levels();
        for (int i = 0; i < levels.size(); i++) {
            EscalationLevel level = levels.get(i);
            if (chain.done.contains(i) || now.isBefore(chain.roundStart().plus(level.delay()))) {
                continue;
            }
            chain.done.add(i);
            if (holds(level.condition(), incident)) {
                fire(chain, level, now, describe(level, chain));
            } else if (chain.round == 0) {
                incidents.record(chain.incidentId, TimelineKind.ESCALATION, IncidentService.ENGINE, "Level " + level.level()
                        + " of '" + chain.policy.name() + "' not needed: " + (incident.isAcknowledged()
                                ? "acknowledged by " + incident.acknowledgedBy().orElseThrow() : "resolved"));
            }
        }
        boolean roundOver = chain.done.size() == levels.size();
        if (roundOver && chain.round < chain.policy.repeat() && !incident.isAcknowledged()
                && !now.isBefore(chain.roundStart().plus(chain.policy.roundLength()).plus(chain.policy.repeatAfter()))) {
            chain.round++;
            chain.done.clear();
        }
    }

    private static boolean holds(EscalationLevel.Condition condition, Incident incident) {
        return switch (condition) {
            case ALWAYS -> true;
            case NOT_ACKNOWLEDGED -> !incident.isAcknowledged();
            case NOT_RESOLVED -> incident.state().isOpen();
        };
    }

    private String describe(EscalationLevel level, Chain chain) {
        if (level.level() == 1 && chain.round == 0) {
            return "incident opened";
        }
        String because = switch (level.condition()) {
            case ALWAYS -> "";
            case NOT_ACKNOWLEDGED -> "not acknowledged after ";
            case NOT_RESOLVED -> "not resolved after ";
        };
        return (chain.round > 0 ? "repeat " + chain.round + ": " : "") + because + minutes(level.delay());
    }

    private void fire(Chain chain, EscalationLevel level, Instant now, String reason) {
        List<String> people = level.targets().stream()
                .map(target -> config.rotation(target).map(r -> r.onCall(now) + " (" + target + ")").orElse(target))
                .toList();
        incidents.record(chain.incidentId, TimelineKind.ESCALATION, IncidentService.ENGINE, "Escalated to level "
                + level.level() + " of '" + chain.policy.name() + "': " + String.join(", ", people) + " by "
                + level.method() + " (" + reason + ")");
        bus.publish(new Escalated(now, chain.incidentId, chain.policy.name(), level.level(), people, level.method(), reason));
    }

    /** Fires the next level not fired yet in this round at once, whatever its delay (a trigger asked for it). */
    private void oneLevelUp(Chain chain, Instant now, String reason) {
        List<EscalationLevel> levels = chain.policy.levels();
        for (int i = 0; i < levels.size(); i++) {
            if (!chain.done.contains(i)) {
                chain.done.add(i);
                fire(chain, levels.get(i), now, reason);
                return;
            }
        }
        fire(chain, levels.getLast(), now, reason + "; already at the top level, told again");
    }

    private void triggers(Chain chain, Incident incident, Instant now) {
        if (chain.initialComponents < 0) {
            chain.initialComponents = incident.components().size();
        }
        if (incident.components().size() > chain.initialComponents * config.blastRadiusFactor()) {
            raise(chain, Trigger.BLAST_RADIUS_EXPANDING, incident, IncidentSeverity.P1, "blast radius expanding: "
                    + incident.components().size() + " components affected, " + chain.initialComponents + " at first");
        }
        if (!now.isBefore(chain.openedAt.plus(config.prolongedAfter())) && chain.fired.add(Trigger.PROLONGED_DEGRADATION)) {
            oneLevelUp(chain, now, "prolonged degradation: still " + incident.state().name().toLowerCase(java.util.Locale.ROOT)
                    + " " + minutes(Duration.between(chain.openedAt, now)) + " after detection");
        }
        if (incident.type() == IncidentType.SECURITY) {
            raise(chain, Trigger.SECURITY_THREAT, incident, IncidentSeverity.P0, "security threat: a security incident");
        }
    }

    private void raise(Chain chain, Trigger trigger, Incident incident, IncidentSeverity to, String reason) {
        if (chain.fired.add(trigger) && to.isWorseThan(incident.severity())) {
            incidents.overrideSeverity(chain.incidentId, to, IncidentService.ENGINE, "auto-escalation, " + reason);
        }
    }

    // ---- Inputs for triggers the console cannot observe itself ----

    /** A remediation (healing action or runbook) failed; at the configured count the incident moves up a level. */
    public synchronized void remediationFailed(long incidentId, Instant at, String what) {
        Chain chain = chains.get(incidentId);
        if (chain == null) {
            return;
        }
        chain.remediationFailures++;
        if (chain.remediationFailures >= config.remediationAttempts() && chain.fired.add(Trigger.REMEDIATION_FAILED)) {
            oneLevelUp(chain, at, "remediation failed " + chain.remediationFailures + " times (last: " + what + ")");
        }
    }

    /**
     * Healing could not help (it refused for a reason time will not change, or its action failed, was rolled back, or
     * was only partly verified): the incident moves one level up its policy now, saying why.
     */
    public synchronized void handOver(long incidentId, Instant at, String reason) {
        Chain chain = chains.get(incidentId);
        if (chain == null) {
            return;
        }
        oneLevelUp(chain, at, reason);
    }

    /** Customer reports entered by a person; beyond the threshold, or with a VIP affected, severity becomes P1. */
    public synchronized void customerImpact(long incidentId, int reports, boolean vipAffected, String actor) {
        Chain chain = chains.get(incidentId);
        Incident incident = incidents.incident(incidentId).orElseThrow();
        incidents.record(incidentId, TimelineKind.NOTE, actor, reports + " customer report(s)" + (vipAffected ? ", VIP affected" : ""));
        if (chain != null && (reports > config.customerReports() || vipAffected)) {
            raise(chain, Trigger.CUSTOMER_IMPACT, incident, IncidentSeverity.P1, "customer impact: " + reports
                    + " report(s)" + (vipAffected ? " and a VIP affected" : ""));
        }
    }

    /** A data consistency check failed (entered by a person, or a check that reports it): severity P0. */
    public synchronized void dataIntegrityRisk(long incidentId, String check, String actor) {
        Chain chain = chains.get(incidentId);
        incidents.record(incidentId, TimelineKind.NOTE, actor, "data consistency check failed: " + check);
        if (chain != null) {
            raise(chain, Trigger.DATA_INTEGRITY_RISK, incidents.incident(incidentId).orElseThrow(), IncidentSeverity.P0,
                    "data integrity at risk: " + check + " failed");
        }
    }

    /** The triggers that fired for an incident. */
    public synchronized Set<Trigger> firedTriggers(long incidentId) {
        Chain chain = chains.get(incidentId);
        return chain == null ? Set.of() : Set.copyOf(chain.fired);
    }

    public EscalationConfig config() {
        return config;
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }
}
