package dev.firebreak.engine.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaltLatchTests {

    @TempDir
    Path dataDir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aPressedHaltIsStillLatchedWhenTheDatabaseIsOpenedAgain() {
        EventBus bus = new EventBus();
        List<HaltChanged> seen = new ArrayList<>();
        bus.subscribe(HaltChanged.class, seen::add);
        try (Database database = Database.openFile(dataDir, clock)) {
            HaltLatch latch = new HaltLatch(HaltStore.in(database), Optional.of(database.auditLog()), bus, clock);
            latch.press("ana", "payments on fire, stop everything");
            assertThat(latch.halted()).contains("payments on fire, stop everything (ana)");
            assertThat(database.auditLog().entries(0, 100)).anyMatch(e -> e.action().equals("halt.pressed"));
        }
        assertThat(seen).hasSize(1);

        try (Database database = Database.openFile(dataDir, clock)) {
            HaltLatch again = new HaltLatch(HaltStore.in(database), Optional.empty(), new EventBus(), clock);
            assertThat(again.current()).map(HaltRecord::person).contains("ana");
            assertThatThrownBy(() -> again.press("bob", "me too")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already latched").hasMessageContaining("ana");

            again.release("bob", "payments stable for an hour");

            assertThat(again.halted()).isEmpty();
            assertThat(again.history()).extracting(HaltRecord::latched).containsExactly(true, false);
        }
    }

    @Test
    void releasingNeedsAReasonAndALatchedHalt() {
        HaltLatch latch = new HaltLatch(HaltStore.inMemory(), Optional.empty(), new EventBus(), clock);

        assertThatThrownBy(() -> latch.release("ana", "why not")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not latched");
        latch.press("ana", "stop");
        assertThatThrownBy(() -> latch.release("ana", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a reason");
        assertThat(latch.halted()).isPresent();
    }
}
