package dev.firebreak.app.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.change.ChangeKind;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingConfig;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.VerificationOutcome;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.rca.Cause;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Packet loss on a database's primary, through the real engine (ADR 0052): root cause names the network at its end, the
 * failover answers that before anything is critical, and verification sees its callers answered again.
 */
class LostCallsHealingTests {

    private static final Duration FAULT_AT = Duration.ofMinutes(20);

    @Test
    void callsLostAtThePrimarysEndAreFailedOverToTheReplicaAndTheCallersStopFailing() {
        try (HealingRig rig = new HealingRig(1001, HealingConfig.defaults().withDefaultMode(HealingMode.AUTOMATIC))) {
            rig.inject(FaultType.PACKET_LOSS, "postgres-primary", 0.3, FAULT_AT, Duration.ofMinutes(15));

            rig.run(FAULT_AT.plus(Duration.ofMinutes(3)));

            HealingAction failover = rig.engine.healing().actions().stream()
                    .filter(a -> a.playbookId().equals("heal-failover-database")).findFirst().orElseThrow();
            assertThat(failover.decision().faultKind()).isEqualTo(Cause.LOST_AT_ITS_END_KIND);
            assertThat(failover.verification()).contains(VerificationOutcome.SUCCESS);
            assertThat(Duration.between(HealingRig.START.plus(FAULT_AT), failover.updatedAt()))
                    .as("fault to verified").isLessThanOrEqualTo(Duration.ofSeconds(90));
            // the loss is still on at the old primary: the callers are well because their calls reach the replica
            assertThat(rig.engine.simulator().changes("postgres-primary")).extracting(ChangeEvent::kind)
                    .containsExactly(ChangeKind.FAILOVER);
            for (String caller : new String[] {"orders", "payments", "shipping"}) {
                assertThat(rig.engine.simulator().health(rig.engine.topology().indexOf(caller))).as(caller)
                        .isEqualTo(HealthState.HEALTHY);
            }
        }
    }
}
