package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.Probe;
import dev.firebreak.engine.check.ProbeResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

/**
 * Connects over JDBC and runs a query that must return one row whose first column is 1 (by default
 * {@code SELECT 1}). The whole attempt runs under a deadline, because login timeouts are global to
 * {@link DriverManager} and drivers honour them unevenly.
 */
public final class JdbcProbe implements Probe {

    private final String url;
    private final String user;
    private final String password;
    private final String query;

    public JdbcProbe(String url, String user, String password, String query) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.query = Objects.requireNonNull(query, "query");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("JDBC url must start with 'jdbc:', was '" + url + "'");
        }
    }

    @Override
    public String description() {
        // the password is never shown
        return "JDBC " + url + " as " + user + ": " + query + " returns 1";
    }

    @Override
    public ProbeResult run(Duration timeout) {
        long start = System.nanoTime();
        return Deadline.run(() -> query(timeout, start), timeout, "JDBC " + url);
    }

    private ProbeResult query(Duration timeout, long start) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rows = statement.executeQuery(query)) {
                if (!rows.next()) {
                    return ProbeResult.fail("JDBC " + url + ": expected " + query + " to return a row, got none",
                            Deadline.since(start));
                }
                String value = rows.getString(1);
                if (!"1".equals(value)) {
                    return ProbeResult.fail("JDBC " + url + ": expected " + query + " to return 1, got " + value,
                            Deadline.since(start));
                }
                return ProbeResult.pass("JDBC " + url + ": " + query + " returned 1", Deadline.since(start));
            }
        } catch (SQLException e) {
            return ProbeResult.fail("JDBC " + url + ": " + e.getMessage(), Deadline.since(start));
        }
    }
}
