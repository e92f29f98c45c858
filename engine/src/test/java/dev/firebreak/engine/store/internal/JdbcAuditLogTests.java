package dev.firebreak.engine.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.store.AuditEntry;
import dev.firebreak.engine.store.AuditVerification;
import dev.firebreak.engine.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JdbcAuditLogTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void verifyCatchesAForgerWhoRecomputesTheChangedEntrysHash() throws SQLException {
        try (Database database = Database.inMemory("jdbc-audit-forger", CLOCK)) {
            for (int i = 1; i <= 4; i++) {
                database.auditLog().append("alice", "approve", "change-" + i, "ok");
            }
            AuditEntry third = database.auditLog().entries(3, 1).getFirst();
            String forgedHash = JdbcAuditLog.hash(3, third.timestamp(), "mallory", third.action(), third.subject(),
                    third.details(), third.previousHash());

            try (Connection connection = database.connection();
                    PreparedStatement update = connection.prepareStatement("UPDATE audit_log SET actor = 'mallory', hash = ? WHERE seq = 3")) {
                update.setString(1, forgedHash);
                update.executeUpdate();
            }

            AuditVerification verification = database.auditLog().verify();
            assertThat(verification.firstBreak()).hasValueSatisfying(broken -> {
                assertThat(broken.seq()).isEqualTo(4);
                assertThat(broken.problem()).startsWith("previous hash does not match entry 3");
            });
        }
    }

    @Test
    void hashDependsOnFieldBoundaries() {
        Instant at = Instant.parse("2026-03-01T09:00:00Z");

        String one = JdbcAuditLog.hash(1, at, "ab", "c", "s", "d", JdbcAuditLog.GENESIS_HASH);
        String other = JdbcAuditLog.hash(1, at, "a", "bc", "s", "d", JdbcAuditLog.GENESIS_HASH);

        assertThat(one).isNotEqualTo(other);
    }
}
