package dev.firebreak.bench.heal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The end-to-end line says where the time went, stage by stage, counting only the seeds that reached each stage. */
class EndToEndStagesTests {

    private static HealingTrials.Stages stages(long incident, long decided, long issued, long verified) {
        return new HealingTrials.Stages(at(incident), at(decided), at(issued), at(verified));
    }

    private static OptionalLong at(long seconds) {
        return seconds < 0 ? OptionalLong.empty() : OptionalLong.of(seconds);
    }

    @Test
    void eachStageIsTheMedianOfTheSeedsThatReachedIt() {
        List<HealingTrials.Stages> runs = List.of(stages(150, 150, 150, 203), stages(160, 160, 160, 220),
                stages(150, 150, 420, 470), stages(150, 150, -1, -1));

        assertThat(HealingTrials.stageMedians(runs))
                .isEqualTo("incident 150, decided 150, issued 160, verified 220 (medians, s after the fault; 4, 4, 3, 3"
                        + " seeds)");
        assertThat(HealingTrials.verified(runs)).containsExactly(203L, 220L, 470L);
    }
}
