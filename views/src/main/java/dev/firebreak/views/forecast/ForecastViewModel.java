package dev.firebreak.views.forecast;

import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.predict.Criticality;
import dev.firebreak.engine.predict.ForecastEngineConfig;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.views.fx.FxCoalescer;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.Forecasts;
import dev.firebreak.views.session.HealthStatus;
import dev.firebreak.views.session.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The forecast of one series: its last hour, the forecast over the horizon with its interval, the
 * breach threshold, and in words the time to breach, its probability and the risk. Follows the
 * forecast engine, which re-forecasts every step (a minute by default).
 */
public final class ForecastViewModel implements AutoCloseable {

    /** History shown before now. */
    public static final int HISTORY_SECONDS = 3600;

    private final Telemetry telemetry;
    private final HealthStatus status;
    private final Forecasts forecasts;
    private final Criticality criticality;
    private final FxCoalescer coalescer = new FxCoalescer(this::refresh);
    private final Subscription subscription;
    private final ObjectProperty<SeriesKey> series = new SimpleObjectProperty<>(this, "series");
    private final ReadOnlyObjectWrapper<SeriesOutlook> outlook = new ReadOnlyObjectWrapper<>(this, "outlook");
    private final ReadOnlyStringWrapper breachText = new ReadOnlyStringWrapper(this, "breachText", "");
    private final ReadOnlyStringWrapper riskText = new ReadOnlyStringWrapper(this, "riskText", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

    /** @param initial the series shown first; must be one of {@link #choices()} */
    public ForecastViewModel(ConsoleSession session, SeriesKey initial) {
        Objects.requireNonNull(session, "session");
        this.telemetry = session.telemetry();
        this.status = session.status();
        this.forecasts = session.forecasts();
        this.criticality = Criticality.of(telemetry.topology());
        series.addListener((obs, old, now) -> refresh());
        select(initial);
        subscription = telemetry.events().subscribe(MetricsTicked.class, e -> coalescer.markDirty());
    }

    /** The first forecastable series of a component (or of the topology, if it has none); empty if none at all. */
    public static Optional<SeriesKey> defaultSeries(ConsoleSession session, String preferredComponent) {
        List<SeriesKey> all = choices(session);
        return all.stream().filter(k -> k.componentId().equals(preferredComponent)).findFirst()
                .or(() -> all.stream().findFirst());
    }

    /** Every series with a breach threshold, by component then metric. */
    public static List<SeriesKey> choices(ConsoleSession session) {
        return choices(session.telemetry(), session.forecasts());
    }

    private static List<SeriesKey> choices(Telemetry telemetry, Forecasts forecasts) {
        ForecastEngineConfig config = forecasts.forecastConfig();
        List<SeriesKey> keys = new ArrayList<>();
        for (int i = 0; i < telemetry.topology().size(); i++) {
            for (MetricName metric : MetricName.values()) {
                if (config.threshold(metric).isPresent() && telemetry.seriesHandle(i, metric) >= 0) {
                    keys.add(new SeriesKey(telemetry.topology().component(i).id(), metric));
                }
            }
        }
        return keys;
    }

    public List<SeriesKey> choices() {
        return choices(telemetry, forecasts);
    }

    // ---- Properties ----

    public ObjectProperty<SeriesKey> seriesProperty() {
        return series;
    }

    /** The latest forecast, or null while the model is still learning. */
    public ReadOnlyObjectProperty<SeriesOutlook> outlookProperty() {
        return outlook.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty breachTextProperty() {
        return breachText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty riskTextProperty() {
        return riskText.getReadOnlyProperty();
    }

    /** Increases on every refresh; the chart redraws on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public Duration horizon() {
        return forecasts.forecastConfig().horizon();
    }

    /** The series' last hour, ending at its newest sample. */
    public SeriesSnapshot history() {
        SeriesKey key = series.get();
        int handle = telemetry.seriesHandle(telemetry.topology().indexOf(key.componentId()), key.metric());
        return telemetry.store().recent(handle, HISTORY_SECONDS);
    }

    // ---- Commands ----

    /** Shows another series; it must have a breach threshold. */
    public void select(SeriesKey key) {
        Objects.requireNonNull(key, "key");
        if (forecasts.forecastConfig().threshold(key.metric()).isEmpty()) {
            throw new IllegalArgumentException(key.metric().label() + " has no breach threshold, so it is not forecast");
        }
        if (telemetry.topology().indexOf(key.componentId()) < 0) {
            throw new IllegalArgumentException("no component '" + key.componentId() + "'");
        }
        series.set(key);
    }

    /** Reads the newest forecast; once per pulse after ticks, or by hand in tests. */
    public void refresh() {
        SeriesKey key = series.get();
        SeriesOutlook now = forecasts.forecast(key).orElse(null);
        outlook.set(now);
        if (now == null) {
            breachText.set("Learning: the forecast needs a few minutes of " + key.metric().label() + " first");
            riskText.set("");
        } else {
            breachText.set(ForecastText.breach(now, key.metric().unit(), horizon()));
            double anomaly = anomalyScore(key);
            double critical = criticality.of(key.componentId());
            double p = now.breach().probability();
            riskText.set(ForecastText.risk(forecasts.forecastConfig().risk().risk(p, anomaly, critical), p, anomaly, critical));
        }
        revision.set(revision.get() + 1);
    }

    private double anomalyScore(SeriesKey key) {
        long newest = telemetry.store().latestEpochSecond(
                telemetry.seriesHandle(telemetry.topology().indexOf(key.componentId()), key.metric()));
        if (newest == Long.MIN_VALUE) {
            return 0;
        }
        DetectionHistory.Trace trace = status.detectionHistory().trace(key, newest, newest);
        double score = trace.score()[0];
        return Double.isNaN(score) ? 0 : Math.max(0, Math.min(1, score));
    }

    public FxCoalescer coalescer() {
        return coalescer;
    }

    public void start() {
        coalescer.start();
    }

    @Override
    public void close() {
        coalescer.close();
        subscription.close();
    }
}
