package dev.firebreak.engine.notify;

import java.util.Locale;

/** The vendors a channel can talk to; {@link #yamlName()} is how {@code notifications.yaml} spells them. */
public enum ChannelType {
    /** A Slack incoming webhook, Block Kit message. */
    SLACK,
    /** PagerDuty Events API v2. */
    PAGERDUTY,
    /** Opsgenie Alert API v2. */
    OPSGENIE,
    /** Any HTTP endpoint taking Firebreak's own JSON schema ({@code firebreak.notification/v1}). */
    WEBHOOK;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
