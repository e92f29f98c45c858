package dev.firebreak.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading runbook files: every field of a valid one, and every refusal naming file, line and field. */
class RunbookLoaderTests {

    private static final String VALID = """
            id: scale-out
            title: Scale out a slow service
            description: |
              Adds replicas when p99 stays high.
            owner: sre
            kind: static
            tags: [latency, capacity]
            alerts: [HighLatency]
            faultKinds: [latency, "latency in its own handling"]
            componentKinds: [service]
            environments: [simulator, staging]
            parameters:
              - name: service
                type: component
                description: the slow service
              - name: replicas
                type: integer
                default: 6
              - name: target
                type: number
                default: "300"
              - name: dryRun
                type: boolean
                required: false
            preconditions:
              - "{{environment}} != production"
            steps:
              - id: confirm
                title: Latency is high
                type: validation
                condition: "{{metrics.@service.latency_p99}} > {{params.target}}"
                hold: 30s
                timeout: 2m
              - id: where
                type: decision
                condition: "{{environment}} == simulator"
                then: scale
                else: kube-scale
              - id: scale
                type: command
                simulator: {action: scale, target: "{{params.service}}", replicas: "{{params.replicas}}"}
                approval: true
                retries: 2
                retryDelay: 15s
                rollback:
                  simulator: {action: scale, target: "{{params.service}}", replicas: "4"}
              - id: kube-scale
                type: command
                kubectl:
                  context: "{{environment}}"
                  namespace: shop
                  args: [scale, "deployment/{{params.service}}", "--replicas={{params.replicas}}"]
                critical: true
                rollback:
                  kubectl: {context: "{{environment}}", namespace: shop, args: [scale, "deployment/{{params.service}}", --replicas=4]}
              - id: report
                type: script
                script: [scripts/report.sh, "{{params.service}}"]
                env: {LC_ALL: C}
                outputLimit: 4096
              - id: health
                type: api_call
                request:
                  method: get
                  url: "http://{{params.service}}.shop:8080/healthz"
                  headers: {Accept: application/json}
                  expectStatus: 204
                  expectBody: ok
                timeout: 30s
              - id: tell
                type: manual
                instructions: Tell the owning team.
                expect: the team acknowledged
              - id: undo-scale
                type: rollback
                undo: [scale]
              - id: verify
                type: validation
                command: [curl, --fail, "http://{{params.service}}.shop:8080/healthz"]
            """;

    @TempDir
    Path directory;

    @Test
    void validRunbookLoadsWithEveryField() throws Exception {
        Path file = write("scale-out.yaml", VALID);

        Runbook runbook = RunbookLoader.load(file);

        assertThat(runbook.id()).isEqualTo("scale-out");
        assertThat(runbook.title()).isEqualTo("Scale out a slow service");
        assertThat(runbook.description()).isEqualTo("Adds replicas when p99 stays high.");
        assertThat(runbook.owner()).isEqualTo("sre");
        assertThat(runbook.kind()).isEqualTo(Runbook.Kind.STATIC);
        assertThat(runbook.tags()).containsExactly("latency", "capacity");
        assertThat(runbook.alerts()).containsExactly("HighLatency");
        assertThat(runbook.faultKinds()).containsExactly("latency", "latency in its own handling");
        assertThat(runbook.componentKinds()).containsExactly("service");
        assertThat(runbook.environments()).containsExactly("simulator", "staging");
        assertThat(runbook.directory()).contains(directory.toAbsolutePath());
        assertThat(runbook.source()).isEqualTo(VALID);

        assertThat(runbook.parameters()).containsExactly(
                new RunbookParameter("service", RunbookParameter.Type.COMPONENT, Optional.empty(), true, "the slow service"),
                new RunbookParameter("replicas", RunbookParameter.Type.INTEGER, Optional.of("6"), false, ""),
                new RunbookParameter("target", RunbookParameter.Type.NUMBER, Optional.of("300"), false, ""),
                new RunbookParameter("dryRun", RunbookParameter.Type.BOOLEAN, Optional.empty(), false, ""));
        assertThat(runbook.preconditions()).containsExactly(
                new Condition("{{environment}}", Condition.Operator.NOT_EQUALS, "production"));

        assertThat(runbook.steps()).extracting(RunbookStep::id).containsExactly("confirm", "where", "scale", "kube-scale",
                "report", "health", "tell", "undo-scale", "verify");
        assertThat(runbook.steps()).extracting(RunbookStep::type).containsExactly(StepType.VALIDATION, StepType.DECISION,
                StepType.COMMAND, StepType.COMMAND, StepType.SCRIPT, StepType.API_CALL, StepType.MANUAL, StepType.ROLLBACK,
                StepType.VALIDATION);

        RunbookStep confirm = runbook.step("confirm").orElseThrow();
        assertThat(confirm.title()).isEqualTo("Latency is high");
        assertThat(confirm.condition()).contains(new Condition("{{metrics.@service.latency_p99}}", Condition.Operator.ABOVE,
                "{{params.target}}"));
        assertThat(confirm.hold()).isEqualTo(Duration.ofSeconds(30));
        assertThat(confirm.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(confirm.action()).isEqualTo(new StepAction.None());

        RunbookStep where = runbook.step("where").orElseThrow();
        assertThat(where.title()).as("title defaults to the id").isEqualTo("where");
        assertThat(where.onTrue()).contains("scale");
        assertThat(where.onFalse()).contains("kube-scale");

        RunbookStep scale = runbook.step("scale").orElseThrow();
        assertThat(scale.action()).isEqualTo(new StepAction.Simulator("scale", "{{params.service}}",
                Map.of("replicas", "{{params.replicas}}")));
        assertThat(scale.approval()).isTrue();
        assertThat(scale.critical()).isFalse();
        assertThat(scale.retries()).isEqualTo(2);
        assertThat(scale.retryDelay()).isEqualTo(Duration.ofSeconds(15));
        assertThat(scale.timeout()).isEqualTo(RunbookStep.DEFAULT_TIMEOUT);
        assertThat(scale.rollback()).contains(new StepAction.Simulator("scale", "{{params.service}}", Map.of("replicas", "4")));

        RunbookStep kubeScale = runbook.step("kube-scale").orElseThrow();
        assertThat(kubeScale.critical()).isTrue();
        assertThat(kubeScale.approval()).isFalse();
        assertThat(kubeScale.action()).isEqualTo(new StepAction.Kubectl("{{environment}}", "shop",
                List.of("scale", "deployment/{{params.service}}", "--replicas={{params.replicas}}"), 64 * 1024));
        assertThat(kubeScale.rollback()).contains(new StepAction.Kubectl("{{environment}}", "shop",
                List.of("scale", "deployment/{{params.service}}", "--replicas=4"), 64 * 1024));

        assertThat(runbook.step("report").orElseThrow().action()).isEqualTo(new StepAction.Command(
                List.of("scripts/report.sh", "{{params.service}}"), Optional.empty(), Map.of("LC_ALL", "C"), 4096));

        RunbookStep health = runbook.step("health").orElseThrow();
        assertThat(health.action()).isEqualTo(new StepAction.Http("GET", "http://{{params.service}}.shop:8080/healthz",
                Map.of("Accept", "application/json"), "", 204, "ok"));
        assertThat(health.timeout()).isEqualTo(Duration.ofSeconds(30));

        RunbookStep tell = runbook.step("tell").orElseThrow();
        assertThat(tell.action()).isEqualTo(new StepAction.Manual("Tell the owning team."));
        assertThat(tell.expect()).isEqualTo("the team acknowledged");

        assertThat(runbook.step("undo-scale").orElseThrow().undo()).containsExactly("scale");
        assertThat(runbook.step("verify").orElseThrow().action()).isEqualTo(new StepAction.Command(
                List.of("curl", "--fail", "http://{{params.service}}.shop:8080/healthz"), Optional.empty(), Map.of(),
                64 * 1024));
    }

    @Test
    void kindTemplateIsRead() throws Exception {
        Runbook runbook = RunbookLoader.load(write("copy-me.yaml", VALID.replace("kind: static", "kind: template")));

        assertThat(runbook.kind()).isEqualTo(Runbook.Kind.TEMPLATE);
    }

    @Test
    void malformedYamlIsReportedWithFileAndLine() throws IOException {
        RunbookException refused = refused("""
                id: broken
                title: Broken
                description: one: two
                steps:
                  - id: a
                    type: manual
                    instructions: do it
                """);

        assertThat(refused.sourceName()).isEqualTo("broken.yaml");
        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.getMessage()).startsWith("broken.yaml:3: ").contains("not valid YAML");
    }

    @Test
    void unknownFieldIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                id: typo
                title: Typo
                steps:
                  - id: a
                    type: command
                    comand: [df, -h]
                """);

        assertLocated(refused, 6, "steps[0].comand");
        assertThat(refused.getMessage()).contains("unknown field 'comand'").contains("command");
    }

    @Test
    void unknownTopLevelFieldIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                id: typo
                title: Typo
                severity: high
                steps:
                  - id: a
                    type: manual
                    instructions: do it
                """);

        assertLocated(refused, 3, "severity");
        assertThat(refused.getMessage()).contains("unknown field 'severity'");
    }

    @Test
    void unknownStepTypeIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                id: shell
                title: Shell
                steps:
                  - id: a
                    type: manual
                    instructions: do it
                  - id: b
                    type: shell
                    command: [df, -h]
                """);

        assertLocated(refused, 8, "steps[1].type");
        assertThat(refused.getMessage()).contains("unknown step type 'shell'").contains("command, script, api_call");
    }

    @Test
    void missingIdIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                title: No id
                steps:
                  - id: a
                    type: manual
                    instructions: do it
                """);

        assertLocated(refused, 1, "id");
        assertThat(refused.getMessage()).contains("missing");
    }

    @Test
    void missingStepIdIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                id: no-step-id
                title: No step id
                steps:
                  - type: manual
                    instructions: do it
                """);

        assertLocated(refused, 4, "steps[0].id");
        assertThat(refused.getMessage()).contains("missing");
    }

    @Test
    void duplicateStepIdIsReportedAtTheSecondStepWithThatId() throws IOException {
        RunbookException refused = refused("""
                id: twice
                title: Twice
                steps:
                  - id: check
                    type: manual
                    instructions: look
                  - id: act
                    type: manual
                    instructions: act
                  - id: check
                    type: manual
                    instructions: look again
                """);

        assertLocated(refused, 10, "steps[2]");
        assertThat(refused.getMessage()).contains("step id 'check' given twice");
    }

    @Test
    void jumpToAnEarlierStepIsReportedAtTheJumpingStep() throws IOException {
        RunbookException refused = refused("""
                id: loop
                title: Loop
                steps:
                  - id: act
                    type: command
                    simulator: {action: restart, target: catalog}
                  - id: again
                    type: decision
                    condition: "{{steps.act.exitCode}} != 0"
                    then: act
                """);

        assertLocated(refused, 7, "steps[1]");
        assertThat(refused.getMessage()).contains("step 'again' jumps to 'act', which is not a later step");
    }

    @Test
    void jumpToAnUnknownStepIsReportedAtTheJumpingStep() throws IOException {
        RunbookException refused = refused("""
                id: nowhere
                title: Nowhere
                steps:
                  - id: branch
                    type: decision
                    condition: "{{environment}} == simulator"
                    else: verfiy
                  - id: verify
                    type: validation
                    condition: "{{environment}} != production"
                """);

        assertLocated(refused, 4, "steps[0]");
        assertThat(refused.getMessage()).contains("jumps to 'verfiy', which is not a later step");
    }

    @Test
    void undoOfALaterStepIsReportedAtTheRollbackStep() throws IOException {
        RunbookException refused = refused("""
                id: undo-ahead
                title: Undo ahead
                steps:
                  - id: undo
                    type: rollback
                    undo: [scale]
                  - id: scale
                    type: command
                    simulator: {action: scale, target: catalog, replicas: "4"}
                    rollback:
                      simulator: {action: scale, target: catalog, replicas: "2"}
                """);

        assertLocated(refused, 4, "steps[0]");
        assertThat(refused.getMessage()).contains("step 'undo' undoes 'scale', which is not an earlier step");
    }

    @Test
    void badDurationIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                id: slow
                title: Slow
                steps:
                  - id: wait
                    type: validation
                    condition: "{{environment}} == staging"
                    hold: 30s
                    timeout: five minutes
                """);

        assertLocated(refused, 8, "steps[0].timeout");
        assertThat(refused.getMessage()).contains("'five minutes' is not a duration");
    }

    @Test
    void holdLongerThanTheTimeoutIsReportedAtTheStep() throws IOException {
        RunbookException refused = refused("""
                id: hold
                title: Hold
                steps:
                  - id: wait
                    type: validation
                    condition: "{{environment}} == staging"
                    hold: 10m
                    timeout: 5m
                """);

        assertLocated(refused, 4, "steps[0]");
        assertThat(refused.getMessage()).contains("hold must be between 0 and the timeout");
    }

    @Test
    void conditionOnAStepThatDoesNotReadItIsRefusedRatherThanIgnored() throws IOException {
        RunbookException refused = refused("""
                id: guarded
                title: Guarded
                steps:
                  - id: failover
                    type: command
                    condition: "{{metrics.postgres-replica.replication_lag}} < 5"
                    simulator: {action: failover, target: postgres-primary}
                """);

        assertLocated(refused, 4, "steps[0]");
        assertThat(refused.getMessage()).contains("condition belongs to DECISION and VALIDATION steps");
    }

    @Test
    void holdOutsideAConditionedValidationIsRefusedRatherThanIgnored() throws IOException {
        RunbookException refused = refused("""
                id: held
                title: Held
                steps:
                  - id: restart
                    type: command
                    simulator: {action: restart, target: catalog}
                    hold: 1m
                """);

        assertLocated(refused, 4, "steps[0]");
        assertThat(refused.getMessage()).contains("hold belongs to VALIDATION steps with a condition");
    }

    @Test
    void unknownSimulatorActionIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                id: reboot
                title: Reboot
                steps:
                  - id: reboot
                    type: command
                    simulator: {action: reboot, target: catalog}
                """);

        assertLocated(refused, 6, "steps[0].simulator");
        assertThat(refused.getMessage()).contains("unknown simulator action 'reboot'").contains("restart");
    }

    @Test
    void simulatorActionWithWrongArgumentsIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                id: scale
                title: Scale
                steps:
                  - id: check
                    type: manual
                    instructions: look
                  - id: scale
                    type: command
                    simulator:
                      action: scale
                      target: catalog
                      count: "4"
                """);

        assertLocated(refused, 10, "steps[1].simulator");
        assertThat(refused.getMessage()).contains("simulator action 'scale' takes arguments [replicas], was given [count]");
    }

    @Test
    void simulatorActionWithoutTargetIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                id: restart
                title: Restart
                steps:
                  - id: restart
                    type: command
                    simulator: {action: restart}
                """);

        assertLocated(refused, 6, "steps[0].simulator");
        assertThat(refused.getMessage()).contains("needs action and target");
    }

    @Test
    void parameterDefaultOfTheWrongTypeIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                id: scale
                title: Scale
                parameters:
                  - name: service
                    type: component
                  - name: replicas
                    type: integer
                    default: four
                steps:
                  - id: scale
                    type: command
                    simulator: {action: scale, target: "{{params.service}}", replicas: "{{params.replicas}}"}
                """);

        assertLocated(refused, 6, "parameters[1]");
        assertThat(refused.getMessage()).contains("default of 'replicas': 'four' is not a whole number");
    }

    @Test
    void unknownParameterTypeIsReportedWithFileLineAndField() throws IOException {
        RunbookException refused = refused("""
                id: scale
                title: Scale
                parameters:
                  - name: service
                    type: host
                steps:
                  - id: scale
                    type: manual
                    instructions: scale {{params.service}}
                """);

        assertLocated(refused, 5, "parameters[0].type");
        assertThat(refused.getMessage()).contains("unknown parameter type 'host'");
    }

    @Test
    void scriptOutsideAScriptStepIsRefusedBecauseItWouldNotBeFoundBesideTheRunbook() throws IOException {
        RunbookException refused = refused("""
                id: check
                title: Check
                steps:
                  - id: check
                    type: validation
                    script: [scripts/check.sh]
                """);

        assertLocated(refused, 6, "steps[0].script");
        assertThat(refused.getMessage()).contains("SCRIPT steps");
    }

    @Test
    void scriptInARollbackIsRefused() throws IOException {
        RunbookException refused = refused("""
                id: check
                title: Check
                steps:
                  - id: scale
                    type: command
                    simulator: {action: scale, target: catalog, replicas: "4"}
                    rollback:
                      script: [scripts/undo.sh]
                """);

        assertLocated(refused, 8, "steps[0].rollback.script");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeParsing() throws IOException {
        StringBuilder text = new StringBuilder(VALID);
        while (text.length() <= RunbookLoader.MAX_FILE_BYTES) {
            text.append("# padding padding padding padding padding padding padding padding padding padding\n");
        }
        Path file = write("huge.yaml", text.toString());

        RunbookException refused = catchThrowableOfType(RunbookException.class, () -> RunbookLoader.load(file));

        assertThat(refused).isNotNull();
        assertThat(refused.sourceName()).isEqualTo("huge.yaml");
        assertThat(refused.getMessage()).contains("bytes; the limit is " + RunbookLoader.MAX_FILE_BYTES);
    }

    @Test
    void aFileThatFailsLoadsNothingWhileItsNeighboursLoad() throws IOException {
        write("good.yaml", VALID);
        // Valid up to its last step: a file that fails late must not leave a half-read runbook behind.
        write("bad.yaml", VALID.replace("id: scale-out", "id: half-good")
                .replace("command: [curl, --fail, \"http://{{params.service}}.shop:8080/healthz\"]", "comand: [curl]"));
        Files.createDirectories(directory.resolve("scripts"));
        write("scripts/report.sh", "#!/bin/sh\necho report\n");
        write("notes.txt", "not a runbook");

        RunbookLibrary library = RunbookLibrary.load(List.of(directory), Optional.empty());

        assertThat(library.all()).extracting(Runbook::id).containsExactly("scale-out");
        assertThat(library.get("half-good")).isEmpty();
        assertThat(library.problems()).hasSize(1);
        RunbookException problem = library.problems().getFirst();
        assertThat(problem.sourceName()).isEqualTo("bad.yaml");
        assertThat(problem.field()).isEqualTo("steps[8].comand");
        assertThat(problem.line()).isPositive();
    }

    @Test
    void theExampleInTheRunbookDocumentationLoads() throws Exception {
        Path documentation = Path.of("../docs/runbooks.md");
        assertThat(documentation).as("run from the engine module's directory").isRegularFile();
        String text = Files.readString(documentation, StandardCharsets.UTF_8);
        int start = text.indexOf("```yaml\n") + "```yaml\n".length();
        String example = text.substring(start, text.indexOf("```", start));

        Runbook runbook = RunbookLoader.parse("runbooks.md", example, Optional.empty());

        assertThat(runbook.steps()).extracting(RunbookStep::type).containsExactly(StepType.VALIDATION, StepType.COMMAND,
                StepType.VALIDATION);
    }

    private static void assertLocated(RunbookException refused, int line, String field) {
        assertThat(refused.sourceName()).isEqualTo("broken.yaml");
        assertThat(refused.field()).as(refused.getMessage()).isEqualTo(field);
        assertThat(refused.line()).as(refused.getMessage()).isEqualTo(line);
        assertThat(refused.getMessage()).startsWith("broken.yaml:" + line + ": " + field + ": ");
    }

    private RunbookException refused(String yaml) throws IOException {
        Path file = write("broken.yaml", yaml);
        RunbookException refused = catchThrowableOfType(RunbookException.class, () -> RunbookLoader.load(file));
        assertThat(refused).as("broken.yaml should be refused").isNotNull();
        return refused;
    }

    private Path write(String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
