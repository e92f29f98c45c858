package dev.firebreak.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.health.HealthState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HealthStateRuleTests {

    @ParameterizedTest(name = "shallow {0}, deep {1}, comprehensive {2} -> {3}")
    @CsvSource({
        "0, 0, 0, HEALTHY,  false, false, false",
        "1, 0, 0, DEGRADED, true,  false, false",
        "2, 0, 0, DEGRADED, true,  false, false",
        "3, 0, 0, CRITICAL, true,  true,  false",
        "7, 0, 0, CRITICAL, true,  true,  false",
        "0, 1, 0, CRITICAL, false, true,  false",
        "1, 1, 0, CRITICAL, true,  true,  false",
        "0, 0, 1, FAILED,   false, true,  true",
        "3, 2, 1, FAILED,   true,  true,  true",
    })
    void verdictFollowsTheSeedsTable(int shallow, int deep, int comprehensive, HealthState state, boolean triggerDeep,
            boolean remediate, boolean escalate) {
        HealthVerdict verdict = HealthStateRule.evaluate(shallow, deep, comprehensive);

        assertThat(verdict.state()).isEqualTo(state);
        assertThat(verdict.triggerDeep()).isEqualTo(triggerDeep);
        assertThat(verdict.remediate()).isEqualTo(remediate);
        assertThat(verdict.escalate()).isEqualTo(escalate);
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> HealthStateRule.evaluate(-1, 0, 0)).hasMessageContaining("must not be negative");
    }

    @Test
    void tierPolicyRejectsTimeoutNotShorterThanInterval() {
        assertThatThrownBy(() -> new TierPolicy(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5), 3))
                .hasMessageContaining("timeout must be positive and shorter than the interval");
        assertThatThrownBy(() -> new TierPolicy(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1), -1))
                .hasMessageContaining("retries must be in [0, 10]");
    }

    @Test
    void defaultPoliciesRetryShallowThreeTimesAndDeepTwice() {
        CheckPolicies policies = CheckPolicies.defaults();

        assertThat(policies.shallow().retries()).isEqualTo(3);
        assertThat(policies.deep().retries()).isEqualTo(2);
        assertThat(policies.shallow().interval()).isLessThan(policies.deep().interval());
        assertThat(policies.deep().interval()).isLessThan(policies.comprehensive().interval());
    }
}
