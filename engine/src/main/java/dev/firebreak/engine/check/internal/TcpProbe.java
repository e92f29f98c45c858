package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.Probe;
import dev.firebreak.engine.check.ProbeResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/** Opens a TCP connection and closes it: something listens on the port. */
public final class TcpProbe implements Probe {

    private final String host;
    private final int port;

    public TcpProbe(String host, int port) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [1, 65535], was " + port);
        }
        this.port = port;
    }

    @Override
    public String description() {
        return "TCP connect to " + host + ":" + port;
    }

    @Override
    public ProbeResult run(Duration timeout) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return ProbeResult.pass("connected to " + host + ":" + port, Deadline.since(start));
        } catch (SocketTimeoutException e) {
            return ProbeResult.timeout("TCP connect to " + host + ":" + port + ": no answer within "
                    + timeout.toMillis() + " ms", Deadline.since(start));
        } catch (IOException e) {
            return ProbeResult.fail("TCP connect to " + host + ":" + port + ": expected a listener, got "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), Deadline.since(start));
        }
    }
}
