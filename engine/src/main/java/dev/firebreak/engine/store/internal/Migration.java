package dev.firebreak.engine.store.internal;

import dev.firebreak.engine.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema script, {@code V<version>__<description>.sql}, read from the classpath.
 *
 * @param version  its position in the schema history, from 1 without gaps
 * @param name     the file name, recorded so a changed script can be named
 * @param sql      the script text with line endings normalised
 * @param checksum SHA-256 of {@code sql}
 */
public record Migration(int version, String name, String sql, String checksum) {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");

    public Migration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(checksum, "checksum");
    }

    /** Reads {@code base + "/" + name} from the classpath. */
    public static Migration load(String base, String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("migration names look like V1__create_things.sql, was " + name);
        }
        String resource = base + "/" + name;
        try (InputStream in = Migration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("Migration script " + resource + " is missing from the classpath");
            }
            // Line endings are normalised so a checkout with CRLF endings does not look like a changed script.
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            return new Migration(Integer.parseInt(matcher.group(1)), name, sql, Sha256.hex(sql));
        } catch (IOException e) {
            throw new StoreException("Cannot read migration script " + resource, e);
        }
    }

    /** The script's statements: split on semicolons that end a line, with comment lines dropped. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
