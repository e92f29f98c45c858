package dev.firebreak.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTests {

    @ParameterizedTest
    @ValueSource(strings = {"password", "dbPassword", "X-Api-Key", "api_key", "apiKey", "access_token", "Authorization",
        "clientSecret", "credentials", "private-key"})
    void isSensitiveKeyMatchesSecretLookingNames(String key) {
        assertThat(Redactor.isSensitiveKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "component", "keyboard", "path", "passed", "monkey"})
    void isSensitiveKeyLeavesOrdinaryNames(String key) {
        assertThat(Redactor.isSensitiveKey(key)).isFalse();
    }

    @Test
    void redactMasksSensitiveValuesAtAnyDepthAndKeepsTheRest() {
        Map<String, Object> details = Map.of(
                "user", "alice",
                "password", "hunter2",
                "target", Map.of("host", "db-1", "auth", Map.of("token", "abc")),
                "headers", List.of(Map.of("Authorization", "Bearer xyz")));

        Map<String, Object> redacted = Redactor.redact(details);

        assertThat(redacted).containsEntry("user", "alice").containsEntry("password", Redactor.MASK);
        assertThat(redacted.toString()).doesNotContain("hunter2", "abc", "xyz").contains("db-1");
        assertThat(redacted.keySet()).containsExactly("headers", "password", "target", "user");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "password=hunter2 user=bob                 | password=*** user=bob",
        "token: abc123, retries: 3                 | token: ***, retries: 3",
        "{\"apiKey\": \"k-1\", \"zone\": \"eu\"}   | {\"apiKey\": \"***\", \"zone\": \"eu\"}",
        "Authorization: Bearer eyJhbGciOi.payload  | Authorization: ***",
        "connect postgres://app:s3cret@db:5432/x   | connect postgres://app:***@db:5432/x",
        "restarted payments (2 replicas)           | restarted payments (2 replicas)",
    })
    void redactTextMasksSecretsInFreeText(String text, String expected) {
        assertThat(Redactor.redactText(text.strip())).isEqualTo(expected.strip());
    }
}
