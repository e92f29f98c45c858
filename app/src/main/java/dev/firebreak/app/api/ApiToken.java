package dev.firebreak.app.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The API's bearer token, kept in {@code DATA_DIR/api-token} readable by its owner only. A missing file is created
 * (mode 0600 from the moment it exists) holding 32 random bytes, URL-safe base64; a file that grants anything to group
 * or others is refused. The token itself is never printed: {@link #toString()} hides it.
 */
final class ApiToken {

    static final String FILE = "api-token";
    /** A person may write their own token; shorter than this is too easy to guess. */
    static final int MIN_LENGTH = 16;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final byte[] digest;

    private ApiToken(String token) {
        this.digest = sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the token from {@code dataDir/api-token}, creating the file with a new token if there is none.
     *
     * @throws ApiStartException naming the file when it is readable by others, empty, or cannot be read or written
     */
    static ApiToken loadOrCreate(Path dataDir) throws ApiStartException {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new ApiStartException("cannot create the data directory " + dataDir + " for the API token: " + e.getMessage(), e);
        }
        if (!Files.exists(file)) {
            try {
                create(file);
            } catch (FileAlreadyExistsException e) {
                // made at the same moment by another process: read theirs
            } catch (IOException e) {
                throw new ApiStartException("cannot write the API token file " + file + ": " + e.getMessage(), e);
            }
        }
        checkOwnerOnly(file);
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ApiStartException("cannot read the API token file " + file + ": " + e.getMessage(), e);
        }
        if (token.isEmpty()) {
            throw new ApiStartException("the API token file " + file + " is empty; delete it and Firebreak writes a new token");
        }
        if (token.length() < MIN_LENGTH || token.chars().anyMatch(Character::isWhitespace)) {
            throw new ApiStartException("the API token in " + file + " must be at least " + MIN_LENGTH + " characters without"
                    + " spaces; delete the file and Firebreak writes a new token");
        }
        return new ApiToken(token);
    }

    /** Whether {@code presented} is the token, in time that does not depend on where they differ or on their lengths. */
    boolean matches(String presented) {
        return MessageDigest.isEqual(digest, sha256(presented.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "ApiToken[hidden]";
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        byte[] text = (Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n").getBytes(StandardCharsets.US_ASCII);
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes = Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        // CREATE_NEW with the permissions as an attribute: the file never exists with a wider mode, nor twice
        try (FileChannel channel = FileChannel.open(file, options, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(text);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void checkOwnerOnly(Path file) throws ApiStartException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (IOException e) {
            throw new ApiStartException("cannot read the permissions of the API token file " + file + ": " + e.getMessage(), e);
        }
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new ApiStartException("the API token file " + file + " is accessible to group or others (mode "
                    + octal(permissions) + ", " + PosixFilePermissions.toString(permissions) + "); it must be readable by"
                    + " its owner only: chmod 600 " + file);
        }
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
