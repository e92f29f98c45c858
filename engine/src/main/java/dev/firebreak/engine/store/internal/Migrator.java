package dev.firebreak.engine.store.internal;

import dev.firebreak.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database schema up to date by applying each versioned script exactly once.
 *
 * <p>Applied scripts are recorded in {@code schema_version} with their checksum. A script that was
 * applied and has since been edited is an error, because the database no longer matches what the code
 * believes it is; the fix is a new script, never an edited one. Each script runs in its own transaction
 * together with its {@code schema_version} row. H2 commits DDL implicitly, so a script that fails half
 * way can leave the statements before the failure applied; scripts therefore hold one change each.
 */
public final class Migrator {

    /** Where the engine's own scripts live on the classpath. */
    public static final String DEFAULT_BASE = "dev/firebreak/engine/store/migrations";
    /** The engine's scripts, in order. A new script is added here and never edited once released. */
    public static final List<String> DEFAULT_SCRIPTS = List.of("V1__audit_log.sql", "V2__settings.sql", "V3__incidents.sql",
            "V4__rca_feedback.sql", "V5__runbook_executions.sql", "V6__healing.sql");

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final List<Migration> migrations;
    private final Clock clock;

    public Migrator(List<Migration> migrations, Clock clock) {
        this.migrations = List.copyOf(migrations);
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < this.migrations.size(); i++) {
            if (this.migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration versions must run 1, 2, 3... without gaps; "
                        + this.migrations.get(i).name() + " is at position " + (i + 1));
            }
        }
    }

    public static Migrator defaults(Clock clock) {
        return new Migrator(DEFAULT_SCRIPTS.stream().map(name -> Migration.load(DEFAULT_BASE, name)).toList(), clock);
    }

    /**
     * Applies the scripts that are not applied yet.
     *
     * @return how many scripts were applied now
     * @throws StoreException if an applied script changed, the database is newer than the scripts, or a script fails
     */
    public int migrate(Connection connection, String databaseName) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, name VARCHAR(200)"
                    + " NOT NULL, checksum CHAR(64) NOT NULL, applied_at TIMESTAMP(3) WITH TIME ZONE NOT NULL)");
        }
        Map<Integer, String[]> applied = applied(connection);
        int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > migrations.size()) {
            throw new StoreException("The database " + databaseName + " has schema version " + newest
                    + " but this Firebreak only knows versions up to " + migrations.size()
                    + "; it was written by a newer Firebreak. Use that version, or another --data-dir.");
        }
        int count = 0;
        for (Migration migration : migrations) {
            String[] record = applied.get(migration.version());
            if (record == null) {
                apply(connection, migration);
                count++;
            } else if (!record[1].equals(migration.checksum())) {
                throw new StoreException("Migration " + migration.name() + " was changed after it was applied to "
                        + databaseName + " (checksum " + record[1] + " recorded, " + migration.checksum()
                        + " now). Restore the original script and put the change in a new migration.");
            }
        }
        return count;
    }

    private static Map<Integer, String[]> applied(Connection connection) throws SQLException {
        Map<Integer, String[]> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, name, checksum FROM schema_version")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), new String[] {rows.getString(2), rows.getString(3)});
            }
        }
        return applied;
    }

    private void apply(Connection connection, Migration migration) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, migration.version());
                insert.setString(2, migration.name());
                insert.setString(3, migration.checksum());
                insert.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.executeUpdate();
            }
            connection.commit();
            LOG.info("Applied schema migration {}", migration.name());
        } catch (SQLException e) {
            connection.rollback();
            throw new StoreException("Migration " + migration.name() + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
