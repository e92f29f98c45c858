package dev.firebreak.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive hold on a data directory, so that two consoles never write the same database.
 *
 * <p>The lock is an OS file lock on {@code <dataDir>/firebreak.lock}, released by the OS when the process
 * dies, so a crash never leaves the directory blocked; the file's text (pid and start time) only serves
 * the error message. Locks this JVM holds are also tracked in a map and checked first: on POSIX systems
 * opening and closing a second channel on a file this process has locked would silently drop the lock.
 */
public final class DataDirectoryLock implements AutoCloseable {

    /** Name of the lock file inside the data directory. */
    public static final String FILE_NAME = "firebreak.lock";

    // The locked byte lies beyond the text, because on Windows locked bytes cannot be read by others
    // and the second console must still read who holds the directory.
    private static final long LOCKED_REGION = 1L << 20;

    private static final Map<Path, DataDirectoryLock> HELD = new ConcurrentHashMap<>();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;
    private final long pid;
    private final Instant since;

    private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock, long pid, Instant since) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
        this.pid = pid;
        this.since = since;
    }

    /** Acquires the directory with the system clock stamping the lock file. */
    public static DataDirectoryLock acquire(Path dataDir) {
        return acquire(dataDir, Clock.systemUTC());
    }

    /**
     * Creates the directory if needed and locks it.
     *
     * @throws DataDirectoryInUseException if another console (here or in another process) holds it
     * @throws StoreException if the directory or its lock file cannot be created
     */
    public static DataDirectoryLock acquire(Path dataDir, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Path directory = canonical(dataDir);
        DataDirectoryLock held = HELD.get(directory);
        if (held != null) {
            throw new DataDirectoryInUseException(directory, OptionalLong.of(held.pid), Optional.of(held.since));
        }
        synchronized (HELD) {
            if (HELD.containsKey(directory)) {
                DataDirectoryLock raced = HELD.get(directory);
                throw new DataDirectoryInUseException(directory, OptionalLong.of(raced.pid), Optional.of(raced.since));
            }
            DataDirectoryLock lock = lockFile(directory, clock);
            HELD.put(directory, lock);
            return lock;
        }
    }

    private static Path canonical(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            return absolute.toRealPath();
        } catch (IOException e) {
            throw new StoreException("Cannot create the data directory " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static DataDirectoryLock lockFile(Path directory, Clock clock) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw inUse(directory, file);
            }
            long pid = ProcessHandle.current().pid();
            Instant since = clock.instant();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid=" + pid + "\nsince=" + since + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirectoryLock(directory, channel, lock, pid, since);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot lock the data directory " + directory + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(LOCKED_REGION, 1, false);
        } catch (OverlappingFileLockException e) {
            // Another part of this JVM locked the file without going through this class.
            return null;
        }
    }

    private static DataDirectoryInUseException inUse(Path directory, Path file) {
        OptionalLong pid = OptionalLong.empty();
        Optional<Instant> since = Optional.empty();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("pid=")) {
                    pid = OptionalLong.of(Long.parseLong(line.substring(4).strip()));
                } else if (line.startsWith("since=")) {
                    since = Optional.of(Instant.parse(line.substring(6).strip()));
                }
            }
        } catch (IOException | NumberFormatException | DateTimeParseException unreadable) {
            // The holder may be rewriting the file right now; the message then says "pid unknown".
        }
        return new DataDirectoryInUseException(directory, pid, since);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                // Nothing more to release.
            }
        }
    }

    public Path directory() {
        return directory;
    }

    /** When this lock was taken, by the clock given to {@link #acquire(Path, Clock)}. */
    public Instant since() {
        return since;
    }

    /** True until {@link #close()}. */
    public boolean isHeld() {
        return lock.isValid();
    }

    /** Releases the directory; the lock file stays, holding stale text that no one trusts without the lock. */
    @Override
    public void close() {
        synchronized (HELD) {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
                channel.close();
            } catch (IOException e) {
                throw new StoreException("Cannot release the lock on " + directory + ": " + e.getMessage(), e);
            } finally {
                HELD.remove(directory, this);
            }
        }
    }
}
