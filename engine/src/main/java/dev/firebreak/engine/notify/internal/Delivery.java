package dev.firebreak.engine.notify.internal;

import dev.firebreak.engine.notify.Notification;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One notification on its way to one channel, across its attempts. Its outcome is settled exactly once, whatever
 * races between the attempt, the retry timer and {@code close()}.
 */
public final class Delivery {

    private final Notification notification;
    private final String id;
    private final Instant submittedAt;
    private final AtomicBoolean settled = new AtomicBoolean();
    private int attempts;
    private OptionalInt lastStatus = OptionalInt.empty();
    private String lastReason = "";

    public Delivery(Notification notification, String id, Instant submittedAt) {
        this.notification = Objects.requireNonNull(notification, "notification");
        this.id = Objects.requireNonNull(id, "id");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
    }

    public Notification notification() {
        return notification;
    }

    /** Sent to webhooks as {@code X-Firebreak-Delivery}, the same on every attempt. */
    public String id() {
        return id;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    synchronized int attempts() {
        return attempts;
    }

    synchronized OptionalInt lastStatus() {
        return lastStatus;
    }

    synchronized String lastReason() {
        return lastReason;
    }

    synchronized void attempted(AttemptResult result) {
        attempts++;
        if (result.status().isPresent()) {
            lastStatus = result.status();
        }
        lastReason = result.reason();
    }

    /** True the first time only: the caller reports the outcome. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }
}
