package dev.firebreak.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateMachineTests {

    enum Phase { PENDING, RUNNING, SUCCEEDED, FAILED }

    static final Transitions<Phase> TABLE = Transitions.of(Phase.class)
            .allow(Phase.PENDING, Phase.RUNNING, Phase.FAILED)
            .allow(Phase.RUNNING, Phase.SUCCEEDED, Phase.FAILED)
            .build();

    @Test
    void legalMovesChangeTheStateAndTellTheListener() {
        List<String> moves = new ArrayList<>();
        StateMachine<Phase> machine = new StateMachine<>(TABLE, Phase.PENDING, (from, to) -> moves.add(from + ">" + to));

        boolean changed = machine.moveTo(Phase.RUNNING) && machine.moveTo(Phase.SUCCEEDED);

        assertThat(changed).isTrue();
        assertThat(machine.state()).isEqualTo(Phase.SUCCEEDED);
        assertThat(moves).containsExactly("PENDING>RUNNING", "RUNNING>SUCCEEDED");
    }

    @Test
    void illegalMoveIsRefusedNamingBothStatesAndWhatIsAllowed() {
        StateMachine<Phase> machine = new StateMachine<>(TABLE, Phase.PENDING);

        assertThatThrownBy(() -> machine.moveTo(Phase.SUCCEEDED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Phase: illegal transition from PENDING to SUCCEEDED; from PENDING only RUNNING, FAILED allowed");
        assertThat(machine.state()).isEqualTo(Phase.PENDING);
    }

    @Test
    void finalStateAllowsNothingAndSaysSo() {
        StateMachine<Phase> machine = new StateMachine<>(TABLE, Phase.FAILED);

        assertThat(TABLE.isFinal(Phase.FAILED)).isTrue();
        assertThat(machine.next()).isEmpty();
        assertThatThrownBy(() -> machine.moveTo(Phase.RUNNING)).hasMessageContaining("nothing is allowed (final state)");
    }

    @Test
    void stayingPutIsNoMoveAndNotListed() {
        StateMachine<Phase> machine = new StateMachine<>(TABLE, Phase.RUNNING);

        assertThat(machine.moveTo(Phase.RUNNING)).isFalse();
        assertThat(machine.canMoveTo(Phase.RUNNING)).isFalse();
        assertThatThrownBy(() -> Transitions.of(Phase.class).allow(Phase.RUNNING, Phase.RUNNING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextListsTheLegalMovesInDeclarationOrder() {
        assertThat(TABLE.from(Phase.PENDING)).containsExactly(Phase.RUNNING, Phase.FAILED);
        assertThat(TABLE.allows(Phase.RUNNING, Phase.PENDING)).isFalse();
    }
}
