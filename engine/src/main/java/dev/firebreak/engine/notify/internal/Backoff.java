package dev.firebreak.engine.notify.internal;

import dev.firebreak.engine.notify.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Waits between attempts: exponential with jitter, or what the vendor's {@code Retry-After} asks for. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry): {@code initialBackoff *
     * multiplier^(retry-1)} capped at {@code maxBackoff}, then scaled by a uniform factor in
     * [1 - jitter, 1 + jitter] and capped again.
     */
    public static Duration delay(RetryConfig config, int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be 1 or more, was " + retry);
        }
        double max = config.maxBackoff().toMillis();
        double base = Math.min(max, config.initialBackoff().toMillis() * Math.pow(config.multiplier(), retry - 1));
        double factor = 1 - config.jitter() + 2 * config.jitter() * random.nextDouble();
        return Duration.ofMillis(Math.round(Math.min(max, base * factor)));
    }

    /**
     * Reads a {@code Retry-After} header: delta-seconds or an HTTP date (RFC 1123), relative to {@code clock}.
     * A date in the past means "now"; anything unreadable is ignored.
     */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String text = header.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
