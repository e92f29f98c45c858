package dev.firebreak.engine.runbook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the runs so far teach about a runbook (ai-sre-runbook-system.md "learning data"): how often it ran, how often it
 * worked, how long it took, which fault kinds it resolved, and the same per step. Counts finished runs only; dry runs
 * do not count.
 */
public record RunbookLearning(String runbookId, int runs, int succeeded, Duration p50, Duration p90,
        List<String> faultKindsResolved, List<StepLearning> steps) {

    /** The label of a run that names the fault kind it answered. */
    public static final String FAULT_KIND_LABEL = "fault_kind";

    public record StepLearning(String stepId, int runs, int succeeded, Duration p50) {
        public double successRate() {
            return runs == 0 ? Double.NaN : (double) succeeded / runs;
        }
    }

    public RunbookLearning {
        faultKindsResolved = List.copyOf(faultKindsResolved);
        steps = List.copyOf(steps);
    }

    public double successRate() {
        return runs == 0 ? Double.NaN : (double) succeeded / runs;
    }

    /** Learning for {@code runbook} from stored executions and reported outcomes. */
    public static RunbookLearning of(Runbook runbook, List<Execution> executions, List<RunbookOutcome> reported) {
        List<Duration> durations = new ArrayList<>();
        TreeSet<String> resolved = new TreeSet<>();
        int runs = 0;
        int succeeded = 0;
        Map<String, List<Duration>> stepDurations = new LinkedHashMap<>();
        Map<String, int[]> stepCounts = new LinkedHashMap<>();
        runbook.steps().forEach(step -> {
            stepDurations.put(step.id(), new ArrayList<>());
            stepCounts.put(step.id(), new int[2]);
        });
        for (Execution execution : executions) {
            if (!execution.runbook().id().equals(runbook.id()) || !execution.state().isFinal()
                    || execution.mode() == ExecutionMode.DRY_RUN) {
                continue;
            }
            runs++;
            durations.add(Duration.between(execution.startedAt(), execution.updatedAt()));
            if (execution.state() == ExecutionState.SUCCEEDED) {
                succeeded++;
                String kind = execution.labels().get(FAULT_KIND_LABEL);
                if (kind != null && !kind.isBlank()) {
                    resolved.add(kind);
                }
            }
            for (StepRun step : execution.steps()) {
                int[] counts = stepCounts.get(step.stepId());
                if (counts == null || step.attempts() == 0) {
                    continue;
                }
                counts[0]++;
                if (step.state() == StepState.SUCCEEDED || step.state() == StepState.ROLLED_BACK) {
                    counts[1]++;
                }
                if (step.startedAt().isPresent() && step.endedAt().isPresent()) {
                    stepDurations.get(step.stepId()).add(Duration.between(step.startedAt().get(), step.endedAt().get()));
                }
            }
        }
        for (RunbookOutcome outcome : reported) {
            if (!outcome.runbookId().equals(runbook.id())) {
                continue;
            }
            runs++;
            durations.add(outcome.duration());
            if (outcome.succeeded()) {
                succeeded++;
                if (!outcome.faultKind().isBlank()) {
                    resolved.add(outcome.faultKind());
                }
            }
        }
        List<StepLearning> steps = new ArrayList<>();
        stepCounts.forEach((id, counts) -> steps.add(new StepLearning(id, counts[0], counts[1],
                percentile(stepDurations.get(id), 0.5))));
        return new RunbookLearning(runbook.id(), runs, succeeded, percentile(durations, 0.5), percentile(durations, 0.9),
                List.copyOf(resolved), steps);
    }

    /** Nearest-rank percentile; zero when there are no values. */
    static Duration percentile(List<Duration> values, double q) {
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
