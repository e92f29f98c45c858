package dev.firebreak.engine.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.assess.HealthSource;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.heal.internal.Verifier;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifierTests {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private final Map<String, HealthAssessment> health = new HashMap<>();
    private final Verifier verifier = new Verifier(new Playbook.Verification(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofSeconds(20), Duration.ofSeconds(40), true, true), List.of("catalog"), Map.of("catalog", HealthState.CRITICAL), T0);

    private static HealthAssessment of(HealthState state, HealthState detected, HealthState checked) {
        return new HealthAssessment(state, Severity.NONE, HealthSource.DETECTION, detected, checked, "test");
    }

    private Optional<Verifier.Result> runUntil(int seconds) {
        for (int s = 0; s <= seconds; s++) {
            Optional<Verifier.Result> result = verifier.observe(T0.plusSeconds(s), health::get);
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }

    @Test
    void backInBandWithChecksPassingForTheHoldIsASuccess() {
        health.put("catalog", of(HealthState.HEALTHY, HealthState.HEALTHY, HealthState.HEALTHY));

        Verifier.Result result = runUntil(120).orElseThrow();

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.SUCCESS);
        assertThat(result.why()).contains("catalog critical -> healthy");
    }

    @Test
    void worseThanBeforeForLongEnoughFailsBeforeTheTimeout() {
        health.put("catalog", of(HealthState.FAILED, HealthState.FAILED, HealthState.FAILED));

        Verifier.Result result = runUntil(120).orElseThrow();

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.FAILED);
        assertThat(result.why()).contains("worse than before");
    }

    @Test
    void worseDuringTheSettlePeriodIsTheActionsOwnDisruptionNotAFailure() {
        health.put("catalog", of(HealthState.FAILED, HealthState.FAILED, HealthState.FAILED));
        for (int s = 0; s < 40; s++) {
            assertThat(verifier.observe(T0.plusSeconds(s), health::get)).as("second " + s).isEmpty();
        }
        health.put("catalog", of(HealthState.HEALTHY, HealthState.HEALTHY, HealthState.HEALTHY));
        Optional<Verifier.Result> result = Optional.empty();
        for (int s = 40; s <= 120 && result.isEmpty(); s++) {
            result = verifier.observe(T0.plusSeconds(s), health::get);
        }

        assertThat(result.orElseThrow().outcome()).isEqualTo(VerificationOutcome.SUCCESS);
    }

    @Test
    void errorsStillAboveTheirLevelBeforeTheIncidentAreNotBackInBandWhateverDetectionSays() {
        Instant onset = T0.minusSeconds(120);
        // 0.2 % errors before the incident, 4 % now: detection has adapted and calls it healthy
        SignalHistory history = (component, metric, from, to) -> {
            long seconds = java.time.Duration.between(from, to).toSeconds() + 1;
            double value = metric.equals("error_rate") ? (to.isBefore(onset) ? 0.2 : 4.0) : 100;
            return java.util.stream.DoubleStream.generate(() -> value).limit(seconds).toArray();
        };
        Verifier strict = new Verifier(new Playbook.Verification(Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofSeconds(20), Duration.ofSeconds(40), true, true), List.of("catalog"),
                Map.of("catalog", HealthState.CRITICAL), T0, history, onset);
        health.put("catalog", of(HealthState.HEALTHY, HealthState.HEALTHY, HealthState.HEALTHY));

        Optional<Verifier.Result> result = Optional.empty();
        for (int s = 0; s <= 120 && result.isEmpty(); s++) {
            result = strict.observe(T0.plusSeconds(s), health::get);
        }

        assertThat(result.orElseThrow().outcome()).isEqualTo(VerificationOutcome.UNCERTAIN);
        assertThat(result.orElseThrow().why()).contains("catalog error_rate 4.00 above its level before the incident");
    }

    @Test
    void metricsInBandWhileChecksFailIsUncertainAtTheTimeout() {
        health.put("catalog", of(HealthState.CRITICAL, HealthState.HEALTHY, HealthState.CRITICAL));

        Verifier.Result result = runUntil(120).orElseThrow();

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.UNCERTAIN);
    }

    @Test
    void aNeighbourTurningAnomalousMakesARecoveryPartial() {
        health.put("catalog", of(HealthState.HEALTHY, HealthState.HEALTHY, HealthState.HEALTHY));
        verifier.neighbourAnomalous("search");

        Verifier.Result result = runUntil(120).orElseThrow();

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.PARTIAL);
        assertThat(result.why()).contains("search");
    }

    @Test
    void noChangeByTheTimeoutIsTimedOut() {
        health.put("catalog", of(HealthState.CRITICAL, HealthState.CRITICAL, HealthState.CRITICAL));

        Verifier.Result result = runUntil(120).orElseThrow();

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.TIMED_OUT);
    }

    /** Every signal at {@code before} until the onset; after it, {@code after} for the named signals, else as before. */
    private static SignalHistory history(Instant onset, Map<String, Double> before, Map<String, Double> after) {
        return (component, metric, from, to) -> {
            long seconds = java.time.Duration.between(from, to).toSeconds() + 1;
            Double level = to.isBefore(onset) ? before.get(metric) : after.getOrDefault(metric, before.get(metric));
            return level == null ? new double[0]
                    : java.util.stream.DoubleStream.generate(() -> level).limit(seconds).toArray();
        };
    }

    private static final Map<String, Double> CALM = Map.of("error_rate", 0.2, "latency_p95", 80.0, "latency_p50", 30.0,
            "cpu", 35.0, "memory", 50.0, "connections", 20.0, "request_rate", 120.0);

    private Optional<Verifier.Result> judge(SignalHistory history, Instant onset, int seconds) {
        Verifier judged = new Verifier(new Playbook.Verification(Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofSeconds(20), Duration.ofSeconds(40), true, true), List.of("catalog"),
                Map.of("catalog", HealthState.CRITICAL), T0, history, onset);
        Optional<Verifier.Result> result = Optional.empty();
        for (int s = 0; s <= seconds && result.isEmpty(); s++) {
            result = judged.observe(T0.plusSeconds(s), health::get);
        }
        return result;
    }

    @Test
    void everySignalBackToItsLevelBeforeTheIncidentIsRecoveredWhileDetectionsVerdictStillLags() {
        Instant onset = T0.minusSeconds(120);
        // detection still holds "degraded" after the signals returned; the checks pass
        health.put("catalog", of(HealthState.DEGRADED, HealthState.DEGRADED, HealthState.HEALTHY));

        Optional<Verifier.Result> result = judge(history(onset, CALM, Map.of()), onset, 40);

        assertThat(result).as("decided within the hold and ten seconds").isPresent();
        assertThat(result.orElseThrow().outcome()).isEqualTo(VerificationOutcome.SUCCESS);
        assertThat(result.orElseThrow().why()).contains("every signal of catalog back to its level before the incident");
    }

    /**
     * After a scale-out under a noisy neighbour the errors and latency are back while CPU stays at 80 % (35 % before):
     * a playbook that adds capacity has healed it; one that should have removed the cause has not; and CPU still over
     * the saturation line is not back for either.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"true, 80, SUCCESS", "false, 80, UNCERTAIN", "true, 93, UNCERTAIN"})
    void aPlaybookThatAddsCapacityIsBackWithItsResourcesUnderTheSaturationLine(boolean addsCapacity, double cpu,
            VerificationOutcome expected) {
        Instant onset = T0.minusSeconds(120);
        health.put("catalog", of(HealthState.CRITICAL, HealthState.CRITICAL, HealthState.HEALTHY));
        Verifier judged = new Verifier(new Playbook.Verification(Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofSeconds(20), Duration.ofSeconds(40), true, true, addsCapacity), List.of("catalog"),
                Map.of("catalog", HealthState.CRITICAL), T0, history(onset, CALM, Map.of("cpu", cpu)), onset);

        Optional<Verifier.Result> result = Optional.empty();
        for (int s = 0; s <= 120 && result.isEmpty(); s++) {
            result = judged.observe(T0.plusSeconds(s), health::get);
        }

        assertThat(result.orElseThrow().outcome()).isEqualTo(expected);
        if (expected == VerificationOutcome.SUCCESS) {
            assertThat(result.orElseThrow().why()).contains("under the saturation line");
        }
    }

    /** Memory still high (the golden signals are back), or traffic far below its level: detection's "degraded" stands. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"memory, 91", "request_rate, 30"})
    void oneSignalNotBackToItsLevelLeavesTheLaggingVerdictInCharge(String signal, double now) {
        Instant onset = T0.minusSeconds(120);
        health.put("catalog", of(HealthState.DEGRADED, HealthState.DEGRADED, HealthState.HEALTHY));

        Optional<Verifier.Result> result = judge(history(onset, CALM, Map.of(signal, now)), onset, 120);

        assertThat(result.orElseThrow().outcome()).isEqualTo(VerificationOutcome.UNCERTAIN);
    }

    @Test
    void withoutHistoryBeforeTheIncidentOnlyDetectionsVerdictCounts() {
        health.put("catalog", of(HealthState.DEGRADED, HealthState.DEGRADED, HealthState.HEALTHY));

        Verifier.Result result = runUntil(120).orElseThrow();

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.UNCERTAIN);
    }
}
