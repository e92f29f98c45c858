package dev.firebreak.app.wiring;

import dev.firebreak.app.cli.LaunchOptions;
import dev.firebreak.engine.notify.NotificationConfig;
import dev.firebreak.engine.notify.NotificationConfigException;
import dev.firebreak.engine.notify.NotificationConfigLoader;
import dev.firebreak.engine.notify.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the console and headless runs find their notification channels and the secrets they reference. */
public final class Notifications {

    public static final String SECRETS_FILE = "secrets.properties";

    private Notifications() {
    }

    /**
     * {@code --notifications FILE}, else {@code DATA_DIR/notifications.yaml} if present, else no channels. Secrets
     * come from environment variables or {@code DATA_DIR/secrets.properties} (which must be readable by its owner only).
     *
     * @throws NotificationConfigException naming file, line and field
     */
    public static NotificationConfig load(LaunchOptions options) throws NotificationConfigException {
        Path file = options.notificationConfig().orElse(options.dataDir().resolve(NotificationConfigLoader.FILE_NAME));
        if (options.notificationConfig().isEmpty() && !Files.exists(file)) {
            return NotificationConfig.none();
        }
        return NotificationConfigLoader.load(file, SecretResolver.of(options.dataDir().resolve(SECRETS_FILE)));
    }
}
