package dev.firebreak.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A child's environment holds the allow-listed parent variables and its own, nothing else. */
class ProcessEnvironmentTests {

    private static final Map<String, String> PARENT = Map.of(
            "PATH", "/usr/bin:/bin",
            "LANG", "C.UTF-8",
            "SECRET_TOKEN", "hunter2",
            "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI");

    private static List<String> childEnvironment(ProcessPolicy policy, Map<String, String> explicit) {
        Outcome outcome = Executors.process(policy).run(new Invocation.Process(List.of("/usr/bin/env"),
                Optional.empty(), explicit, Duration.ofSeconds(10), 64 * 1024), OutputSink.NONE);
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.SUCCEEDED);
        return outcome.output().lines().toList();
    }

    @Test
    void childGetsOnlyAllowListedParentVariablesAndItsOwn() {
        ProcessPolicy policy = new ProcessPolicy(Set.of("PATH", "LANG"), PARENT);

        List<String> env = childEnvironment(policy, Map.of("FIREBREAK_STEP", "42"));

        assertThat(env).containsExactlyInAnyOrder("PATH=/usr/bin:/bin", "LANG=C.UTF-8", "FIREBREAK_STEP=42");
    }

    @Test
    void aParentVariableOffTheListIsAbsentInTheChild() {
        List<String> env = childEnvironment(new ProcessPolicy(Set.of("PATH"), PARENT), Map.of());

        assertThat(env).noneMatch(line -> line.startsWith("SECRET_TOKEN=") || line.startsWith("LANG="))
                .noneMatch(line -> line.contains("hunter2"));
    }

    @Test
    void anExplicitVariableOverridesAnInheritedOne() {
        List<String> env = childEnvironment(new ProcessPolicy(Set.of("LANG"), PARENT), Map.of("LANG", "fr_FR.UTF-8"));

        assertThat(env).containsExactly("LANG=fr_FR.UTF-8");
    }

    @Test
    void anAllowListedVariableTheParentLacksIsNotInvented() {
        List<String> env = childEnvironment(new ProcessPolicy(Set.of("TZ"), PARENT), Map.of());

        assertThat(env).isEmpty();
    }

    @Test
    void defaultsAllowTheUsualSixVariables() {
        assertThat(ProcessPolicy.defaults().inheritedVariables())
                .containsExactlyInAnyOrder("PATH", "HOME", "LANG", "LC_ALL", "TZ", "USER");
    }

    @Test
    void policyKeepsOnlyAllowListedParentValuesAndNeverPrintsThem() {
        ProcessPolicy policy = new ProcessPolicy(Set.of("PATH", "SECRET_TOKEN"), PARENT);

        assertThat(policy.parentEnvironment()).containsOnlyKeys("PATH", "SECRET_TOKEN");
        assertThat(policy.toString()).contains("SECRET_TOKEN").doesNotContain("hunter2");
    }

    @Test
    void policyRejectsMissingListsAndImpossibleNames() {
        assertThatThrownBy(() -> new ProcessPolicy(null, PARENT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ProcessPolicy(Set.of("PATH"), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ProcessPolicy(Set.of("A=B"), PARENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A=B");
    }

    @Test
    void anExplicitVariableNoEnvironmentCanHoldIsRefusedNotThrown() {
        Outcome outcome = Executors.process(new ProcessPolicy(Set.of(), PARENT)).run(new Invocation.Process(
                List.of("/usr/bin/env"), Optional.empty(), Map.of("BAD=NAME", "x"), Duration.ofSeconds(5), 1024),
                OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.message()).contains("BAD=NAME");
    }
}
