package dev.firebreak.engine.notify;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The notification channels, usually read from {@code notifications.yaml} by {@link NotificationConfigLoader}.
 * No channels means notifications are off.
 *
 * @param channels in the file's order; names unique
 */
public record NotificationConfig(List<ChannelConfig> channels) {

    public NotificationConfig {
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        Set<String> names = new HashSet<>();
        for (ChannelConfig channel : channels) {
            if (!names.add(channel.name())) {
                throw new IllegalArgumentException("channel name '" + channel.name() + "' is used twice");
            }
        }
    }

    /** Notifications off. */
    public static NotificationConfig none() {
        return new NotificationConfig(List.of());
    }

    public Optional<ChannelConfig> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
