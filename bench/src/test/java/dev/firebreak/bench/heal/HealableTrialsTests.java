package dev.firebreak.bench.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.app.wiring.TopologyCatalog;
import dev.firebreak.engine.action.RemediationAction;
import dev.firebreak.engine.topology.Topology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hand-issued actions tried on a trial are the ones a shipped playbook could take on that component. */
class HealableTrialsTests {

    private static final Topology SHOP = shop();

    private static List<String> tried(String target, Optional<String> peer) {
        return HealableTrials.remedies(SHOP, target, peer).stream().map(RemediationAction::describe).toList();
    }

    @Test
    void aReadReplicaIsReroutedFailedOverOrRolledBackButNeverRestartedOrScaled() {
        List<String> tried = tried("postgres-replica", Optional.empty());

        assertThat(tried).anyMatch(a -> a.startsWith("reroute 50% of postgres-replica traffic to"))
                .anyMatch(a -> a.startsWith("fail over postgres-replica"))
                .noneMatch(a -> a.startsWith("restart"))
                .noneMatch(a -> a.startsWith("scale"));
    }

    @Test
    void aCacheIsScaledAndWarmedButNotRerouted() {
        List<String> tried = tried("session-cache", Optional.empty());

        assertThat(tried).anyMatch(a -> a.startsWith("scale session-cache to 4"))
                .anyMatch(a -> a.contains("warm"))
                .noneMatch(a -> a.startsWith("reroute"));
    }

    @Test
    void aBreakerIsOpenedOnlyOnACallTheCallerDoesWithout() {
        // kafka -> notifications is a call kafka does without; checkout -> inventory one checkout needs
        assertThat(tried("kafka", Optional.of("notifications")))
                .contains("open the circuit breaker kafka -> notifications");
        assertThat(tried("checkout", Optional.of("inventory"))).noneMatch(a -> a.contains("checkout -> inventory"));
    }

    private static Topology shop() {
        try {
            return TopologyCatalog.resolve("shop", 1);
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
