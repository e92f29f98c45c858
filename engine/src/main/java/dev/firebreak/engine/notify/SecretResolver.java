package dev.firebreak.engine.notify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves the secret references of {@code notifications.yaml}: {@code env:NAME} reads an environment variable,
 * {@code secret:NAME} a key of the user's secrets file, a Java properties file ({@code NAME=value}) that only
 * its owner may read or write (mode 0600). A file that grants anything to group or others is refused, and so
 * is every {@code secret:} reference, until it is {@code chmod 600}. On a file system without POSIX permissions
 * (Windows) the mode cannot be checked and is not.
 *
 * <p>The file is read at the first {@code secret:} reference, once. Messages name references and the file,
 * never a value.
 */
public final class SecretResolver {

    /** Prefix of a reference to an environment variable. */
    public static final String ENV_PREFIX = "env:";
    /** Prefix of a reference to a key of the secrets file. */
    public static final String SECRET_PREFIX = "secret:";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Optional<Path> secretsFile;
    private final Function<String, String> environment;
    private Properties secrets;

    private SecretResolver(Optional<Path> secretsFile, Function<String, String> environment) {
        this.secretsFile = secretsFile;
        this.environment = environment;
    }

    /** The process environment and the secrets file at {@code secretsFile} (which need not exist until used). */
    public static SecretResolver of(Path secretsFile) {
        return of(secretsFile, System::getenv);
    }

    /** As {@link #of(Path)} with another environment, e.g. a map in tests. */
    public static SecretResolver of(Path secretsFile, Function<String, String> environment) {
        return new SecretResolver(Optional.of(Objects.requireNonNull(secretsFile, "secretsFile")),
                Objects.requireNonNull(environment, "environment"));
    }

    /** Environment variables only: every {@code secret:} reference is refused. */
    public static SecretResolver environmentOnly(Function<String, String> environment) {
        return new SecretResolver(Optional.empty(), Objects.requireNonNull(environment, "environment"));
    }

    /** Whether {@code text} is written as a reference rather than a value. */
    public static boolean isReference(String text) {
        return text != null && (text.startsWith(ENV_PREFIX) || text.startsWith(SECRET_PREFIX));
    }

    /**
     * Reads the value {@code reference} points to.
     *
     * @throws SecretException if the reference is malformed, unset, empty, or the secrets file is unsafe
     */
    public synchronized Secret resolve(String reference) throws SecretException {
        if (!isReference(reference)) {
            throw new SecretException("expected a reference, env:NAME or secret:NAME");
        }
        boolean env = reference.startsWith(ENV_PREFIX);
        String name = reference.substring(env ? ENV_PREFIX.length() : SECRET_PREFIX.length());
        if (!NAME.matcher(name).matches()) {
            throw new SecretException("'" + reference + "' does not name a variable or key: use letters, digits, "
                    + "'_', '.' and '-', starting with a letter or '_'");
        }
        String value = env ? environment.apply(name) : secrets().getProperty(name);
        if (value == null) {
            throw new SecretException(env ? "environment variable " + name + " is not set"
                    : "secrets file " + secretsFile.orElseThrow() + " has no key " + name);
        }
        if (value.isBlank()) {
            throw new SecretException(env ? "environment variable " + name + " is empty"
                    : "key " + name + " in secrets file " + secretsFile.orElseThrow() + " is empty");
        }
        return Secret.of(reference, value.strip());
    }

    private Properties secrets() throws SecretException {
        if (secrets != null) {
            return secrets;
        }
        if (secretsFile.isEmpty()) {
            throw new SecretException("no secrets file is configured; use env:NAME instead");
        }
        Path file = secretsFile.get();
        checkOwnerOnly(file);
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (NoSuchFileException e) {
            throw new SecretException("secrets file " + file + " does not exist; create it with mode 600");
        } catch (IOException | IllegalArgumentException e) {
            // the exception text may quote the line it choked on: name the problem's kind only
            throw new SecretException("cannot read secrets file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        secrets = loaded;
        return secrets;
    }

    /** Refuses a secrets file that grants any permission to group or others. */
    static void checkOwnerOnly(Path file) throws SecretException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (NoSuchFileException e) {
            throw new SecretException("secrets file " + file + " does not exist; create it with mode 600");
        } catch (IOException e) {
            throw new SecretException("cannot read the permissions of secrets file " + file + ": " + e.getMessage());
        }
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new SecretException("secrets file " + file + " is accessible to group or others (mode "
                    + octal(permissions) + ", " + PosixFilePermissions.toString(permissions)
                    + "); it must be readable by its owner only: chmod 600 " + file);
        }
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }
}
