package dev.firebreak.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationTests {

    private static Notification with(String dedupKey, Optional<URI> link) {
        return new Notification("INC-1", dedupKey, NotificationKind.TRIGGER, Priority.P2, "t", "", List.of(), "data",
                Fixtures.DETECTED, Fixtures.NOW, link);
    }

    @Test
    void priorityParsesP0ToP4AndNamesTheAllowedValues() {
        assertThat(Priority.parse(" p3 ")).isEqualTo(Priority.P3);
        assertThatThrownBy(() -> Priority.parse("SEV1"))
                .hasMessage("priority must be one of P0, P1, P2, P3, P4, was 'SEV1'");
    }

    @Test
    void dedupKeyLongerThanPagerDutyAllowsIsRefused() {
        assertThat(with("k".repeat(255), Optional.empty()).dedupKey()).hasSize(255);
        assertThatThrownBy(() -> with("k".repeat(256), Optional.empty()))
                .hasMessage("dedupKey must be 1 to 255 characters, was 256");
        assertThatThrownBy(() -> with("a\nb", Optional.empty())).hasMessageContaining("control characters");
    }

    @Test
    void eventBeforeDetectionIsRefused() {
        assertThatThrownBy(() -> new Notification("INC-1", "k", NotificationKind.RESOLVE, Priority.P2, "t", "",
                List.of(), "data", Fixtures.NOW, Fixtures.DETECTED, Optional.empty()))
                .hasMessageContaining("occurredAt").hasMessageContaining("must not be before detectedAt");
    }

    @Test
    void linkMustBeAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> with("k", Optional.of(URI.create("javascript:alert(1)"))))
                .hasMessageStartingWith("link must be an absolute http or https URL");
    }

    @Test
    void nextKeepsTheDedupKeyAndChangesKindTimeAndText() {
        Notification trigger = Fixtures.trigger();

        Notification resolved = trigger.next(NotificationKind.RESOLVE, Fixtures.NOW.plusSeconds(60), "fixed");

        assertThat(resolved.dedupKey()).isEqualTo(trigger.dedupKey());
        assertThat(resolved.kind()).isEqualTo(NotificationKind.RESOLVE);
        assertThat(resolved.occurredAt()).isEqualTo(Fixtures.NOW.plusSeconds(60));
        assertThat(resolved.text()).isEqualTo("fixed");
    }

    @Test
    void channelRoutingFollowsPrioritiesAndKinds() {
        ChannelConfig pager = ChannelConfig.of("oncall", PagerDutyTarget.of(Secret.of("env:K", "k")))
                .withPriorities(java.util.EnumSet.of(Priority.P0, Priority.P1));

        assertThat(pager.accepts(Fixtures.trigger(Priority.P1))).isTrue();
        assertThat(pager.accepts(Fixtures.trigger(Priority.P2))).isFalse();
        assertThat(pager.accepts(Fixtures.trigger(Priority.P0).next(NotificationKind.UPDATE, Fixtures.NOW, ""))).isFalse();
    }
}
