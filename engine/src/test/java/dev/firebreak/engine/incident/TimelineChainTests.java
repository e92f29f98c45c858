package dev.firebreak.engine.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineChainTests {

    private static List<TimelineEntry> chain(int n) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(TimelineChain.next(entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast()), 7,
                    Instant.parse("2026-11-02T00:00:00Z").plusSeconds(i), TimelineKind.NOTE, "alice", "note " + i));
        }
        return entries;
    }

    private static TimelineChain.Head head(List<TimelineEntry> entries) {
        return new TimelineChain.Head(entries.getLast().seq(), entries.getLast().hash());
    }

    @Test
    void untouchedTimelineIsIntact() {
        List<TimelineEntry> entries = chain(5);

        assertThat(TimelineChain.verify(7, entries, Optional.of(head(entries))).intact()).isTrue();
    }

    @Test
    void entriesAfterACheckedOneAreCheckedAsItsContinuation() {
        List<TimelineEntry> entries = chain(8);
        TimelineChain.Head checked = head(entries.subList(0, 5));

        TimelineVerification continued = TimelineChain.verifyAfter(7, checked, entries.subList(5, 8), Optional.of(head(entries)));
        TimelineVerification skipped = TimelineChain.verifyAfter(7, checked, entries.subList(6, 8), Optional.empty());
        TimelineVerification elsewhere = TimelineChain.verifyAfter(7, head(entries.subList(0, 4)), entries.subList(5, 8),
                Optional.empty());

        assertThat(continued.intact()).isTrue();
        assertThat(continued.entries()).isEqualTo(8);
        assertThat(skipped.intact()).isFalse();
        assertThat(skipped.firstBad()).contains(7L);
        assertThat(elsewhere.intact()).isFalse();
    }

    @Test
    void editedTextIsFoundAtItsEntry() {
        List<TimelineEntry> entries = chain(5);
        TimelineEntry third = entries.get(2);
        List<TimelineEntry> edited = new ArrayList<>(entries);
        edited.set(2, new TimelineEntry(7, 3, third.at(), third.kind(), third.actor(), "nothing happened",
                third.previousHash(), third.hash()));

        TimelineVerification result = TimelineChain.verify(7, edited, Optional.of(head(entries)));

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBad()).contains(3L);
        assertThat(result.problem().orElseThrow()).contains("changed");
    }

    @Test
    void deletedEntryIsFound() {
        List<TimelineEntry> entries = new ArrayList<>(chain(5));
        TimelineChain.Head head = head(entries);
        entries.remove(1);

        TimelineVerification result = TimelineChain.verify(7, entries, Optional.of(head));

        assertThat(result.firstBad()).contains(3L);
        assertThat(result.problem().orElseThrow()).contains("entry 2 is missing");
    }

    @Test
    void reorderedEntriesAreFound() {
        List<TimelineEntry> entries = new ArrayList<>(chain(5));
        TimelineChain.Head head = head(entries);
        Collections.swap(entries, 1, 2);

        assertThat(TimelineChain.verify(7, entries, Optional.of(head)).intact()).isFalse();
    }

    @Test
    void entriesCutFromTheEndAreFoundThroughTheHead() {
        List<TimelineEntry> entries = new ArrayList<>(chain(5));
        TimelineChain.Head head = head(entries);
        entries.removeLast();

        TimelineVerification result = TimelineChain.verify(7, entries, Optional.of(head));

        assertThat(result.intact()).isFalse();
        assertThat(result.problem().orElseThrow()).contains("removed from the end");
    }
}
