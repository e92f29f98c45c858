package dev.firebreak.engine.rca.internal;

import dev.firebreak.engine.rca.Feedback;
import dev.firebreak.engine.rca.FeedbackStore;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Verdicts in the console's H2 database (table {@code rca_feedback}, migration V4). */
public final class JdbcFeedbackStore implements FeedbackStore {

    /** Signature entries are "node/metric"; node ids never hold a line break, so one entry a line. */
    private static final String SEPARATOR = "\n";

    private final Database database;

    public JdbcFeedbackStore(Database database) {
        this.database = database;
    }

    @Override
    public synchronized void add(Feedback feedback) {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO rca_feedback (incident_id, reference,"
                        + " component, kind, confirmed, actor, recorded_at, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, feedback.incidentId());
            insert.setString(2, feedback.reference());
            insert.setString(3, feedback.component());
            insert.setString(4, feedback.kind());
            insert.setBoolean(5, feedback.confirmed());
            insert.setString(6, feedback.actor());
            insert.setObject(7, OffsetDateTime.ofInstant(feedback.at(), ZoneOffset.UTC));
            insert.setString(8, String.join(SEPARATOR, feedback.signature()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot store the verdict on " + feedback.component() + " for " + feedback.reference()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Feedback> all() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT incident_id, reference, component, kind,"
                        + " confirmed, actor, recorded_at, signature FROM rca_feedback ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            List<Feedback> result = new ArrayList<>();
            while (rows.next()) {
                String signature = rows.getString(8);
                Set<String> entries = signature.isEmpty() ? Set.of()
                        : new LinkedHashSet<>(Arrays.asList(signature.split(SEPARATOR)));
                result.add(new Feedback(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getBoolean(5), rows.getString(6), rows.getObject(7, OffsetDateTime.class).toInstant(), entries));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("Cannot read root-cause verdicts: " + e.getMessage(), e);
        }
    }
}
