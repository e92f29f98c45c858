package dev.firebreak.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.firebreak.engine.store.internal.Migrator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void openFileAppliesEveryMigrationOnce() throws SQLException {
        try (Database database = Database.openFile(dataDir, CLOCK)) {
            assertThat(schemaVersions(database)).containsExactly("1 V1__audit_log.sql", "2 V2__settings.sql", "3 V3__incidents.sql",
                    "4 V4__rca_feedback.sql", "5 V5__runbook_executions.sql", "6 V6__healing.sql");
        }

        assertThat(dataDir.resolve("firebreak.mv.db")).exists();
    }

    @Test
    void reopenLeavesAppliedMigrationsAndDataAlone() throws SQLException {
        try (Database first = Database.openFile(dataDir, CLOCK)) {
            first.settings().put("theme", "dark");
        }

        try (Database again = Database.openFile(dataDir, CLOCK)) {
            assertThat(schemaVersions(again)).hasSize(Migrator.DEFAULT_SCRIPTS.size());
            assertThat(again.settings().get("theme")).contains("dark");
        }
    }

    @Test
    void openFileRejectsAnAppliedMigrationWhoseChecksumChanged() throws SQLException {
        try (Database database = Database.openFile(dataDir, CLOCK);
                Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE schema_version SET checksum = '" + "a".repeat(64) + "' WHERE version = 1");
        }

        assertThatExceptionOfType(StoreException.class).isThrownBy(() -> Database.openFile(dataDir, CLOCK))
                .withMessageContaining("Migration V1__audit_log.sql was changed after it was applied")
                .withMessageContaining(dataDir.resolve("firebreak.mv.db").toString());
    }

    @Test
    void openFileRejectsDatabaseFromNewerFirebreak() throws SQLException {
        try (Database database = Database.openFile(dataDir, CLOCK);
                Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO schema_version VALUES (99, 'V99__future.sql', '" + "b".repeat(64)
                    + "', TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00+00')");
        }

        assertThatExceptionOfType(StoreException.class).isThrownBy(() -> Database.openFile(dataDir, CLOCK))
                .withMessageContaining("has schema version 99")
                .withMessageContaining("newer Firebreak");
    }

    @Test
    void openFileNamesTheFileWhenItIsCorrupt() throws IOException {
        Path file = dataDir.resolve("firebreak.mv.db");
        Files.writeString(file, "this is not an H2 database, just some garbage text\n".repeat(200), StandardCharsets.UTF_8);

        assertThatExceptionOfType(StoreException.class).isThrownBy(() -> Database.openFile(dataDir, CLOCK))
                .withMessageStartingWith("The database file " + file + " is damaged or is not a Firebreak database");
    }

    @Test
    void inMemoryDatabasesAreSeparateAndMigrated() {
        try (Database one = Database.inMemory("db-tests-one", CLOCK); Database two = Database.inMemory("db-tests-two", CLOCK)) {
            one.settings().put("theme", "light");

            assertThat(two.settings().get("theme")).isEmpty();
            assertThat(one.file()).isEmpty();
        }
    }

    private static List<String> schemaVersions(Database database) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, name FROM schema_version ORDER BY version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1) + " " + rows.getString(2));
            }
        }
        return versions;
    }
}
