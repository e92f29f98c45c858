package dev.firebreak.engine.incident.internal;

import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.incident.IncidentType;
import dev.firebreak.engine.incident.Role;
import dev.firebreak.engine.incident.TimelineChain;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incidents in the console's H2 database. An entry and its incident's new head are written in one transaction,
 * committed before {@link #append} returns.
 */
public final class JdbcIncidentStore implements IncidentStore {

    private static final String INCIDENT_COLUMNS = "id, title, severity, computed_severity, severity_override, incident_type,"
            + " state, opened_at, acknowledged_by, acknowledged_at, resolved_at, components, alert_count, roles,"
            + " last_activity, last_status_update, head_seq, head_hash";
    private final Database database;

    public JdbcIncidentStore(Database database) {
        this.database = database;
    }

    @Override
    public synchronized void append(TimelineEntry entry, Incident incident) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incident_timeline"
                    + " (incident_id, seq, recorded_at, kind, actor, text, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, entry.incidentId());
                insert.setLong(2, entry.seq());
                insert.setObject(3, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
                insert.setString(4, entry.kind().name());
                insert.setString(5, entry.actor());
                insert.setString(6, entry.text());
                insert.setString(7, entry.previousHash());
                insert.setString(8, entry.hash());
                insert.executeUpdate();
            }
            merge(connection, incident);
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException("Cannot write timeline entry " + entry.seq() + " of " + incident.key() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void save(Incident incident) {
        try (Connection connection = database.connection()) {
            merge(connection, incident);
        } catch (SQLException e) {
            throw new StoreException("Cannot save " + incident.key() + ": " + e.getMessage(), e);
        }
    }

    private static void merge(Connection connection, Incident incident) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO incident (" + INCIDENT_COLUMNS
                + ") KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            merge.setLong(1, incident.id());
            merge.setString(2, incident.title());
            merge.setString(3, incident.severity().name());
            merge.setString(4, incident.computedSeverity().name());
            merge.setString(5, incident.severityOverride().orElse(null));
            merge.setString(6, incident.type().name());
            merge.setString(7, incident.state().name());
            merge.setObject(8, time(incident.openedAt()));
            merge.setString(9, incident.acknowledgedBy().orElse(null));
            merge.setObject(10, incident.acknowledgedAt().map(JdbcIncidentStore::time).orElse(null));
            merge.setObject(11, incident.resolvedAt().map(JdbcIncidentStore::time).orElse(null));
            merge.setString(12, String.join(",", incident.components()));
            merge.setLong(13, incident.alertCount());
            merge.setString(14, roles(incident.roles()));
            merge.setObject(15, time(incident.lastActivity()));
            merge.setObject(16, incident.lastStatusUpdate().map(JdbcIncidentStore::time).orElse(null));
            merge.setLong(17, incident.timelineHead().seq());
            merge.setString(18, incident.timelineHead().hash());
            merge.executeUpdate();
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String roles(Map<Role, String> roles) {
        StringBuilder text = new StringBuilder();
        roles.forEach((role, person) -> text.append(role.name()).append('=').append(person.replace(";", ",")).append(';'));
        return text.toString();
    }

    private static Map<Role, String> roles(String text) {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                roles.put(Role.valueOf(pair.substring(0, eq)), pair.substring(eq + 1));
            }
        }
        return roles;
    }

    @Override
    public synchronized List<Incident> incidents() {
        List<Incident> incidents = new ArrayList<>();
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT " + INCIDENT_COLUMNS + " FROM incident ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                incidents.add(new Incident(rows.getLong(1), rows.getString(2), IncidentSeverity.valueOf(rows.getString(3)),
                        IncidentSeverity.valueOf(rows.getString(4)), Optional.ofNullable(rows.getString(5)),
                        IncidentType.valueOf(rows.getString(6)), IncidentState.valueOf(rows.getString(7)), instant(rows, 8),
                        Optional.ofNullable(rows.getString(9)), Optional.ofNullable(instant(rows, 10)),
                        Optional.ofNullable(instant(rows, 11)), components(rows.getString(12)), rows.getLong(13),
                        roles(rows.getString(14)), instant(rows, 15), Optional.ofNullable(instant(rows, 16)),
                        new TimelineChain.Head(rows.getLong(17), rows.getString(18))));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read incidents: " + e.getMessage(), e);
        }
        return incidents;
    }

    private static List<String> components(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    public List<TimelineEntry> timeline(long incidentId) {
        return timelineAfter(incidentId, 0);
    }

    @Override
    public synchronized List<TimelineEntry> timelineAfter(long incidentId, long afterSeq) {
        List<TimelineEntry> entries = new ArrayList<>();
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT seq, recorded_at, kind, actor, text,"
                        + " previous_hash, hash FROM incident_timeline WHERE incident_id = ? AND seq > ? ORDER BY seq")) {
            select.setLong(1, incidentId);
            select.setLong(2, afterSeq);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new TimelineEntry(incidentId, rows.getLong(1), instant(rows, 2),
                            TimelineKind.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the timeline of " + Incident.key(incidentId) + ": " + e.getMessage(), e);
        }
        return entries;
    }
}
