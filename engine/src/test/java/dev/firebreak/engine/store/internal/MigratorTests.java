package dev.firebreak.engine.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.firebreak.engine.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigratorTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    private static final String ORIGINAL = "store/migrations-original";

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:migrator-tests");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void migrateAppliesPendingScriptsOnlyOnce() throws SQLException {
        Migrator migrator = new Migrator(List.of(Migration.load(ORIGINAL, "V1__things.sql"),
                Migration.load(ORIGINAL, "V2__more_things.sql")), CLOCK);

        int first = migrator.migrate(connection, "test");
        int second = migrator.migrate(connection, "test");

        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(count("more_things")).isEqualTo(2);
    }

    @Test
    void migrateAppliesOnlyTheNewScriptAfterAnUpgrade() throws SQLException {
        new Migrator(List.of(Migration.load(ORIGINAL, "V1__things.sql")), CLOCK).migrate(connection, "test");

        int applied = new Migrator(List.of(Migration.load(ORIGINAL, "V1__things.sql"),
                Migration.load(ORIGINAL, "V2__more_things.sql")), CLOCK).migrate(connection, "test");

        assertThat(applied).isEqualTo(1);
        assertThat(count("schema_version")).isEqualTo(2);
    }

    @Test
    void migrateNamesAScriptEditedAfterItWasApplied() throws SQLException {
        new Migrator(List.of(Migration.load(ORIGINAL, "V1__things.sql")), CLOCK).migrate(connection, "test.mv.db");
        Migrator edited = new Migrator(List.of(Migration.load("store/migrations-edited", "V1__things.sql")), CLOCK);

        assertThatExceptionOfType(StoreException.class).isThrownBy(() -> edited.migrate(connection, "test.mv.db"))
                .withMessageStartingWith("Migration V1__things.sql was changed after it was applied to test.mv.db");
    }

    @Test
    void migratorRejectsGapsInVersions() {
        Migration second = Migration.load(ORIGINAL, "V2__more_things.sql");

        assertThatIllegalArgumentException().isThrownBy(() -> new Migrator(List.of(second), CLOCK))
                .withMessageContaining("V2__more_things.sql is at position 1");
    }

    @Test
    void statementsSkipCommentsAndSplitOnLineEndingSemicolons() {
        Migration migration = Migration.load(ORIGINAL, "V2__more_things.sql");

        assertThat(migration.statements()).containsExactly("CREATE TABLE more_things (id INT PRIMARY KEY)",
                "INSERT INTO more_things VALUES (1)", "INSERT INTO more_things VALUES (2)");
    }

    private int count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getInt(1);
        }
    }
}
