package dev.firebreak.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunbookDraftsTests {

    private static final String RUNBOOK = """
            id: relieve
            title: Relieve pressure
            parameters:
              - name: service
                type: component
            steps:
              - id: scale
                title: Scale out
                type: command
                simulator: {action: scale, target: "{{params.service}}", replicas: "6"}
              - id: probe
                title: Probe it
                type: command
                command: [curl, --fail, "https://{{params.service}}.internal/health", "{{labels.note}}"]
              - id: branch
                type: decision
                condition: "{{steps.probe.exitCode}} == 0"
              - id: tell
                title: Tell support
                type: manual
                instructions: "Post in #support that {{params.service}} recovered"
            """;

    @Test
    void draftRepeatsWhatRanForTheIncidentConcretelyAndLoads() throws RunbookException {
        EngineFixture fixture = new EngineFixture();
        RunbookEngine engine = fixture.engine();
        Execution run = engine.start(StartRequest.of(EngineFixture.runbook(RUNBOOK), ExecutionMode.AUTOMATIC, "staging", "ana",
                Map.of("service", "catalog")).forIncident(42, Map.of("note", "say \"hi\"; rm -rf ~")));
        engine.approve(run.id(), "tell", "ana", engine.execution(run.id()).orElseThrow().step("tell").hash(), "");
        engine.start(StartRequest.of(EngineFixture.runbook(RUNBOOK), ExecutionMode.AUTOMATIC, "staging", "ana",
                Map.of("service", "search")).forIncident(7, Map.of("note", "other incident")));

        String yaml = RunbookDrafts.fromIncident(42, "Catalog slow", engine.executions());
        Runbook draft = RunbookLoader.parse("draft.yaml", yaml, Optional.empty());

        assertThat(draft.kind()).isEqualTo(Runbook.Kind.DYNAMIC);
        assertThat(draft.id()).isEqualTo("incident-42-draft");
        assertThat(draft.steps()).extracting(RunbookStep::title).containsExactly("Scale out", "Probe it", "Tell support");
        assertThat(draft.steps().get(0).action()).isEqualTo(new StepAction.Simulator("scale", "catalog", Map.of("replicas", "6")));
        assertThat(draft.steps().get(1).action()).isInstanceOfSatisfying(StepAction.Command.class, command ->
                assertThat(command.argv()).containsExactly("curl", "--fail", "https://catalog.internal/health",
                        "say \"hi\"; rm -rf ~"));
        assertThat(draft.steps().get(2).action()).isEqualTo(new StepAction.Manual("Post in #support that catalog recovered"));
        assertThat(yaml).doesNotContain("search").contains("# relieve run " + run.id() + ", step scale: succeeded");
    }

    @Test
    void incidentWithoutRunsDraftsASingleStepToFillIn() throws RunbookException {
        Runbook draft = RunbookLoader.parse("draft.yaml", RunbookDrafts.fromIncident(3, "Quiet", java.util.List.of()),
                Optional.empty());

        assertThat(draft.steps()).singleElement().extracting(RunbookStep::type).isEqualTo(StepType.MANUAL);
    }

    @Test
    void everySimulatorActionIsNamedBackAsTheStepThatMadeIt() {
        Map<String, String> arguments = Map.of("replicas", "4", "callee", "inventory", "alternative", "postgres-replica",
                "fraction", "0.5");
        for (String name : StepAction.Simulator.ACTIONS.keySet()) {
            var action = StepAction.Simulator.toAction(name, "catalog", arguments);

            assertThat(StepAction.Simulator.actionName(action)).as(name).isEqualTo(name);
        }
    }
}
