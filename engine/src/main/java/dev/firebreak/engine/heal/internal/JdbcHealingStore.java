package dev.firebreak.engine.heal.internal;

import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingStore;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decisions and actions in the console's H2 database (migration V6), one JSON snapshot a row. */
public final class JdbcHealingStore implements HealingStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcHealingStore.class);
    private final Database database;
    private long lastDecision = -1;
    private long lastAction = -1;

    public JdbcHealingStore(Database database) {
        this.database = database;
    }

    @Override
    public synchronized long nextDecisionId() {
        if (lastDecision < 0) {
            lastDecision = max("healing_decision");
        }
        return ++lastDecision;
    }

    @Override
    public synchronized long nextActionId() {
        if (lastAction < 0) {
            lastAction = max("healing_action");
        }
        return ++lastAction;
    }

    private long max(String table) {
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM " + table);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Cannot read " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void save(HealingDecision decision) {
        try (Connection connection = database.connection();
                PreparedStatement merge = connection.prepareStatement("MERGE INTO healing_decision"
                        + " (id, incident_id, decided_at, snapshot) KEY (id) VALUES (?, ?, ?, ?)")) {
            merge.setLong(1, decision.id());
            merge.setObject(2, decision.incidentId().orElse(null));
            merge.setObject(3, OffsetDateTime.ofInstant(decision.at(), ZoneOffset.UTC));
            merge.setString(4, HealingJson.write(decision));
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot save healing decision " + decision.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void save(HealingAction action) {
        try (Connection connection = database.connection();
                PreparedStatement merge = connection.prepareStatement("MERGE INTO healing_action"
                        + " (id, state, updated_at, snapshot) KEY (id) VALUES (?, ?, ?, ?)")) {
            merge.setLong(1, action.id());
            merge.setString(2, action.state().name());
            merge.setObject(3, OffsetDateTime.ofInstant(action.updatedAt(), ZoneOffset.UTC));
            merge.setString(4, HealingJson.write(action));
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot save healing action " + action.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<HealingDecision> decisions() {
        List<HealingDecision> list = new ArrayList<>();
        read("SELECT id, snapshot FROM healing_decision ORDER BY id", json -> list.add(HealingJson.readDecision(json)));
        return list;
    }

    @Override
    public synchronized List<HealingAction> actions() {
        List<HealingAction> list = new ArrayList<>();
        read("SELECT id, snapshot FROM healing_action ORDER BY id", json -> list.add(HealingJson.readAction(json)));
        return list;
    }

    private void read(String sql, java.util.function.Consumer<String> each) {
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                try {
                    each.accept(rows.getString(2));
                } catch (IllegalArgumentException e) {
                    LOG.error("Healing row {} cannot be read and is left as stored: {}", rows.getLong(1), e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read healing records: " + e.getMessage(), e);
        }
    }
}
