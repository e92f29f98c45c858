package dev.firebreak.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.executor.Executors;
import dev.firebreak.engine.executor.ProcessPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alert labels and parameters full of shell syntax reach a real child process as the exact argv elements. */
class RunbookInjectionTests {

    private static final List<String> HOSTILE = List.of("x; rm -rf ~", "$(touch /tmp/firebreak-pwned)", "`id`",
            "a && b || c", "quote ' \" both", "new\nline", "*", "--force", "{{params.other}}", "back\\slash $HOME");

    @Test
    void hostileLabelsAndParametersArriveAsLiteralArguments() {
        EngineFixture fixture = new EngineFixture();
        fixture.executorInUse = Executors.process(ProcessPolicy.defaults());
        RunbookEngine engine = fixture.engine();
        StringBuilder argv = new StringBuilder("[/usr/bin/printf, '%s\\n'");
        StringBuilder parameters = new StringBuilder();
        for (int i = 0; i < HOSTILE.size(); i++) {
            argv.append(", \"{{labels.l").append(i).append("}}\", \"{{params.p").append(i).append("}}\"");
            parameters.append("  - name: p").append(i).append("\n");
        }
        Runbook runbook = EngineFixture.runbook("id: echo\ntitle: Echo\nparameters:\n" + parameters
                + "  - name: other\n    default: never\nsteps:\n  - id: echo\n    type: command\n    command: " + argv + "]\n");
        Map<String, String> labels = new java.util.HashMap<>();
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            labels.put("l" + i, HOSTILE.get(i));
            values.put("p" + i, HOSTILE.get(i));
        }

        Execution run = engine.start(StartRequest.of(runbook, ExecutionMode.AUTOMATIC, "staging", "ana", values)
                .forIncident(1, labels));

        assertThat(run.state()).isEqualTo(ExecutionState.SUCCEEDED);
        StringBuilder expected = new StringBuilder();
        for (String value : HOSTILE) {
            expected.append(value).append('\n').append(value).append('\n');
        }
        assertThat(run.step("echo").output()).isEqualTo(expected.toString());
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/firebreak-pwned"))).isFalse();
    }

    @Test
    void substitutedValuesInAUrlCannotAddAPathOrAQuery() {
        EngineFixture fixture = new EngineFixture();
        RunbookEngine engine = fixture.engine();
        Runbook runbook = EngineFixture.runbook("""
                id: http
                title: Http
                steps:
                  - id: call
                    type: api_call
                    request: {method: POST, url: "http://127.0.0.1:9/services/{{labels.service}}/restart"}
                """);

        Execution run = engine.start(StartRequest.of(runbook, ExecutionMode.DRY_RUN, "staging", "ana", Map.of())
                .forIncident(1, Map.of("service", "../admin?drop=all")));

        assertThat(run.step("call").rendered()).contains("services/..%2Fadmin%3Fdrop%3Dall/restart");
    }
}
