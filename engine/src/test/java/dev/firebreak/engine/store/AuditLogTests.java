package dev.firebreak.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTests {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final AtomicLong NAMES = new AtomicLong();

    private Clock clock;
    private Database database;
    private AuditLog log;

    @BeforeEach
    void open() {
        clock = Clock.fixed(START, ZoneOffset.UTC);
        database = Database.inMemory("audit-tests-" + NAMES.incrementAndGet(), clock);
        log = database.auditLog();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void appendChainsEachEntryToThePreviousOne() {
        AuditEntry first = log.append("alice", "fault.injected", "payments", Map.of("type", "latency", "ms", 300));
        AuditEntry second = log.append("engine", "remediation.applied", "payments", "restarted 2 replicas");

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo("0".repeat(64));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).hasSize(64).isNotEqualTo(first.hash());
    }

    @Test
    void appendStampsTheInjectedClockAtMillisecondPrecision() {
        AuditEntry entry = log.append("alice", "login", "console", "");

        assertThat(entry.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:00:00.123Z"));
    }

    @Test
    void appendStoresStructuredDetailsAsCanonicalJson() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("zeta", 1);
        details.put("alpha", List.of("a", "b"));

        AuditEntry entry = log.append("alice", "settings.changed", "theme", details);

        assertThat(entry.details()).isEqualTo("{\"alpha\":[\"a\",\"b\"],\"zeta\":1}");
    }

    @Test
    void entriesReadBackWhatWasAppended() {
        AuditEntry first = log.append("alice", "a", "s1", "one");
        AuditEntry second = log.append("bob", "b", "s2", "two");

        assertThat(log.entries(1, 10)).containsExactly(first, second);
        assertThat(log.entries(2, 10)).containsExactly(second);
        assertThat(log.size()).isEqualTo(2);
    }

    @Test
    void verifyAcceptsAnUntouchedChain() {
        appendFive();

        AuditVerification verification = log.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(5);
    }

    @Test
    void verifyFindsChangedDetails() throws SQLException {
        appendFive();

        tamper("UPDATE audit_log SET details = 'nothing happened' WHERE seq = 3");

        AuditVerification verification = log.verify();
        assertThat(verification.firstBreak()).hasValueSatisfying(broken -> {
            assertThat(broken.seq()).isEqualTo(3);
            assertThat(broken.problem()).contains("content does not match its hash");
        });
        assertThat(verification.entriesChecked()).isEqualTo(2);
    }

    @Test
    void verifyFindsADeletedEntry() throws SQLException {
        appendFive();

        tamper("DELETE FROM audit_log WHERE seq = 2");

        assertThat(log.verify().firstBreak()).hasValueSatisfying(broken -> {
            assertThat(broken.seq()).isEqualTo(2);
            assertThat(broken.problem()).isEqualTo("entry 2 is missing (next entry found is 3)");
        });
    }

    @Test
    void verifyFindsSwappedEntries() throws SQLException {
        appendFive();

        tamper("UPDATE audit_log SET seq = 100 WHERE seq = 2",
                "UPDATE audit_log SET seq = 2 WHERE seq = 3",
                "UPDATE audit_log SET seq = 3 WHERE seq = 100");

        assertThat(log.verify().firstBreak()).hasValueSatisfying(broken -> {
            assertThat(broken.seq()).isEqualTo(2);
            assertThat(broken.problem()).startsWith("previous hash does not match entry 1");
        });
    }

    @Test
    void verifyFindsEntriesRemovedFromTheEnd() throws SQLException {
        appendFive();

        tamper("DELETE FROM audit_log WHERE seq >= 4");

        assertThat(log.verify().firstBreak()).hasValueSatisfying(broken -> {
            assertThat(broken.seq()).isEqualTo(4);
            assertThat(broken.problem()).contains("last append was entry 5");
        });
    }

    @Test
    void appendRedactsSecretsBeforeHashingAndStoring() {
        AuditEntry structured = log.append("alice", "integration.added", "pagerduty",
                Map.of("url", "https://events.example", "apiKey", "pd-123456"));
        AuditEntry text = log.append("alice", "login", "console", "user=alice password=hunter2");

        assertThat(structured.details()).doesNotContain("pd-123456").contains("\"apiKey\":\"***\"");
        assertThat(text.details()).isEqualTo("user=alice password=***");
        assertThat(log.entries(1, 10)).extracting(AuditEntry::details).noneMatch(d -> d.contains("hunter2"));
        assertThat(log.verify().intact()).isTrue();
    }

    private void appendFive() {
        for (int i = 1; i <= 5; i++) {
            clock = Clock.offset(clock, Duration.ofSeconds(1));
            log.append("engine", "tick", "component-" + i, Map.of("n", i));
        }
    }

    private void tamper(String... statements) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }
}
