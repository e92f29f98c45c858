package dev.firebreak.app.console;

import dev.firebreak.views.component.ComponentDetailViewModel;
import dev.firebreak.views.component.MarkExplanation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.history.SeriesVerdict;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.app.testing.SteppedSession;
import dev.firebreak.views.testing.Topologies;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Anomaly markers and their explanations on the component detail, without the toolkit. */
class ComponentDetailDetectionTests {

    private static final String CATALOG = "catalog";

    private final SteppedSession session = SteppedSession.start(Topologies.shop(), 5, 1);

    private SeriesVerdict latencyMarkAfterFault(ComponentDetailViewModel viewModel) {
        session.advance(300);
        long faultStart = session.clock().instant().getEpochSecond();
        session.faults().inject(new FaultSpec(FaultType.LATENCY, CATALOG, Optional.empty(), 900,
                session.clock().instant(), Duration.ofMinutes(5)));
        session.advance(20);
        DetectionHistory.Trace trace = viewModel.detection(MetricName.LATENCY_P99, 600);
        // the first marker of the fault: later ones are judged against a band that has begun to widen
        return trace.marks().stream().filter(m -> m.epochSecond() > faultStart).findFirst().orElseThrow();
    }

    @Test
    void faultedSeriesHasBandScoreAndASevereMarker() {
        ComponentDetailViewModel viewModel = new ComponentDetailViewModel(session, CATALOG, id -> { });

        SeriesVerdict mark = latencyMarkAfterFault(viewModel);

        DetectionHistory.Trace trace = viewModel.detection(MetricName.LATENCY_P99, 600);
        int beforeFault = trace.size() - 40;
        assertThat(trace.low()[beforeFault]).isLessThan(trace.high()[beforeFault]);
        assertThat(mark.severity().isAtLeast(Severity.MEDIUM)).isTrue();
        assertThat(mark.observed()).isGreaterThan(mark.expectedHigh());
    }

    @Test
    void selectingAMarkerExplainsWhichDetectorsFiredAndWhatEachFamilyAdded() {
        ComponentDetailViewModel viewModel = new ComponentDetailViewModel(session, CATALOG, id -> { });
        SeriesVerdict mark = latencyMarkAfterFault(viewModel);

        boolean found = viewModel.selectMarkAt(MetricName.LATENCY_P99, mark.epochSecond());

        MarkExplanation explanation = viewModel.explanationProperty().get();
        assertThat(found).isTrue();
        assertThat(explanation.title()).contains("Latency p99").contains(CATALOG).contains(mark.severity().name());
        assertThat(explanation.observed()).contains(MarkExplanation.number(mark.observed()))
                .contains(MarkExplanation.number(mark.expectedHigh()));
        assertThat(explanation.fired()).hasSize(mark.fired().size())
                .anySatisfy(line -> assertThat(line).contains(mark.fired().getFirst().reason()));
        assertThat(explanation.contributions()).anySatisfy(line -> assertThat(line).startsWith("Statistical +"));
        assertThat(explanation.text()).contains(String.format(java.util.Locale.ROOT, "Score %.2f", mark.score()));
    }

    @Test
    void selectingNothingHidesTheExplanation() {
        ComponentDetailViewModel viewModel = new ComponentDetailViewModel(session, CATALOG, id -> { });
        SeriesVerdict mark = latencyMarkAfterFault(viewModel);
        viewModel.selectMark(mark);

        boolean found = viewModel.selectMarkAt(MetricName.LATENCY_P99, mark.epochSecond() - 200);

        assertThat(found).isFalse();
        assertThat(viewModel.explanationProperty().get()).isNull();
    }

    @Test
    void markerOfAnotherComponentIsRejected() {
        ComponentDetailViewModel viewModel = new ComponentDetailViewModel(session, "cart", id -> { });
        ComponentDetailViewModel catalog = new ComponentDetailViewModel(session, CATALOG, id -> { });
        SeriesVerdict mark = latencyMarkAfterFault(catalog);

        assertThatThrownBy(() -> viewModel.selectMark(mark)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalog");
    }
}
