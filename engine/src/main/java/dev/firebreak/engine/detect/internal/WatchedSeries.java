package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.composite.MinimumDeparture;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.HeldDetectors;
import dev.firebreak.engine.detect.series.SeriesDetectors;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import java.util.Optional;

/** One watched series and its detectors; the detectors are replaced when its metric is reconfigured. */
public final class WatchedSeries {

    private final int handle;
    private final SeriesKey key;
    private final String label;
    private final MetricName metric;
    private HeldDetectors hold;
    /** The side of the band the metric's detectors watch, for the load context. */
    private Direction direction;
    /** How far past its band a finding must be to page (ADR 0022). */
    private MinimumDeparture margin;
    /** A request-rate series' own level, to tell its own loss of traffic from the system's (empty for other metrics). */
    private final Optional<LoadContext> ownTraffic;

    WatchedSeries(int handle, SeriesKey key, MetricDetectionConfig config) {
        this.handle = handle;
        this.key = key;
        this.label = key.toString();
        this.metric = key.metric();
        this.ownTraffic = metric == MetricName.REQUEST_RATE ? Optional.of(EntryLoad.trafficTracker()) : Optional.empty();
        reconfigure(config);
    }

    /** Fresh detectors (fresh state) built from {@code config}, which must be this series' metric's. */
    void reconfigure(MetricDetectionConfig config) {
        this.hold = SeriesDetectors.held(config.createDetectors(), config.hold());
        this.direction = config.direction();
        this.margin = config.minDeparture();
    }

    public int handle() {
        return handle;
    }

    public SeriesKey key() {
        return key;
    }

    /** The series' name in findings. */
    public String label() {
        return label;
    }

    public MetricName metric() {
        return metric;
    }

    /** Feeds this tick's value to the traffic tracker of a request-rate series (NaN: no value this tick). */
    public void track(double value) {
        ownTraffic.ifPresent(tracker -> tracker.update(value));
    }

    Optional<LoadContext> ownTraffic() {
        return ownTraffic;
    }

    public HeldDetectors hold() {
        return hold;
    }

    public Direction direction() {
        return direction;
    }

    public MinimumDeparture margin() {
        return margin;
    }
}
