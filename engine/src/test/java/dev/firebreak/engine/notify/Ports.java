package dev.firebreak.engine.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for dead endpoints. */
final class Ports {

    private Ports() {
    }

    /** A loopback port that was free a moment ago and on which nobody listens now: connections are refused. */
    static int unused() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
