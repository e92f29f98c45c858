package dev.firebreak.engine.store;

import dev.firebreak.engine.store.internal.JdbcAuditLog;
import dev.firebreak.engine.store.internal.JdbcSettings;
import dev.firebreak.engine.store.internal.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The console's local H2 database: the audit log and settings, with the schema brought up to date on open.
 *
 * <p>Take the {@link DataDirectoryLock} before {@link #openFile(Path)}: H2 would refuse a second
 * opener too, but with a message no operator can act on. One connection is held open for the life of
 * this object so an in-memory database is not dropped between operations and a file database is not
 * re-opened for each one.
 */
public final class Database implements AutoCloseable {

    /** The database file inside the data directory is {@value #FILE_BASE_NAME}.mv.db. */
    public static final String FILE_BASE_NAME = "firebreak";

    private static final Pattern MEMORY_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final JdbcDataSource dataSource;
    private final Connection keeper;
    private final String description;
    private final Optional<Path> file;
    private final Clock clock;
    private final AuditLog auditLog;
    private final Settings settings;

    private Database(String url, String description, Optional<Path> file, Clock clock) {
        this.dataSource = new JdbcDataSource();
        this.dataSource.setURL(url);
        this.description = description;
        this.file = file;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keeper = openKeeper();
        try {
            Migrator.defaults(clock).migrate(keeper, description);
        } catch (SQLException e) {
            closeQuietly();
            throw new StoreException("Cannot prepare the database " + description + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            closeQuietly();
            throw e;
        }
        this.settings = new JdbcSettings(this);
        this.auditLog = new JdbcAuditLog(this, clock);
    }

    /** Opens (creating if needed) the database in {@code dataDir} with the system clock. */
    public static Database openFile(Path dataDir) {
        return openFile(dataDir, Clock.systemUTC());
    }

    /**
     * Opens (creating if needed) {@code <dataDir>/firebreak.mv.db} and migrates it.
     *
     * @param clock stamps migrations and audit entries
     * @throws StoreException naming the file if it is damaged, in use, or from a newer Firebreak
     */
    public static Database openFile(Path dataDir, Clock clock) {
        Path directory = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
        Path base = directory.resolve(FILE_BASE_NAME);
        Path mvFile = directory.resolve(FILE_BASE_NAME + ".mv.db");
        // WRITE_DELAY=0: a commit reaches the file before the call returns, so a console killed with kill -9
        // loses no audit or timeline entry it had shown (H2 otherwise writes commits up to 500 ms later)
        return new Database("jdbc:h2:file:" + base + ";WRITE_DELAY=0", mvFile.toString(), Optional.of(mvFile), clock);
    }

    /** A private in-memory database, gone when closed; for tests and demos. */
    public static Database inMemory(String name) {
        return inMemory(name, Clock.systemUTC());
    }

    public static Database inMemory(String name, Clock clock) {
        if (!MEMORY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("in-memory database names are 1-100 letters, digits, _ or -, was '" + name + "'");
        }
        return new Database("jdbc:h2:mem:" + name, "in-memory database '" + name + "'", Optional.empty(), clock);
    }

    private Connection openKeeper() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw openFailure(e);
        }
    }

    private StoreException openFailure(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new StoreException("The database " + description
                    + " is already open in another program. Close it, or use another --data-dir.", e);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.GENERAL_ERROR_1 ->
                    new StoreException("The database file " + description + " is damaged or is not a Firebreak"
                            + " database. Move it away to start with an empty database, or restore it from a backup."
                            + " (H2 said: " + firstLine(e.getMessage()) + ")", e);
            default -> new StoreException("Cannot open the database " + description + ": " + firstLine(e.getMessage()), e);
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * A new connection for store implementations; the caller closes it. Auto-commit is on.
     *
     * @throws StoreException if the database is closed or broken
     */
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("Cannot connect to the database " + description + ": " + firstLine(e.getMessage()), e);
        }
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public Settings settings() {
        return settings;
    }

    /** The clock that stamps this database's records. */
    public Clock clock() {
        return clock;
    }

    /** The .mv.db file, or empty for an in-memory database. */
    public Optional<Path> file() {
        return file;
    }

    /** For messages: the file path or the in-memory name. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            keeper.close();
        } catch (SQLException e) {
            throw new StoreException("Cannot close the database " + description + ": " + firstLine(e.getMessage()), e);
        }
    }

    private void closeQuietly() {
        try {
            keeper.close();
        } catch (SQLException suppressed) {
            // Already failing to open; the original error is the one worth reporting.
        }
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }
}
