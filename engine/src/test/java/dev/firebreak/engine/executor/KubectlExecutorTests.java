package dev.firebreak.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stand-in {@code kubectl} on the child's PATH records the argument vector it was given. */
class KubectlExecutorTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Path bin;
    private ProcessPolicy policy;

    @BeforeEach
    void installStandIn() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        Scripts.write(bin, "kubectl", "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"${0%/*}/argv\"\n"
                + "echo pod-1 Running\n");
        policy = new ProcessPolicy(Set.of("PATH"), Map.of("PATH", bin + ":/usr/bin:/bin"));
    }

    @Test
    void kubectlGetsContextNamespaceAndEachArgumentAsOneElement() throws IOException {
        Invocation.Kubectl invocation = new Invocation.Kubectl("C", "N", List.of("get", "pods", "-l", "app=x; rm"),
                TIMEOUT, 1024);

        Outcome outcome = Executors.kubectl(policy).run(invocation, OutputSink.NONE);

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(Files.readAllLines(bin.resolve("argv")))
                .containsExactly("--context", "C", "--namespace", "N", "get", "pods", "-l", "app=x; rm");
        assertThat(outcome.output()).isEqualTo("pod-1 Running\n");
    }

    @Test
    void kubectlMissingFromThePathIsRefusedNamingIt() {
        ProcessPolicy noKubectl = new ProcessPolicy(Set.of("PATH"), Map.of("PATH", dir.resolve("empty").toString()));

        Outcome outcome = Executors.kubectl(noKubectl).run(new Invocation.Kubectl("C", "N", List.of("version"),
                TIMEOUT, 1024), OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.message()).contains("'kubectl'").contains("not found");
    }

    @Test
    void anotherProgramCanStandForKubectl() throws IOException {
        Path other = Scripts.write(dir, "kubectl-1.31", "printf '%s\\n' \"$@\"\n");

        Outcome outcome = Executors.kubectl(other.toString(), policy).run(new Invocation.Kubectl("prod", "shop",
                List.of("rollout", "undo", "deploy/checkout"), TIMEOUT, 1024), OutputSink.NONE);

        assertThat(outcome.output().lines().toList())
                .containsExactly("--context", "prod", "--namespace", "shop", "rollout", "undo", "deploy/checkout");
    }

    @Test
    void kubectlTimesOutLikeAnyChild() {
        Scripts.write(bin, "kubectl", "exec sleep 30\n");

        Outcome outcome = Executors.kubectl(policy).run(new Invocation.Kubectl("C", "N", List.of("logs", "-f", "x"),
                Duration.ofMillis(300), 1024), OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.TIMED_OUT);
        assertThat(outcome.message()).contains("kubectl").contains("300 ms");
    }
}
