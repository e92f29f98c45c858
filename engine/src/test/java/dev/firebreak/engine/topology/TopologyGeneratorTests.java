package dev.firebreak.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopologyGeneratorTests {

    private static final int LARGE = 2_000;
    private static Topology large;

    @BeforeAll
    static void generateLarge() {
        large = TopologyGenerator.generate(LARGE, 42);
    }

    @ParameterizedTest
    @ValueSource(ints = {TopologyGenerator.MINIMUM_COMPONENTS, 9, 25, 137, 500, LARGE})
    void generateProducesExactlyTheRequestedSize(int size) {
        Topology topology = TopologyGenerator.generate(size, 7);

        assertThat(topology.size()).isEqualTo(size);
    }

    @Test
    void generateIsDeterministicForASeed() {
        Topology again = TopologyGenerator.generate(LARGE, 42);

        assertThat(again.components()).isEqualTo(large.components());
        assertThat(again.dependencies()).isEqualTo(large.dependencies());
    }

    @Test
    void generateDiffersBetweenSeeds() {
        Topology other = TopologyGenerator.generate(LARGE, 43);

        assertThat(other.dependencies()).isNotEqualTo(large.dependencies());
    }

    @Test
    void generateOnlyCallsDownwardsSoTheGraphIsAcyclic() {
        assertThat(large.dependencies()).allSatisfy(d -> assertThat(large.find(d.calleeId()).orElseThrow().tier())
                .isGreaterThan(large.find(d.callerId()).orElseThrow().tier()));
        assertThat(large.topologicalOrder()).hasSize(LARGE);
    }

    @Test
    void generateEntersOnlyAtGatewaysAndReachesEveryComponent() {
        int[] entries = large.entryPoints();
        boolean[] reached = new boolean[LARGE];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int entry : entries) {
            reached[entry] = true;
            queue.add(entry);
        }
        while (!queue.isEmpty()) {
            for (int callee : large.calleesOf(queue.poll())) {
                if (!reached[callee]) {
                    reached[callee] = true;
                    queue.add(callee);
                }
            }
        }

        assertThat(Arrays.stream(entries).mapToObj(i -> large.component(i).kind())).containsOnly(ComponentKind.GATEWAY);
        assertThat(IntStream.range(0, LARGE).filter(i -> !reached[i])).isEmpty();
    }

    @Test
    void generateFansOutFromServicesAndFansInToSharedStores() {
        int[] services = IntStream.range(0, LARGE).filter(i -> large.component(i).kind() == ComponentKind.SERVICE).toArray();
        int maxFanIn = IntStream.range(0, LARGE).filter(i -> large.component(i).tier() == 5)
                .map(i -> large.callersOf(i).length).max().orElseThrow();

        assertThat(Arrays.stream(services).map(i -> large.calleesOf(i).length).min().orElseThrow()).isGreaterThanOrEqualTo(2);
        assertThat(Arrays.stream(services).map(i -> large.calleesOf(i).length).distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(maxFanIn).isGreaterThanOrEqualTo(20);
    }

    @Test
    void generateHasTeamsTiersReplicasAndEveryDataKind() {
        assertThat(large.components().stream().map(Component::team).distinct().count()).isEqualTo(40);
        assertThat(large.components().stream().mapToInt(Component::tier).distinct().sorted().toArray())
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(large.components()).anySatisfy(c -> assertThat(c.replicaOf()).isPresent());
        assertThat(large.components()).extracting(Component::kind).contains(ComponentKind.DATABASE, ComponentKind.CACHE,
                ComponentKind.QUEUE, ComponentKind.OBJECT_STORE, ComponentKind.SEARCH_INDEX, ComponentKind.EXTERNAL);
        large.components().stream().filter(c -> c.replicaOf().isPresent()).forEach(replica ->
                assertThat(large.find(replica.replicaOf().get()).orElseThrow().kind()).isEqualTo(ComponentKind.DATABASE));
    }

    @Test
    void generateSizesCapacitiesForHalfUtilisationAtTheEntryRate() {
        Topology topology = TopologyGenerator.generate(300, 5, 4_000);

        SteadyLoad load = SteadyLoad.of(topology, 4_000);

        for (int i = 0; i < topology.size(); i++) {
            assertThat(load.utilisation(i)).as(topology.component(i).id()).isBetween(0.49, 0.51);
        }
    }

    @Test
    void generateRoutesEachGatewayRequestToExactlyOneBackend() {
        for (Component gateway : large.components()) {
            if (gateway.kind() != ComponentKind.GATEWAY) {
                continue;
            }
            double callsPerRequest = large.dependencies().stream().filter(d -> d.callerId().equals(gateway.id()))
                    .mapToDouble(Dependency::callsPerRequest).sum();

            assertThat(callsPerRequest).as(gateway.id()).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void generateRejectsTooFewComponents() {
        assertThatIllegalArgumentException().isThrownBy(() -> TopologyGenerator.generate(7, 1))
                .withMessageContaining("components must be >= 8");
    }
}
