package dev.firebreak.engine.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class EscalationConfigLoaderTests {

    @Test
    void shippedPoliciesLoad() throws Exception {
        EscalationConfig config = EscalationConfigLoader.loadResource("escalation/policies.yaml");

        assertThat(config.policies()).extracting(EscalationPolicy::name).containsExactly("Critical infrastructure",
                "Application services");
        assertThat(config.remediationAttempts()).isEqualTo(3);
    }

    @Test
    void unknownFieldIsNamedWithItsLine() {
        String yaml = """
                policies:
                  - name: x
                    levels:
                      - {level: 1, delay: 0m, notify: [a], methd: phone}
                """;

        assertThatThrownBy(() -> EscalationConfigLoader.parse("mine.yaml", new StringReader(yaml)))
                .isInstanceOf(EscalationConfigException.class)
                .hasMessageStartingWith("mine.yaml:4: policies[0].levels[0].methd: unknown field 'methd'");
    }

    @Test
    void levelsOutOfOrderAreRefused() {
        String yaml = """
                policies:
                  - name: x
                    levels:
                      - {level: 1, delay: 10m, notify: [a]}
                      - {level: 2, delay: 5m, notify: [b]}
                """;

        assertThatThrownBy(() -> EscalationConfigLoader.parse("mine.yaml", new StringReader(yaml)))
                .hasMessageContaining("mine.yaml:2: policies[0]").hasMessageContaining("level 2 comes before level 1");
    }

    @Test
    void badDurationAndMissingPoliciesAreNamed() {
        assertThatThrownBy(() -> EscalationConfigLoader.parse("a.yaml", new StringReader("triggers: {prolongedAfter: soon}\npolicies: []\n")))
                .hasMessageContaining("triggers.prolongedAfter");
        assertThatThrownBy(() -> EscalationConfigLoader.parse("b.yaml", new StringReader("rotations: []\n")))
                .hasMessageContaining("b.yaml:1: policies: missing");
    }
}
