package dev.firebreak.engine.store.internal;

import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.store.Settings;
import dev.firebreak.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/** {@link Settings} on the {@code settings} table. */
public final class JdbcSettings implements Settings {

    private static final int MAX_KEY = 200;
    private static final int MAX_VALUE = 4_000;

    private final Database database;

    public JdbcSettings(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<String> get(String key) {
        checkKey(key);
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT setting_value FROM settings WHERE setting_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void put(String key, String value) {
        checkKey(key);
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("setting values are at most " + MAX_VALUE + " characters, '" + key + "' has " + value.length());
        }
        try (Connection connection = database.connection();
                PreparedStatement merge = connection.prepareStatement(
                        "MERGE INTO settings (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)")) {
            merge.setString(1, key);
            merge.setString(2, value);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public void remove(String key) {
        checkKey(key);
        try (Connection connection = database.connection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM settings WHERE setting_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("remove", key, e);
        }
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("setting keys are 1-" + MAX_KEY + " characters and not blank, was '" + key + "'");
        }
    }

    private StoreException failure(String verb, String key, SQLException e) {
        return new StoreException("Cannot " + verb + " setting '" + key + "' in " + database.description() + ": " + e.getMessage(), e);
    }
}
