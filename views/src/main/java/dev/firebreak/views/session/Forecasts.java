package dev.firebreak.views.session;

import dev.firebreak.engine.predict.ForecastEngineConfig;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.telemetry.SeriesKey;
import java.util.Optional;

/** Breach forecasts of the series that have a threshold. */
public interface Forecasts {

    /** The latest forecast of a series, empty if it has no breach threshold or its model is not ready yet. */
    Optional<SeriesOutlook> forecast(SeriesKey key);

    /** The forecasting settings: horizon, step and the breach thresholds per metric. */
    ForecastEngineConfig forecastConfig();
}
