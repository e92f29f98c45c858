package dev.firebreak.engine.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.notify.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTests {

    private static final String WEBHOOK = "https://hooks.slack.com/services/T0FIRE/B0BREAK/xQ7sLackW3bh00k";

    @Test
    void slackWebhookIsMaskedWholeByPathAndByItsToken() {
        SecretMasker masker = SecretMasker.of(List.of(Secret.of("env:SLACK", WEBHOOK)));

        assertThat(masker.mask("POST " + WEBHOOK + " failed")).isEqualTo("POST *** failed");
        assertThat(masker.mask("404 no_service /services/T0FIRE/B0BREAK/xQ7sLackW3bh00k")).isEqualTo("404 no_service ***");
        assertThat(masker.mask("token xQ7sLackW3bh00k revoked")).doesNotContain("xQ7sLackW3bh00k");
        assertThat(masker.mask("{\"url\":\"https:\\/\\/hooks.slack.com\\/services\\/T0FIRE\\/B0BREAK\\/xQ7sLackW3bh00k\"}"))
                .doesNotContain("xQ7sLackW3bh00k");
    }

    @Test
    void unknownSlackWebhooksAreMaskedByTheirShape() {
        SecretMasker masker = SecretMasker.of(List.of());

        assertThat(masker.mask("see https://hooks.slack.com/services/T1/B2/other-token now"))
                .isEqualTo("see https://hooks.slack.com/services/*** now");
    }

    @Test
    void genieKeysAndRoutingKeysAreMaskedEvenWhenUnknown() {
        SecretMasker masker = SecretMasker.of(List.of());

        assertThat(masker.mask("Authorization: GenieKey abc-123")).doesNotContain("abc-123");
        assertThat(masker.mask("{\"routing_key\":\"R0uT1nG\",\"event_action\":\"trigger\"}"))
                .isEqualTo("{\"routing_key\":\"***\",\"event_action\":\"trigger\"}");
        assertThat(masker.mask("Authorization: Bearer tok-9")).doesNotContain("tok-9");
    }

    @Test
    void plainValuesAreLeftAlone() {
        SecretMasker masker = SecretMasker.of(List.of(Secret.plain("https://hooks.example.internal/firebreak")));

        assertThat(masker.mask("HTTP 404 at https://hooks.example.internal/firebreak"))
                .isEqualTo("HTTP 404 at https://hooks.example.internal/firebreak");
    }
}
