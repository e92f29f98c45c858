package dev.firebreak.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTests {

    private static final Instant STARTED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(STARTED, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void acquireWritesPidAndStartTimeIntoTheLockFile() throws IOException {
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir, CLOCK)) {
            assertThat(lock.isHeld()).isTrue();
            assertThat(Files.readString(dataDir.resolve("firebreak.lock")))
                    .isEqualTo("pid=" + ProcessHandle.current().pid() + "\nsince=" + STARTED + "\n");
        }
    }

    @Test
    void secondAcquireWhileHeldExplainsWhoHoldsTheDirectory() throws IOException {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(dataDir, CLOCK)) {
            Path real = dataDir.toRealPath();

            assertThatExceptionOfType(DataDirectoryInUseException.class)
                    .isThrownBy(() -> DataDirectoryLock.acquire(dataDir, CLOCK))
                    .withMessage("Another Firebreak console is already using " + real + " (pid "
                            + ProcessHandle.current().pid() + ", since " + STARTED + "). Close it, or start this one"
                            + " with --data-dir <other dir>.")
                    .satisfies(e -> assertThat(e.heldSince()).isEqualTo(Optional.of(STARTED)));
            assertThat(held.isHeld()).isTrue();
        }
    }

    @Test
    void acquireSeesTheSameDirectoryThroughADifferentPath() throws IOException {
        Files.createDirectories(dataDir.resolve("sub"));
        try (DataDirectoryLock held = DataDirectoryLock.acquire(dataDir, CLOCK)) {
            Path roundabout = dataDir.resolve("sub").resolve("..");

            assertThatExceptionOfType(DataDirectoryInUseException.class)
                    .isThrownBy(() -> DataDirectoryLock.acquire(roundabout, CLOCK))
                    .satisfies(e -> assertThat(e.directory()).isEqualTo(held.directory()));
        }
    }

    @Test
    void releasedLockCanBeAcquiredAgain() {
        DataDirectoryLock first = DataDirectoryLock.acquire(dataDir, CLOCK);
        first.close();

        try (DataDirectoryLock second = DataDirectoryLock.acquire(dataDir, CLOCK)) {
            assertThat(first.isHeld()).isFalse();
            assertThat(second.isHeld()).isTrue();
        }
    }

    @Test
    void acquireFailsWhileAnotherProcessHoldsTheDirectory() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), dataDir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String ready;
            try (var reader = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                ready = reader.readLine();

                assertThat(ready).startsWith("locked ");
                assertThatExceptionOfType(DataDirectoryInUseException.class)
                        .isThrownBy(() -> DataDirectoryLock.acquire(dataDir, CLOCK))
                        .satisfies(e -> assertThat(e.holderPid()).hasValue(holder.pid()))
                        .withMessageContaining("(pid " + holder.pid() + ", since ");
            }
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }

        try (DataDirectoryLock mine = DataDirectoryLock.acquire(dataDir, CLOCK)) {
            assertThat(mine.isHeld()).isTrue();
        }
    }

    @Test
    void staleLockFileLeftByACrashDoesNotBlock() throws IOException {
        Files.writeString(dataDir.resolve("firebreak.lock"), "pid=999999\nsince=2020-01-01T00:00:00Z\n");

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir, CLOCK)) {
            assertThat(lock.isHeld()).isTrue();
            assertThat(Files.readString(dataDir.resolve("firebreak.lock"))).doesNotContain("999999");
        }
    }
}
