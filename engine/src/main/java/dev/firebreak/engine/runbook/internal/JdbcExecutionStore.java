package dev.firebreak.engine.runbook.internal;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.runbook.RunbookOutcome;
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

/** Executions in the console's H2 database, one snapshot row each, committed before {@link #save} returns. */
public final class JdbcExecutionStore implements ExecutionStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcExecutionStore.class);
    private final Database database;
    private long lastId = -1;

    public JdbcExecutionStore(Database database) {
        this.database = database;
    }

    @Override
    public synchronized long nextId() {
        if (lastId < 0) {
            try (Connection connection = database.connection();
                    PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM runbook_execution");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                lastId = rows.getLong(1);
            } catch (SQLException e) {
                throw new StoreException("Cannot read runbook executions: " + e.getMessage(), e);
            }
        }
        return ++lastId;
    }

    @Override
    public synchronized void save(Execution execution) {
        try (Connection connection = database.connection();
                PreparedStatement merge = connection.prepareStatement("MERGE INTO runbook_execution"
                        + " (id, runbook_id, state, updated_at, snapshot) KEY (id) VALUES (?, ?, ?, ?, ?)")) {
            merge.setLong(1, execution.id());
            merge.setString(2, execution.runbook().id());
            merge.setString(3, execution.state().name());
            merge.setObject(4, OffsetDateTime.ofInstant(execution.updatedAt(), ZoneOffset.UTC));
            merge.setString(5, ExecutionJson.write(execution));
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot save runbook execution " + execution.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Execution> loadAll() {
        List<Execution> executions = new ArrayList<>();
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement("SELECT id, snapshot FROM runbook_execution ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                try {
                    executions.add(ExecutionJson.read(rows.getString(2)));
                } catch (IllegalArgumentException e) {
                    LOG.error("Runbook execution {} cannot be read and is left as stored: {}", rows.getLong(1), e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read runbook executions: " + e.getMessage(), e);
        }
        return executions;
    }

    @Override
    public synchronized void saveOutcome(RunbookOutcome outcome) {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO runbook_outcome"
                        + " (runbook_id, succeeded, fault_kind, duration_ms, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, outcome.runbookId());
            insert.setBoolean(2, outcome.succeeded());
            insert.setString(3, outcome.faultKind());
            insert.setLong(4, outcome.duration().toMillis());
            insert.setString(5, outcome.actor());
            insert.setObject(6, OffsetDateTime.ofInstant(outcome.at(), ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the outcome of runbook " + outcome.runbookId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<RunbookOutcome> outcomes() {
        List<RunbookOutcome> outcomes = new ArrayList<>();
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement("SELECT runbook_id, succeeded, fault_kind, duration_ms,"
                        + " actor, recorded_at FROM runbook_outcome ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                outcomes.add(new RunbookOutcome(rows.getString(1), rows.getBoolean(2), rows.getString(3),
                        java.time.Duration.ofMillis(rows.getLong(4)), rows.getString(5),
                        rows.getObject(6, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read runbook outcomes: " + e.getMessage(), e);
        }
        return outcomes;
    }
}
