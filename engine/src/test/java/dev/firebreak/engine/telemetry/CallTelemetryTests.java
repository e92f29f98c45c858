package dev.firebreak.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallTelemetryTests {

    private static final List<CallTelemetry.Call> CALLS = List.of(new CallTelemetry.Call("web", "api"),
            new CallTelemetry.Call("api", "db"));

    private static void recordSeconds(CallTelemetry telemetry, long from, long until, double webToApi, double apiToDb) {
        for (long t = from; t < until; t++) {
            telemetry.record(telemetry.index("web", "api"), t, webToApi);
            telemetry.record(telemetry.index("api", "db"), t, apiToDb);
        }
    }

    @Test
    void everySecondOfAClosedBucketReadsItsMeanAndTheOpenBucketIsNotYetThere() {
        CallTelemetry telemetry = CallTelemetry.bucketed(CALLS, 5, 60);
        recordSeconds(telemetry, 100, 105, 2, 0);
        telemetry.record(0, 105, 50);
        telemetry.record(0, 106, 70);
        double[] into = new double[10];

        assertThat(telemetry.copyFailedPercent("web", "api", 100, into)).isTrue();

        assertThat(into).startsWith(2, 2, 2, 2, 2);
        assertThat(into[5]).isNaN(); // 105..109 is still being filled
        telemetry.record(0, 110, 0);
        telemetry.copyFailedPercent("web", "api", 100, into);
        assertThat(into[5]).isEqualTo(60);
        assertThat(into[9]).isEqualTo(60);
    }

    @Test
    void itIsReportedUntilTheEndOfItsNewestClosedBucket() {
        CallTelemetry telemetry = CallTelemetry.bucketed(CALLS, 5, 60);
        assertThat(telemetry.reportedUntil()).isEqualTo(Long.MIN_VALUE);

        recordSeconds(telemetry, 100, 108, 1, 1);

        assertThat(telemetry.reportedUntil()).isEqualTo(105); // 105..107 are in the open bucket
        recordSeconds(telemetry, 108, 111, 1, 1);
        assertThat(telemetry.reportedUntil()).isEqualTo(110);
    }

    @Test
    void eachCallKeepsItsOwnFiguresAndMissingSecondsDoNotCount() {
        CallTelemetry telemetry = CallTelemetry.bucketed(CALLS, 5, 60);
        recordSeconds(telemetry, 0, 5, 1, 40);
        telemetry.record(1, 5, Double.NaN);
        telemetry.record(1, 6, 10);
        telemetry.record(1, 10, 0);
        double[] into = new double[10];

        telemetry.copyFailedPercent("api", "db", 0, into);

        assertThat(into).containsExactly(40, 40, 40, 40, 40, 10, 10, 10, 10, 10);
    }

    @Test
    void secondsOlderThanItKeepsOrNotYetSeenReadAsMissing() {
        CallTelemetry telemetry = CallTelemetry.bucketed(CALLS, 5, 20);
        recordSeconds(telemetry, 0, 61, 3, 3);
        double[] into = new double[70];

        telemetry.copyFailedPercent("web", "api", 0, into);

        assertThat(into[0]).isNaN();
        assertThat(into[39]).isNaN();
        assertThat(into[40]).isEqualTo(3);
        assertThat(into[59]).isEqualTo(3);
        assertThat(into[60]).isNaN();
    }

    @Test
    void anUnknownCallIsNotReadAndTheBufferIsLeftAlone() {
        CallTelemetry telemetry = CallTelemetry.bucketed(CALLS, 5, 60);
        double[] into = {7, 7};

        assertThat(telemetry.copyFailedPercent("db", "api", 0, into)).isFalse();
        assertThat(telemetry.index("db", "api")).isEqualTo(-1);
        assertThat(into).containsExactly(7, 7);
        assertThat(CallTelemetry.none().copyFailedPercent("web", "api", 0, into)).isFalse();
    }

    @Test
    void aRetentionShorterThanTwoBucketsIsRefused() {
        assertThatThrownBy(() -> CallTelemetry.bucketed(CALLS, 5, 9)).hasMessageContaining("two buckets");
        assertThatThrownBy(() -> CallTelemetry.bucketed(CALLS, 0, 60)).hasMessageContaining("bucketSeconds");
    }
}
