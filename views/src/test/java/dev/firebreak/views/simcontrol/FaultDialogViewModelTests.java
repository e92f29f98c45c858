package dev.firebreak.views.simcontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FaultDialogViewModelTests {

    private final Topology shop = Topologies.shop();
    private final ScriptedSession session = new ScriptedSession(shop, 1);

    private FaultDialogViewModel dialogFor(String target) {
        return new FaultDialogViewModel(shop, session.faults(), session.clock(), target);
    }

    private String withDependencies() {
        for (int i = 0; i < shop.size(); i++) {
            if (shop.calleesOf(i).length > 0) {
                return shop.component(i).id();
            }
        }
        throw new IllegalStateException("shop has no caller");
    }

    @Test
    void prefilledTargetWithDefaultMagnitudeIsValid() {
        FaultDialogViewModel vm = dialogFor(shop.component(0).id());

        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.magnitudeProperty().get()).isEqualTo("500");
        assertThat(vm.magnitudeLabelProperty().get()).contains("ms added per request", "1", "60000");
    }

    @Test
    void magnitudeOutOfRangeDisablesInjectAndSaysTheRange() {
        FaultDialogViewModel vm = dialogFor(shop.component(0).id());

        vm.magnitudeProperty().set("70000");

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).contains("[1.0, 60000.0]", "70000");
    }

    @Test
    void textThatIsNotANumberIsRejectedByName() {
        FaultDialogViewModel vm = dialogFor(shop.component(0).id());

        vm.magnitudeProperty().set("lots");

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).contains("'lots'", "not a number");
    }

    @Test
    void unknownTargetIsRejected() {
        FaultDialogViewModel vm = dialogFor("no-such-service");

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).contains("no-such-service");
    }

    @Test
    void changingTypePrefillsItsDefaultMagnitude() {
        FaultDialogViewModel vm = dialogFor(shop.component(0).id());

        vm.typeProperty().set(FaultType.PACKET_LOSS);

        assertThat(vm.magnitudeProperty().get()).isEqualTo("0.3");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void dependencyFailureEnablesPeerRestrictedToTheTargetsDependencies() {
        String caller = withDependencies();
        FaultDialogViewModel vm = dialogFor(caller);

        vm.typeProperty().set(FaultType.DEPENDENCY_FAILURE);

        var expected = Arrays.stream(shop.calleesOf(shop.indexOf(caller))).mapToObj(i -> shop.component(i).id()).toList();
        assertThat(vm.peerEnabledProperty().get()).isTrue();
        assertThat(vm.peerChoices()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(vm.peerProperty().get()).isIn(expected);
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void peerIsClearedAndDisabledForSingleComponentFaults() {
        FaultDialogViewModel vm = dialogFor(withDependencies());
        vm.typeProperty().set(FaultType.DEPENDENCY_FAILURE);

        vm.typeProperty().set(FaultType.CPU_PRESSURE);

        assertThat(vm.peerEnabledProperty().get()).isFalse();
        assertThat(vm.peerProperty().get()).isNull();
    }

    @Test
    void unreadableDurationIsRejectedWithTheTextTyped() {
        FaultDialogViewModel vm = dialogFor(shop.component(0).id());

        vm.durationProperty().set("five minutes");

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Duration:").contains("'five minutes'");
    }

    @Test
    void injectSchedulesTheFaultAfterTheDelayInEngineTime() {
        FaultDialogViewModel vm = dialogFor(shop.component(0).id());
        vm.typeProperty().set(FaultType.INSTANCE_KILL);
        vm.durationProperty().set("90s");
        vm.startDelayProperty().set("+30s");
        session.advance(10);

        ActiveFault fault = vm.inject();

        assertThat(fault.spec().type()).isEqualTo(FaultType.INSTANCE_KILL);
        assertThat(fault.spec().start()).isEqualTo(session.clock().instant().plusSeconds(30));
        assertThat(fault.spec().duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(session.faults().faults()).containsExactly(fault);
    }
}
