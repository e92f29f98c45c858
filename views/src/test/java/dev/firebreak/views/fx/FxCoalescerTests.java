package dev.firebreak.views.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FxCoalescerTests {

    @Test
    void pulseAppliesOnceForManyMarksBetweenPulses() {
        AtomicInteger applied = new AtomicInteger();
        FxCoalescer coalescer = new FxCoalescer(applied::incrementAndGet);
        for (int i = 0; i < 1000; i++) {
            coalescer.markDirty();
        }

        boolean ran = coalescer.pulse();

        assertThat(ran).isTrue();
        assertThat(applied).hasValue(1);
    }

    @Test
    void pulseDoesNothingWhenNothingChangedSinceLastPulse() {
        AtomicInteger applied = new AtomicInteger();
        FxCoalescer coalescer = new FxCoalescer(applied::incrementAndGet);
        coalescer.markDirty();
        coalescer.pulse();

        boolean ran = coalescer.pulse();

        assertThat(ran).isFalse();
        assertThat(applied).hasValue(1);
    }

    @Test
    void markFromAnotherThreadIsAppliedOnNextPulse() throws InterruptedException {
        AtomicInteger applied = new AtomicInteger();
        FxCoalescer coalescer = new FxCoalescer(applied::incrementAndGet);
        Thread engine = new Thread(coalescer::markDirty);
        engine.start();
        engine.join();

        coalescer.pulse();

        assertThat(applied).hasValue(1);
        assertThat(coalescer.isDirty()).isFalse();
    }
}
