package dev.firebreak.engine.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FaultSpecParserTests {

    private static final Instant RUN_START = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void readsTypeTargetPeerAndOptions() {
        FaultSpec spec = FaultSpecParser.parse("dependency-failure:orders->payments,magnitude=0.5,at=10m,for=5m", RUN_START);

        assertThat(spec.type()).isEqualTo(FaultType.DEPENDENCY_FAILURE);
        assertThat(spec.target()).isEqualTo("orders");
        assertThat(spec.peer()).contains("payments");
        assertThat(spec.magnitude()).isEqualTo(0.5);
        assertThat(spec.start()).isEqualTo(RUN_START.plus(Duration.ofMinutes(10)));
        assertThat(spec.duration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void fillsDefaultsFromTheFaultType() {
        FaultSpec spec = FaultSpecParser.parse("memory_leak:cart", RUN_START);

        assertThat(spec.magnitude()).isEqualTo(FaultType.MEMORY_LEAK.defaultMagnitude());
        assertThat(spec.start()).isEqualTo(RUN_START);
        assertThat(spec.duration()).isEqualTo(FaultSpecParser.DEFAULT_DURATION);
    }

    @Test
    void formatRoundTrips() {
        FaultSpec spec = FaultSpecParser.parse("network-partition:web->auth,magnitude=0.75,at=1h,for=90s", RUN_START);

        assertThat(FaultSpecParser.parse(FaultSpecParser.format(spec, RUN_START), RUN_START)).isEqualTo(spec);
    }

    @Test
    void errorsNameWhatIsWrong() {
        assertThatThrownBy(() -> FaultSpecParser.parse("melt:web", RUN_START)).hasMessageContaining("unknown fault type 'melt'");
        assertThatThrownBy(() -> FaultSpecParser.parse("latency", RUN_START)).hasMessageContaining("type:target");
        assertThatThrownBy(() -> FaultSpecParser.parse("latency:web,magnitude=lots", RUN_START)).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> FaultSpecParser.parse("latency:web,colour=red", RUN_START)).hasMessageContaining("'colour'");
        assertThatThrownBy(() -> FaultSpecParser.parse("latency:web,magnitude=0", RUN_START)).hasMessageContaining("must be in");
        assertThatThrownBy(() -> FaultSpecParser.parse("network-partition:web", RUN_START)).hasMessageContaining("needs a peer");
        assertThatThrownBy(() -> FaultSpecParser.parse("latency:web,for=soon", RUN_START)).hasMessageContaining("'soon'");
    }
}
