package dev.firebreak.engine.notify;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PagerDuty service's Events API v2 integration ({@code POST {baseUrl}/v2/enqueue}).
 *
 * <p>UPDATE is not among its {@linkplain #defaultKinds() default kinds}: the Events API has no update action,
 * and re-sending a trigger for an incident someone has already resolved in PagerDuty opens a new one and pages
 * again. Listing {@code update} in the channel's kinds opts in: an update is then sent as a trigger with the
 * same {@code dedup_key}, which PagerDuty logs on the open alert (see ADR 0026).
 *
 * @param baseUrl    {@value #DEFAULT_BASE_URL} unless testing; https, or http for localhost only
 * @param routingKey the integration key
 * @param source     {@code payload.source}: the monitored system, e.g. "shop-prod"; 1..255 characters
 * @param group      {@code payload.group}, e.g. "shop"; empty to leave it out
 */
public record PagerDutyTarget(String baseUrl, Secret routingKey, String source, Optional<String> group)
        implements ChannelTarget {

    public static final String DEFAULT_BASE_URL = "https://events.pagerduty.com";
    public static final String DEFAULT_SOURCE = "firebreak";

    public PagerDutyTarget {
        Checks.requireHttpUrl(Secret.plain(Objects.requireNonNull(baseUrl, "baseUrl")), "baseUrl", true);
        Objects.requireNonNull(routingKey, "routingKey");
        if (!routingKey.isSecret()) {
            throw new IllegalArgumentException("routingKey: give it as env:NAME or secret:NAME");
        }
        if (source == null || source.isBlank() || source.length() > 255) {
            throw new IllegalArgumentException("source must be 1 to 255 characters");
        }
        Objects.requireNonNull(group, "group");
        if (group.isPresent() && (group.get().isBlank() || group.get().length() > 255)) {
            throw new IllegalArgumentException("group must be 1 to 255 characters when given");
        }
    }

    public static PagerDutyTarget of(Secret routingKey) {
        return new PagerDutyTarget(DEFAULT_BASE_URL, routingKey, DEFAULT_SOURCE, Optional.empty());
    }

    @Override
    public ChannelType type() {
        return ChannelType.PAGERDUTY;
    }

    @Override
    public List<Secret> secrets() {
        return List.of(routingKey);
    }

    @Override
    public Set<NotificationKind> defaultKinds() {
        return EnumSet.of(NotificationKind.TRIGGER, NotificationKind.ACKNOWLEDGE, NotificationKind.RESOLVE);
    }
}
