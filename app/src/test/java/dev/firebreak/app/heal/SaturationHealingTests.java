package dev.firebreak.app.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingConfig;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.topology.ComponentKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A cache whose CPU is taken, on the real engine: root cause names its CPU, and the shipped scale-out doubles its
 * replicas, through a StatefulSet on a cluster since a cache's pods keep data.
 */
class SaturationHealingTests {

    private static final HealingConfig AUTO = HealingConfig.defaults().withDefaultMode(HealingMode.AUTOMATIC);

    @Test
    void aCacheWhoseCpuIsTakenIsScaledOutAsAStatefulSet() {
        try (HealingRig rig = new HealingRig(1, AUTO)) {
            String cache = "session-cache";
            assertThat(rig.engine.topology().component(rig.engine.topology().indexOf(cache)).kind())
                    .isEqualTo(ComponentKind.CACHE);
            rig.inject(FaultType.CPU_PRESSURE, cache, 80, Duration.ofMinutes(20), Duration.ofMinutes(10));
            rig.run(Duration.ofMinutes(23));

            HealingAction scaled = rig.engine.healing().actions().stream()
                    .filter(a -> a.playbookId().equals("heal-scale-out-saturation") && a.component().equals(cache))
                    .findFirst().orElseThrow(() -> new AssertionError("no scale-out of " + cache + "; decided: "
                            + rig.engine.healing().decisions().stream().map(d -> d.summary()).toList()));
            assertThat(scaled.decision().faultKind()).isEqualToIgnoringCase("resource exhaustion: CPU");
            assertThat(scaled.decision().parameters()).containsEntry("replicas", "4")
                    .containsEntry("workload", "statefulset");
            assertThat(scaled.state()).isEqualTo(HealingState.SUCCEEDED);
        }
    }
}
