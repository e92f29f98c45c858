package dev.firebreak.engine.notify;

import java.time.Duration;

/**
 * HTTP timeouts of one channel. The call timeout bounds the whole request (connect, send, wait, read); the
 * delivery's retries come on top of it.
 *
 * @param connect to open the connection, 10ms..1m
 * @param read    between bytes of the answer, 10ms..5m
 * @param call    for the whole request, 10ms..10m
 */
public record TimeoutConfig(Duration connect, Duration read, Duration call) {

    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CALL = Duration.ofSeconds(15);

    public TimeoutConfig {
        Checks.between(connect, "timeouts.connect", Duration.ofMillis(10), Duration.ofMinutes(1));
        Checks.between(read, "timeouts.read", Duration.ofMillis(10), Duration.ofMinutes(5));
        Checks.between(call, "timeouts.call", Duration.ofMillis(10), Duration.ofMinutes(10));
    }

    public static TimeoutConfig ofDefaults() {
        return new TimeoutConfig(DEFAULT_CONNECT, DEFAULT_READ, DEFAULT_CALL);
    }
}
