package dev.firebreak.engine.notify;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One notification channel: where it delivers, what it gets, and how hard it tries.
 *
 * @param name          unique among the channels; lower-case letters, digits, '-', '_' and '.', 1..64 characters
 * @param target        the vendor endpoint and its credentials
 * @param priorities    the incident priorities it gets; not empty
 * @param kinds         the kinds of notification it gets; not empty
 * @param timeouts      HTTP timeouts
 * @param retry         retries of a failed delivery
 * @param rateLimit     its token bucket
 * @param breaker       its circuit breaker
 * @param queueCapacity deliveries that may wait for the channel, 1..10000; one more submitted is dropped
 */
public record ChannelConfig(String name, ChannelTarget target, Set<Priority> priorities, Set<NotificationKind> kinds,
        TimeoutConfig timeouts, RetryConfig retry, RateLimitConfig rateLimit, BreakerConfig breaker,
        int queueCapacity) {

    public static final int DEFAULT_QUEUE_CAPACITY = 100;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public ChannelConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1 to 64 lower-case letters, digits, '-', '_' or '.', "
                    + "starting with a letter or digit, was '" + name + "'");
        }
        Objects.requireNonNull(target, "target");
        if (priorities == null || priorities.isEmpty()) {
            throw new IllegalArgumentException("priorities must list at least one of P0..P4");
        }
        priorities = Collections.unmodifiableSet(EnumSet.copyOf(priorities));
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds must list at least one of trigger, update, acknowledge, resolve");
        }
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(breaker, "breaker");
        Checks.between(queueCapacity, "queueCapacity", 1, 10_000);
    }

    /** Every priority, the target's default kinds, default timeouts, retries, rate limit, breaker and queue. */
    public static ChannelConfig of(String name, ChannelTarget target) {
        return new ChannelConfig(name, target, EnumSet.allOf(Priority.class), target.defaultKinds(),
                TimeoutConfig.ofDefaults(), RetryConfig.ofDefaults(), RateLimitConfig.ofDefaults(),
                BreakerConfig.ofDefaults(), DEFAULT_QUEUE_CAPACITY);
    }

    public ChannelType type() {
        return target.type();
    }

    /** Whether this channel gets {@code notification}, by its priority and kind. */
    public boolean accepts(Notification notification) {
        return priorities.contains(notification.priority()) && kinds.contains(notification.kind());
    }

    public ChannelConfig withPriorities(Set<Priority> newPriorities) {
        return new ChannelConfig(name, target, newPriorities, kinds, timeouts, retry, rateLimit, breaker, queueCapacity);
    }

    public ChannelConfig withKinds(Set<NotificationKind> newKinds) {
        return new ChannelConfig(name, target, priorities, newKinds, timeouts, retry, rateLimit, breaker, queueCapacity);
    }

    public ChannelConfig withTimeouts(TimeoutConfig newTimeouts) {
        return new ChannelConfig(name, target, priorities, kinds, newTimeouts, retry, rateLimit, breaker, queueCapacity);
    }

    public ChannelConfig withRetry(RetryConfig newRetry) {
        return new ChannelConfig(name, target, priorities, kinds, timeouts, newRetry, rateLimit, breaker, queueCapacity);
    }

    public ChannelConfig withRateLimit(RateLimitConfig newRateLimit) {
        return new ChannelConfig(name, target, priorities, kinds, timeouts, retry, newRateLimit, breaker, queueCapacity);
    }

    public ChannelConfig withBreaker(BreakerConfig newBreaker) {
        return new ChannelConfig(name, target, priorities, kinds, timeouts, retry, rateLimit, newBreaker, queueCapacity);
    }

    public ChannelConfig withQueueCapacity(int newQueueCapacity) {
        return new ChannelConfig(name, target, priorities, kinds, timeouts, retry, rateLimit, breaker, newQueueCapacity);
    }
}
