package dev.firebreak.engine.rca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.rca.CallGraph;
import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.Period;
import dev.firebreak.engine.rca.RcaConfig;
import dev.firebreak.engine.rca.RcaInput;
import dev.firebreak.engine.rca.RootCauseService;
import dev.firebreak.engine.rca.SeriesSource;
import dev.firebreak.engine.rca.Symptom;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.StoreRetention;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalSummariesTests {

    private static final long START = 1_000_000;
    private static final int ONSET = 900;
    private static final CallGraph GRAPH = new CallGraph(List.of("web", "api", "db"),
            List.of(new CallGraph.Call("web", "api"), new CallGraph.Call("api", "db")));

    private final MetricStore store = MetricStores.inMemory(StoreRetention.DEFAULT);
    private final NormalSummaries summaries = new NormalSummaries();

    /** db slows at the onset, api a second later, web a second after that; errors stay flat. */
    private void recordSlowDatabase(int seconds) {
        Random random = new Random(3);
        Map<String, int[]> handles = new HashMap<>();
        for (String node : GRAPH.nodes()) {
            handles.put(node, new int[] {store.register(new SeriesKey(node, MetricName.LATENCY_P99)),
                    store.register(new SeriesKey(node, MetricName.ERROR_RATE))});
        }
        for (int s = 0; s < seconds; s++) {
            for (int n = 0; n < GRAPH.nodes().size(); n++) {
                String node = GRAPH.nodes().get(n);
                boolean slow = s >= ONSET + (2 - n);
                store.append(handles.get(node)[0], START + s, 50 + 2 * random.nextGaussian() + (slow ? 400 : 0));
                store.append(handles.get(node)[1], START + s, 0.5 + 0.1 * random.nextGaussian());
            }
        }
    }

    private RcaInput input(long now) {
        long at = START + ONSET;
        return RootCauseService.fromStore(GRAPH, store, new Period(at - 600, at - 60), new Period(at - 60, now + 1),
                new Symptom("web", "LATENCY_P99", at), List.of(), List.of(), List.of());
    }

    @Test
    void anIncidentAnalysedAgainAsItGrowsReusesItsNormalSummariesAndRanksAsIfFresh() {
        recordSlowDatabase(ONSET + 60);
        new Analysis(RcaConfig.ofDefaults(), input(START + ONSET + 59), summaries).run();
        int kept = summaries.size();
        recordMore(ONSET + 60, ONSET + 120);

        Diagnosis again = new Analysis(RcaConfig.ofDefaults(), input(START + ONSET + 119), summaries).run();
        Diagnosis fresh = new Analysis(RcaConfig.ofDefaults(), input(START + ONSET + 119)).run();

        assertThat(kept).isEqualTo(6); // three nodes, two metrics each
        assertThat(summaries.size()).isEqualTo(kept);
        assertThat(again.causes()).isEqualTo(fresh.causes());
        assertThat(again.top().orElseThrow().component()).isEqualTo("db");
    }

    @Test
    void aSourceWhoseHistoryMayChangeIsNeverSummarisedAhead() {
        recordSlowDatabase(ONSET + 60);
        RcaInput fromStore = input(START + ONSET + 59);
        Map<String, Map<String, double[]>> copied = new HashMap<>();
        for (String node : GRAPH.nodes()) {
            for (String metric : List.of("LATENCY_P99", "ERROR_RATE")) {
                copied.computeIfAbsent(node, n -> new HashMap<>()).put(metric, fromStore.series().series(node, metric)
                        .orElseThrow());
            }
        }
        RcaInput inMemory = new RcaInput(GRAPH, fromStore.times(), SeriesSource.of(copied), fromStore.metrics(),
                fromStore.normal(), fromStore.anomalous(), fromStore.symptom(), List.of(), List.of(), List.of());

        new Analysis(RcaConfig.ofDefaults(), inMemory, summaries).run();

        assertThat(summaries.size()).isZero();
    }

    private void recordMore(int from, int until) {
        Random random = new Random(4);
        for (int s = from; s < until; s++) {
            for (String node : GRAPH.nodes()) {
                store.append(store.handle(new SeriesKey(node, MetricName.LATENCY_P99)).orElseThrow(), START + s,
                        450 + 2 * random.nextGaussian());
                store.append(store.handle(new SeriesKey(node, MetricName.ERROR_RATE)).orElseThrow(), START + s,
                        0.5 + 0.1 * random.nextGaussian());
            }
        }
    }
}
