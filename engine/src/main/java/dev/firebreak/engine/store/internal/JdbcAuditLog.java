package dev.firebreak.engine.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.firebreak.engine.store.AuditEntry;
import dev.firebreak.engine.store.AuditLog;
import dev.firebreak.engine.store.AuditVerification;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.store.Redactor;
import dev.firebreak.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AuditLog} on the {@code audit_log} table.
 *
 * <p>The hash covers a length-prefixed encoding of every field, so no two different entries can
 * produce the same hashed text by moving characters between fields. The newest sequence number and
 * hash are also kept in the one-row {@code audit_head} table: the chain alone cannot tell that its
 * last entries were deleted, the head record can (unless it was rewritten too).
 */
public final class JdbcAuditLog implements AuditLog {

    /** The previous hash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String COLUMNS = "seq, recorded_at, actor, action, subject, details, previous_hash, hash";

    private final Database database;
    private final Clock clock;

    public JdbcAuditLog(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuditEntry append(String actor, String action, String subject, Map<String, ?> details) {
        Objects.requireNonNull(details, "details");
        try {
            return appendRedacted(actor, action, subject, JSON.writeValueAsString(Redactor.redact(details)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public AuditEntry append(String actor, String action, String subject, String details) {
        return appendRedacted(actor, action, subject, Redactor.redactText(Objects.requireNonNull(details, "details")));
    }

    /** Synchronized so two threads cannot both link to the same previous entry. */
    private synchronized AuditEntry appendRedacted(String actor, String action, String subject, String details) {
        requireText(actor, "actor");
        requireText(action, "action");
        Objects.requireNonNull(subject, "subject");
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                AuditEntry entry = next(connection, actor, action, Redactor.redactText(subject), details);
                insert(connection, entry);
                writeHead(connection, entry);
                connection.commit();
                return entry;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot append to the audit log in " + database.description() + ": " + e.getMessage(), e);
        }
    }

    private AuditEntry next(Connection connection, String actor, String action, String subject, String details)
            throws SQLException {
        long seq = 1;
        String previousHash = GENESIS_HASH;
        try (PreparedStatement last = connection.prepareStatement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
                ResultSet row = last.executeQuery()) {
            if (row.next()) {
                seq = row.getLong(1) + 1;
                previousHash = row.getString(2);
            }
        }
        // Millisecond precision survives the TIMESTAMP(3) column unchanged, so the hash can be recomputed.
        Instant timestamp = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = hash(seq, timestamp, actor, action, subject, details, previousHash);
        return new AuditEntry(seq, timestamp, actor, action, subject, details, previousHash, hash);
    }

    static String hash(long seq, Instant timestamp, String actor, String action, String subject, String details,
            String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : List.of(Long.toString(seq), timestamp.toString(), actor, action, subject, details, previousHash)) {
            canonical.append(field.length()).append(':').append(field).append('\n');
        }
        return Sha256.hex(canonical.toString());
    }

    private static void insert(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.seq());
            insert.setObject(2, OffsetDateTime.ofInstant(entry.timestamp(), ZoneOffset.UTC));
            insert.setString(3, entry.actor());
            insert.setString(4, entry.action());
            insert.setString(5, entry.subject());
            insert.setString(6, entry.details());
            insert.setString(7, entry.previousHash());
            insert.setString(8, entry.hash());
            insert.executeUpdate();
        }
    }

    private static void writeHead(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO audit_head (id, seq, hash) KEY (id) VALUES (1, ?, ?)")) {
            merge.setLong(1, entry.seq());
            merge.setString(2, entry.hash());
            merge.executeUpdate();
        }
    }

    @Override
    public List<AuditEntry> entries(long fromSeq, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?")) {
            select.setLong(1, fromSeq);
            select.setInt(2, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(read(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the audit log in " + database.description() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long size() {
        try (Connection connection = database.connection();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM audit_log");
                ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Cannot count the audit log in " + database.description() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AuditVerification verify() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq");
                ResultSet rows = select.executeQuery()) {
            return new ChainWalk(readHead(connection)).walk(rows);
        } catch (SQLException e) {
            throw new StoreException("Cannot verify the audit log in " + database.description() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> readHead(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getLong(1) + ":" + row.getString(2)) : Optional.empty();
        }
    }

    static AuditEntry read(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8));
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
