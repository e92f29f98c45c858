package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.composite.ComponentEvidence;
import dev.firebreak.engine.detect.composite.Finding;
import dev.firebreak.engine.detect.series.HeldDetectors;

/**
 * One component's outputs at this tick as the scorer reads them, straight from each series' detectors;
 * a {@link Finding} is made only for an output that fired. One instance, reused for every component.
 */
public final class TickEvidence implements ComponentEvidence {

    private WatchedSeries[] series;
    private boolean seriesFired;
    private DetectorOutput vector;
    private String vectorLabel;

    /** @param anySeriesFired whether any series detector fired at this tick, as the tick's loop saw it */
    public void of(WatchedSeries[] componentSeries, boolean anySeriesFired, DetectorOutput vectorOutput,
            String componentId) {
        this.series = componentSeries;
        this.seriesFired = anySeriesFired;
        this.vector = vectorOutput;
        this.vectorLabel = componentId;
    }

    /** Whether anything fired on the component: a series detector or its vector detector. */
    public boolean anyFired() {
        return seriesFired || vector != null && vector.fired();
    }

    @Override
    public int seriesCount() {
        return series.length;
    }

    @Override
    public int outputCount(int s) {
        return series[s].hold().outputCount();
    }

    @Override
    public DetectorKind kind(int s, int i) {
        return series[s].hold().kind(i);
    }

    @Override
    public double score(int s, int i) {
        return series[s].hold().score(i);
    }

    @Override
    public boolean fired(int s, int i) {
        return series[s].hold().fired(i);
    }

    @Override
    public Finding finding(int s, int i) {
        return new Finding(series[s].label(), series[s].hold().output(i));
    }

    @Override
    public boolean clearsMargin(int s, int i) {
        HeldDetectors hold = series[s].hold();
        return series[s].margin().clears(hold.observed(i), hold.expectedLow(i), hold.expectedHigh(i));
    }

    @Override
    public int vectorCount() {
        return vector == null ? 0 : 1;
    }

    @Override
    public DetectorOutput vectorOutput(int i) {
        return vector;
    }

    @Override
    public Finding vectorFinding(int i) {
        return new Finding(vectorLabel, vector);
    }
}
