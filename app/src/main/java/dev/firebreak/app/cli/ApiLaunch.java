package dev.firebreak.app.cli;

import java.util.Objects;

/**
 * The runbook HTTP API a launch asked for ({@code --api}, {@code --api-port}, {@code --api-bind}).
 *
 * @param bind             the address to listen on, as given (a literal or a host name); {@code 127.0.0.1} unless
 *                         {@code --api-bind} named another
 * @param port             the port; 0 takes any free one (the bound port is written to {@code DATA_DIR/api.port})
 * @param allowNonLoopback whether {@code bind} may be an address other machines can reach: only when the person named
 *                         it with {@code --api-bind}
 */
public record ApiLaunch(String bind, int port, boolean allowNonLoopback) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 7878;

    public ApiLaunch {
        Objects.requireNonNull(bind, "bind");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("--api-bind needs an address, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--api-port must be between 0 and 65535 (0 = any free port), was " + port);
        }
    }

    /** On the loopback address only. */
    public static ApiLaunch loopback(int port) {
        return new ApiLaunch(LOOPBACK, port, false);
    }

    static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--api-port must be a whole number between 0 and 65535 (0 = any free port),"
                    + " was '" + text + "'", e);
        }
    }
}
