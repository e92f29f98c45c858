package dev.firebreak.engine.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Any HTTP endpoint that takes Firebreak's own JSON ({@code "schema": "firebreak.notification/v1"}, documented on
 * {@code notify.internal.WebhookProtocol} and in ADR 0026), POSTed with an {@code X-Firebreak-Delivery} id that
 * stays the same across retries, so the receiver can drop repeats.
 *
 * @param url         the endpoint; written plainly in the YAML, or as a reference when it carries a token;
 *                    https when it is a reference or a bearer token is sent (http for localhost only)
 * @param bearerToken sent as {@code Authorization: Bearer …} when present
 */
public record WebhookTarget(Secret url, Optional<Secret> bearerToken) implements ChannelTarget {

    public WebhookTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(bearerToken, "bearerToken");
        if (bearerToken.isPresent() && !bearerToken.get().isSecret()) {
            throw new IllegalArgumentException("bearerToken: give it as env:NAME or secret:NAME");
        }
        Checks.requireHttpUrl(url, "url", url.isSecret() || bearerToken.isPresent());
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public List<Secret> secrets() {
        List<Secret> secrets = new ArrayList<>();
        if (url.isSecret()) {
            secrets.add(url);
        }
        bearerToken.ifPresent(secrets::add);
        return List.copyOf(secrets);
    }
}
