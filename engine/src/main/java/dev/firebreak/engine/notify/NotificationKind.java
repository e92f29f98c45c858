package dev.firebreak.engine.notify;

/**
 * What happened to the incident. One incident's trigger, updates, acknowledgement and resolution share its
 * dedup key, which is how PagerDuty and Opsgenie tie them to one alert.
 */
public enum NotificationKind {
    /** The incident was opened: page or post. */
    TRIGGER,
    /** A status update while the incident is open (the playbook asks for one every 15 minutes at P0). */
    UPDATE,
    /** Someone is working on it. */
    ACKNOWLEDGE,
    /** It is over. */
    RESOLVE
}
