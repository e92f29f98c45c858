package dev.firebreak.engine.escalation;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An incident was escalated: these people are to be told by this method. Notifications consume it.
 *
 * @param at         engine time
 * @param incidentId the incident
 * @param policy     the policy's name
 * @param level      the level that fired
 * @param people     who, rotations resolved to whoever is on call
 * @param method     how (phone_call, pagerduty, slack...)
 * @param reason     why now, in words
 */
public record Escalated(Instant at, long incidentId, String policy, int level, List<String> people, String method,
        String reason) implements EngineEvent {

    public Escalated {
        Objects.requireNonNull(at, "at");
        people = List.copyOf(people);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reason, "reason");
    }
}
