package dev.firebreak.engine.notify;

import java.util.List;
import java.util.Objects;

/**
 * An Opsgenie API integration (Alert API v2, {@code Authorization: GenieKey …}). A trigger creates an alert whose
 * alias is the dedup key; an update adds a note to it, an acknowledgement and a resolution acknowledge and close
 * it, all by alias.
 *
 * @param baseUrl {@value #DEFAULT_BASE_URL}, or {@code https://api.eu.opsgenie.com} for the EU instance; https,
 *                or http for localhost only
 * @param apiKey  the integration's API key
 * @param source  the alert's {@code source} field, 1..100 characters
 */
public record OpsgenieTarget(String baseUrl, Secret apiKey, String source) implements ChannelTarget {

    public static final String DEFAULT_BASE_URL = "https://api.opsgenie.com";
    public static final String DEFAULT_SOURCE = "Firebreak";

    public OpsgenieTarget {
        Checks.requireHttpUrl(Secret.plain(Objects.requireNonNull(baseUrl, "baseUrl")), "baseUrl", true);
        Objects.requireNonNull(apiKey, "apiKey");
        if (!apiKey.isSecret()) {
            throw new IllegalArgumentException("apiKey: give it as env:NAME or secret:NAME");
        }
        if (source == null || source.isBlank() || source.length() > 100) {
            throw new IllegalArgumentException("source must be 1 to 100 characters");
        }
    }

    public static OpsgenieTarget of(Secret apiKey) {
        return new OpsgenieTarget(DEFAULT_BASE_URL, apiKey, DEFAULT_SOURCE);
    }

    @Override
    public ChannelType type() {
        return ChannelType.OPSGENIE;
    }

    @Override
    public List<Secret> secrets() {
        return List.of(apiKey);
    }
}
