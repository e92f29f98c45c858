package dev.firebreak.engine.notify;

import dev.firebreak.engine.escalation.Escalated;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentChanged;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.StatusTemplate;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells the outside world about incidents and writes what happened to each message on the incident's timeline:
 * an incident opening is a trigger (the playbook's initial notification), an acknowledgement acknowledges, a status
 * update a person sends and each escalation are updates, and resolving resolves (the resolution message). All of an
 * incident's messages share one dedup key, so PagerDuty and Opsgenie see one alert. Delivery runs on the
 * dispatcher's threads: nothing here blocks the engine, and a failed delivery is a timeline line, not an error.
 */
public final class IncidentNotifications implements AutoCloseable {

    private final IncidentService incidents;
    private final NotificationDispatcher dispatcher;
    private final List<Subscription> subscriptions = new ArrayList<>();

    private IncidentNotifications(IncidentService incidents, NotificationConfig config) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.dispatcher = NotificationDispatcher.start(config, this::delivered);
    }

    /** Subscribes to incident changes and escalations; with no channels configured nothing is ever sent. */
    public static IncidentNotifications attach(EventBus bus, IncidentService incidents, NotificationConfig config) {
        IncidentNotifications notifications = new IncidentNotifications(incidents, config);
        notifications.subscriptions.add(bus.subscribe(IncidentChanged.class, notifications::changed));
        notifications.subscriptions.add(bus.subscribe(Escalated.class, notifications::escalated));
        return notifications;
    }

    private void changed(IncidentChanged change) {
        Incident incident = change.incident();
        TimelineEntry entry = change.entry();
        switch (change.kind()) {
            case OPENED -> send(incident, NotificationKind.TRIGGER, change.at(), StatusTemplate.INITIAL.render(incident,
                    List.of(entry), change.at(), incident.severity().updateEvery().map(change.at()::plus)));
            case RESOLVED -> send(incident, NotificationKind.RESOLVE, change.at(),
                    StatusTemplate.RESOLUTION.render(incident, incidents.timeline(incident.id()), change.at(), Optional.empty()));
            case UPDATED -> {
                if (entry.kind() == TimelineKind.ACKNOWLEDGED) {
                    send(incident, NotificationKind.ACKNOWLEDGE, change.at(), entry.text());
                } else if (entry.kind() == TimelineKind.STATUS_UPDATE) {
                    send(incident, NotificationKind.UPDATE, change.at(), entry.text());
                }
            }
        }
    }

    private void escalated(Escalated escalation) {
        incidents.incident(escalation.incidentId()).ifPresent(incident -> send(incident, NotificationKind.UPDATE,
                escalation.at(), "Escalated to level " + escalation.level() + " of '" + escalation.policy() + "': "
                        + String.join(", ", escalation.people()) + " by " + escalation.method() + " (" + escalation.reason() + ")"));
    }

    private void send(Incident incident, NotificationKind kind, Instant at, String text) {
        dispatcher.submit(new Notification(incident.key(), "firebreak/" + incident.key(), kind,
                Priority.valueOf(incident.severity().name()), incident.title(), text, incident.components(),
                incident.type().name().toLowerCase(Locale.ROOT), incident.openedAt(), at, Optional.empty()));
    }

    /** On the dispatcher's outcome thread: the outcome goes on the incident's timeline. */
    private void delivered(DeliveryOutcome outcome) {
        String key = outcome.notification().incidentId();
        long id = Long.parseLong(key.substring(key.indexOf('-') + 1));
        String status = outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String text = outcome.channelType().name().toLowerCase(Locale.ROOT) + " '" + outcome.channel() + "' "
                + outcome.notification().kind().name().toLowerCase(Locale.ROOT) + ": " + status
                + " (" + outcome.attempts() + " attempt" + (outcome.attempts() == 1 ? "" : "s")
                + outcome.httpStatus().stream().mapToObj(s -> ", HTTP " + s).findFirst().orElse("")
                + ", " + outcome.elapsed().toMillis() + " ms" + (outcome.reason().isBlank() ? "" : "; " + outcome.reason()) + ")";
        if (incidents.incident(id).isPresent()) {
            incidents.record(id, TimelineKind.NOTIFICATION, IncidentService.ENGINE, text);
        }
    }

    public List<String> channels() {
        return dispatcher.channels();
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        dispatcher.close();
    }
}
