package dev.firebreak.engine.heal.internal;

import dev.firebreak.engine.heal.HaltRecord;
import dev.firebreak.engine.heal.HaltStore;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** HALT presses and releases in the console's H2 database (migration V6). */
public final class JdbcHaltStore implements HaltStore {

    private final Database database;

    public JdbcHaltStore(Database database) {
        this.database = database;
    }

    @Override
    public synchronized void append(HaltRecord record) {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO halt_record (recorded_at, person,"
                        + " latched, reason) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, OffsetDateTime.ofInstant(record.at(), ZoneOffset.UTC));
            insert.setString(2, record.person());
            insert.setBoolean(3, record.latched());
            insert.setString(4, record.reason());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record HALT: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<HaltRecord> latest() {
        List<HaltRecord> records = query("SELECT recorded_at, person, latched, reason FROM halt_record ORDER BY id DESC"
                + " LIMIT 1");
        return records.isEmpty() ? Optional.empty() : Optional.of(records.getFirst());
    }

    @Override
    public synchronized List<HaltRecord> history() {
        return query("SELECT recorded_at, person, latched, reason FROM halt_record ORDER BY id");
    }

    private List<HaltRecord> query(String sql) {
        List<HaltRecord> records = new ArrayList<>();
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                records.add(new HaltRecord(rows.getObject(1, OffsetDateTime.class).toInstant(), rows.getString(2),
                        rows.getBoolean(3), rows.getString(4)));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read HALT records: " + e.getMessage(), e);
        }
        return records;
    }
}
