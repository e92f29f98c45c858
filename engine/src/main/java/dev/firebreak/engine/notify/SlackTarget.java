package dev.firebreak.engine.notify;

import java.util.List;
import java.util.Objects;

/**
 * A Slack incoming webhook. Its URL ({@code https://hooks.slack.com/services/T…/B…/…}) is the credential: its
 * path is the secret, so the whole URL must come from {@code env:} or {@code secret:}, and be https (plain http
 * is accepted for localhost only, e.g. a local relay or a test server).
 *
 * @param webhookUrl the incoming webhook's URL
 */
public record SlackTarget(Secret webhookUrl) implements ChannelTarget {

    public SlackTarget {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        if (!webhookUrl.isSecret()) {
            throw new IllegalArgumentException("webhookUrl: a Slack webhook URL is a credential; give it as env:NAME "
                    + "or secret:NAME");
        }
        Checks.requireHttpUrl(webhookUrl, "webhookUrl", true);
    }

    @Override
    public ChannelType type() {
        return ChannelType.SLACK;
    }

    @Override
    public List<Secret> secrets() {
        return List.of(webhookUrl);
    }
}
