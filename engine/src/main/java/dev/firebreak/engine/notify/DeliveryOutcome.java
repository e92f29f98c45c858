package dev.firebreak.engine.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How the delivery of one notification to one channel ended: what the caller puts on the incident timeline.
 * Nothing in it carries a secret: reasons and vendor answers are masked before they get here.
 *
 * @param notification what was submitted
 * @param channel      the channel's name from the config
 * @param channelType  its vendor
 * @param status       how it ended
 * @param attempts     HTTP requests made, 0 when it never reached the network (dropped, skipped)
 * @param httpStatus   the last HTTP status received, empty if none was (connection refused, timeout, no attempt)
 * @param elapsed      from submission to this outcome on the dispatcher's clock, backoff waits included
 * @param reason       empty when delivered; otherwise why not, in plain words
 * @param completedAt  when the outcome was decided, on the dispatcher's clock
 */
public record DeliveryOutcome(Notification notification, String channel, ChannelType channelType,
        DeliveryStatus status, int attempts, OptionalInt httpStatus, Duration elapsed, String reason,
        Instant completedAt) {

    public DeliveryOutcome {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(channelType, "channelType");
        Objects.requireNonNull(status, "status");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be 0 or more, was " + attempts);
        }
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    public boolean delivered() {
        return status == DeliveryStatus.DELIVERED;
    }
}
