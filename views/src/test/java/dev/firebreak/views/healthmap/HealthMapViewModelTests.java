package dev.firebreak.views.healthmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.healthmap.HealthMapViewModel.GroupBy;
import dev.firebreak.views.healthmap.HealthMapViewModel.LayoutMode;
import dev.firebreak.views.healthmap.HealthMapViewModel.StateFilter;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HealthMapViewModelTests {

    private final Topology shop = Topologies.shop();

    private static HealthMapViewModel mapOf(ScriptedSession session) {
        return new HealthMapViewModel(session, session);
    }

    @Test
    void stateChangeReachesTheMapOnlyAtTheNextPulse() {
        ScriptedSession session = new ScriptedSession(shop, 1);
        HealthMapViewModel vm = new HealthMapViewModel(session, session);
        String id = shop.component(3).id();

        session.setHealth(id, HealthState.FAILED);
        HealthState beforePulse = vm.state(3);
        vm.coalescer().pulse();

        assertThat(beforePulse).isEqualTo(HealthState.HEALTHY);
        assertThat(vm.state(3)).isEqualTo(HealthState.FAILED);
        assertThat(vm.summaryProperty().get()).contains("1 failed");
    }

    @Test
    void searchMatchesTeamCaseInsensitivelyAndExcludesOthers() {
        ScriptedSession session = new ScriptedSession(shop, 1);
        HealthMapViewModel vm = new HealthMapViewModel(session, session);
        String team = shop.component(0).team();

        vm.searchProperty().set(team.toUpperCase());

        long expected = shop.components().stream().filter(c -> c.team().equals(team)
                || c.id().contains(team) || c.name().toLowerCase().contains(team.toLowerCase())).count();
        assertThat(vm.matchCount()).isEqualTo((int) expected).isLessThan(shop.size());
        assertThat(vm.matches(0)).isTrue();
    }

    @Test
    void notHealthyFilterKeepsOnlyComponentsThatAreNotHealthy() {
        ScriptedSession session = new ScriptedSession(shop, 1);
        HealthMapViewModel vm = new HealthMapViewModel(session, session);
        session.setHealth(shop.component(2).id(), HealthState.DEGRADED);
        session.setHealth(shop.component(5).id(), HealthState.RECOVERING);
        vm.coalescer().pulse();

        vm.stateFilterProperty().set(StateFilter.NOT_HEALTHY);

        assertThat(IntStream.range(0, shop.size()).filter(vm::matches)).containsExactly(2, 5);
        vm.stateFilterProperty().set(StateFilter.DEGRADED_OR_WORSE);
        assertThat(IntStream.range(0, shop.size()).filter(vm::matches)).containsExactly(2);
    }

    @Test
    void groupingByTeamPutsEveryComponentInExactlyOneSortedGroup() {
        Topology big = Topologies.synthetic2000();
        HealthMapViewModel vm = mapOf(new ScriptedSession(big, 1));

        vm.groupByProperty().set(GroupBy.TEAM);

        var groups = vm.groups();
        int[] all = groups.stream().flatMapToInt(g -> Arrays.stream(g.members())).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, big.size()).toArray());
        assertThat(groups).extracting(HealthMapViewModel.Group::title).isSorted();
        for (var group : groups) {
            assertThat(Arrays.stream(group.members()).mapToObj(i -> big.component(i).team())).containsOnly(group.title());
        }
    }

    @Test
    void groupingByTierOrdersTiersNumerically() {
        Topology big = Topologies.synthetic2000();
        HealthMapViewModel vm = mapOf(new ScriptedSession(big, 1));

        var tiers = vm.groups().stream().map(g -> big.component(g.members()[0]).tier()).toList();

        assertThat(tiers).isSorted();
    }

    @Test
    void autoLayoutIsGraphForShopAndDenseForTwoThousand() {
        HealthMapViewModel small = mapOf(new ScriptedSession(shop, 1));
        HealthMapViewModel large = mapOf(new ScriptedSession(Topologies.synthetic2000(), 1));

        large.layoutModeProperty().set(LayoutMode.AUTO);

        assertThat(small.effectiveLayoutProperty().get()).isEqualTo(LayoutMode.GRAPH);
        assertThat(large.effectiveLayoutProperty().get()).isEqualTo(LayoutMode.DENSE);
        small.layoutModeProperty().set(LayoutMode.DENSE);
        assertThat(small.effectiveLayoutProperty().get()).isEqualTo(LayoutMode.DENSE);
    }

    @Test
    void hoverSummaryReadsNewestMetricsFromTheStore() {
        ScriptedSession session = new ScriptedSession(shop, 1);
        HealthMapViewModel vm = new HealthMapViewModel(session, session);
        session.advance(5);

        ComponentSummary summary = vm.summary(0);

        assertThat(summary.requestRate()).isPositive();
        assertThat(summary.p99Millis()).isPositive();
        assertThat(summary.describe()).contains(shop.component(0).id(), "req/s", "p99");
    }

    @Test
    void closingStopsListeningToHealthTicksAndIncidents() {
        ScriptedSession session = new ScriptedSession(shop, 1);
        HealthMapViewModel vm = new HealthMapViewModel(session, session);
        int before = session.events().subscriberCount();

        vm.close();

        assertThat(session.events().subscriberCount()).isEqualTo(before - 4);
    }
}
