package dev.firebreak.bench.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.rca.CallGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PetShopFilesTests {

    @TempDir
    Path dir;

    @Test
    void adjacencyMatrixRowsAreCallersAndColumnsCallees() throws Exception {
        Path graph = Files.writeString(dir.resolve("graph.csv"), ",site,search,db\nsite,0,1,0\nsearch,0,0,1\ndb,0,0,0\n");

        CallGraph calls = PetShopCsv.graph(graph);

        assertThat(calls.nodes()).containsExactly("site", "search", "db");
        assertThat(calls.calls()).containsExactly(new CallGraph.Call("site", "search"), new CallGraph.Call("search", "db"));
        assertThat(calls.observedOnly()).isEmpty();
    }

    @Test
    void xrayRemoteNodesAreKnownOnlyThroughTheirCallers() throws Exception {
        Path graph = Files.writeString(dir.resolve("graph.csv"),
                ",site,search_AWS::ECS::Fargate,search-lb_remote\nsite,0,1,1\nsearch_AWS::ECS::Fargate,0,0,0\nsearch-lb_remote,0,0,0\n");

        CallGraph calls = PetShopCsv.graph(graph);

        assertThat(calls.observedOnly()).containsExactly("search-lb_remote");
    }

    @Test
    void malformedCellIsNamedByFileLineAndColumn() throws Exception {
        Path metrics = Files.writeString(dir.resolve("metrics.csv"), "microservice,site\nmetric,latency\n"
                + "statistic,Average\nunix_timestamp,\n1681350000.0,0.1\n1681350300.0,fast\n");

        assertThatThrownBy(() -> PetShopCsv.metrics(metrics)).isInstanceOf(PetShopInputException.class)
                .hasMessageContaining("metrics.csv line 6 column 2: 'fast' is not a number");
    }

    @Test
    void emptyCellsAreMissingSamplesNotZeros() throws Exception {
        Path metrics = Files.writeString(dir.resolve("metrics.csv"), "microservice,site\nmetric,latency\n"
                + "statistic,p99\nunix_timestamp,\n1681350000.0,\n1681350300.0,0.5\n");

        double[] values = PetShopCsv.metrics(metrics).series().get("site").get("latency/p99");

        assertThat(values[0]).isNaN();
        assertThat(values[1]).isEqualTo(0.5);
    }

    @Test
    void targetWithoutItsSymptomIsRefusedAndTheAnswerIsNeverNeeded() throws Exception {
        Path onlyAnswer = Files.writeString(dir.resolve("target.json"), "{\"root_cause\": {\"node\": \"db\"}}");
        Path onlyTarget = Files.writeString(dir.resolve("t2.json"),
                "{\"target\": {\"node\": \"site\", \"metric\": \"latency\", \"agg\": \"p99\", \"timestamp\": 5}}");

        assertThatThrownBy(() -> PetShopCase.symptom(onlyAnswer)).isInstanceOf(PetShopInputException.class)
                .hasMessageContaining("'target' needs node, metric and timestamp");
        assertThat(PetShopCase.symptom(onlyTarget).metric()).isEqualTo("latency/p99");
    }
}
