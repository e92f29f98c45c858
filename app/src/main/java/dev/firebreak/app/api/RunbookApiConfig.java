package dev.firebreak.app.api;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the runbook API listens and keeps its token, validated: an address other machines can reach is refused unless
 * {@code allowNonLoopback} says a person asked for it by name.
 *
 * @param bind             the address to listen on
 * @param port             0..65535; 0 takes any free port ({@link RunbookApiServer#start()} returns the bound one)
 * @param dataDir          where {@code api-token} and {@code api.port} live
 * @param allowNonLoopback whether {@code bind} may be other than a loopback address
 */
public record RunbookApiConfig(InetAddress bind, int port, Path dataDir, boolean allowNonLoopback) {

    public RunbookApiConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the runbook API port must be between 0 and 65535 (0 = any free port), was "
                    + port);
        }
        if (!bind.isLoopbackAddress() && !allowNonLoopback) {
            throw new IllegalArgumentException("refusing to serve the runbook API on " + bind.getHostAddress() + ", which is"
                    + " not a loopback address: other machines could reach it and try the token. Serve it on 127.0.0.1,"
                    + " or name the address with --api-bind " + bind.getHostAddress() + " to allow it explicitly");
        }
    }

    /** On 127.0.0.1. */
    public static RunbookApiConfig loopback(int port, Path dataDir) {
        return new RunbookApiConfig(InetAddress.getLoopbackAddress(), port, dataDir, false);
    }
}
