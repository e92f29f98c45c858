package dev.firebreak.engine.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs in a child JVM for {@link DataDirectoryLockTests}: takes the lock, says so on stdout, and holds it
 * until its stdin is closed. Standard streams are the protocol with the parent test, not logging.
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws IOException {
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(Path.of(args[0]))) {
            System.out.println("locked " + lock.since());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the lock until the parent closes our stdin.
            }
        }
    }
}
