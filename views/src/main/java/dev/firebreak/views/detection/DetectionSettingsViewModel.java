package dev.firebreak.views.detection;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.composite.CompositeConfig.Mode;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.composite.MinimumDeparture;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.BaselineHoldConfig;
import dev.firebreak.engine.detect.series.EwmaConfig;
import dev.firebreak.engine.detect.series.IqrConfig;
import dev.firebreak.engine.detect.series.RateOfChangeConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.detect.series.SeasonalBandConfig;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.views.session.DetectionSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The detection settings of one metric kind at a time, edited as text and validated on every
 * keystroke by building the engine's own config records (so the form accepts exactly what the engine
 * does, and shows the engine's message naming the allowed range). Apply hands the metric's detectors,
 * and the composite's weights and mode (which hold for every metric), to the running detection; Reset
 * fills the form with the defaults.
 */
public final class DetectionSettingsViewModel {

    /** What Apply hands to the session: one metric's detectors and how scores combine. */
    record Settings(MetricDetectionConfig detectors, CompositeConfig composite) {
    }

    public static final String ROLLING = "Rolling mean ± k·σ";
    static final String EWMA = "EWMA deviation";
    static final String IQR = "Interquartile range";
    static final String SEASONAL = "Seasonal band (hour of week)";
    static final String HOLD = "Baseline hold (during an anomaly)";
    static final String MARGIN = "Minimum departure (before medium)";

    private final DetectionSettings detection;
    private final ObjectProperty<MetricName> metric = new SimpleObjectProperty<>(this, "metric", MetricName.LATENCY_P99);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.WEIGHTED);
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.UP);
    private final BooleanProperty rollingOn = new SimpleBooleanProperty(this, "rollingOn", true);
    private final BooleanProperty ewmaOn = new SimpleBooleanProperty(this, "ewmaOn", true);
    private final BooleanProperty iqrOn = new SimpleBooleanProperty(this, "iqrOn", true);
    private final BooleanProperty seasonalOn = new SimpleBooleanProperty(this, "seasonalOn", true);
    private final BooleanProperty rateLimited = new SimpleBooleanProperty(this, "rateLimited");
    private final BooleanProperty rateRelative = new SimpleBooleanProperty(this, "rateRelative");
    private final BooleanProperty holdOn = new SimpleBooleanProperty(this, "holdOn", true);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper(this, "formMessage", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private boolean loading;

    final SettingField rollingWindow = new SettingField("window", "Window n (samples)", true, false);
    final SettingField rollingK = new SettingField("k", "k (standard deviations)", false, false);
    final SettingField ewmaAlpha = new SettingField("alpha", "Alpha (smoothing)", false, false);
    final SettingField ewmaThreshold = new SettingField("threshold", "Threshold (deviations)", false, false);
    final SettingField ewmaWarmup = new SettingField("warmupSamples", "Warm-up (samples)", true, false);
    final SettingField iqrWindow = new SettingField("window", "Window (samples)", true, false);
    final SettingField iqrFence = new SettingField("fence", "IQR multiplier", false, false);
    final SettingField seasonalLow = new SettingField("lowQuantile", "Low percentile (0-1)", false, false);
    final SettingField seasonalHigh = new SettingField("highQuantile", "High percentile (0-1)", false, false);
    final SettingField seasonalTolerance = new SettingField("tolerance", "Tolerance (band widths)", false, false);
    final SettingField seasonalMinSamples = new SettingField("minSamplesPerSlot", "Samples per slot", true, false);
    final SettingField rateWindow = new SettingField("windowSeconds", "Window (seconds)", true, false);
    final SettingField rateMaxRise = new SettingField("maxRise", "Max rise (empty: none)", false, true);
    final SettingField rateMaxFall = new SettingField("maxFall", "Max fall (empty: none)", false, true);
    final SettingField holdOpen = new SettingField("openSamples", "Flagged samples to hold", true, false);
    final SettingField holdQuiet = new SettingField("quietSamples", "Quiet samples to release", true, false);
    final SettingField holdAccept = new SettingField("acceptAfterSeconds", "Accept new level after (s)", true, false);
    final SettingField marginRelative = new SettingField("relative", "Share of the edge (0-1)", false, false);
    final SettingField marginAbsolute = new SettingField("absolute", "Absolute (metric's unit)", false, false);
    private final Map<DetectorFamily, SettingField> weights = new EnumMap<>(DetectorFamily.class);

    public DetectionSettingsViewModel(DetectionSettings detection) {
        this.detection = Objects.requireNonNull(detection, "detection");
        for (DetectorFamily family : DetectorFamily.values()) {
            String key = family.name().toLowerCase(java.util.Locale.ROOT);
            String label = family == DetectorFamily.ML ? "ML" : key;
            weights.put(family, new SettingField(key, "Weight " + label, false, false));
        }
        for (SettingField field : allFields()) {
            field.textProperty().addListener((obs, old, now) -> onEdit());
        }
        mode.addListener((obs, old, now) -> onEdit());
        direction.addListener((obs, old, now) -> onEdit());
        for (BooleanProperty on : List.of(rollingOn, ewmaOn, iqrOn, seasonalOn)) {
            on.addListener((obs, old, now) -> onEdit());
        }
        rateLimited.addListener((obs, old, now) -> onEdit());
        rateRelative.addListener((obs, old, now) -> onEdit());
        holdOn.addListener((obs, old, now) -> onEdit());
        metric.addListener((obs, old, now) -> load(now, detection.detectionConfig()));
        load(metric.get(), detection.detectionConfig());
    }

    // ---- Properties ----

    public ObjectProperty<MetricName> metricProperty() {
        return metric;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** Which side of the expected band counts as anomalous for this metric kind. */
    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    /**
     * Whether a banded detector runs on this metric kind; its fields are only checked while it does.
     *
     * @param section a title from {@link #sections()} of one of the four banded detectors
     */
    public BooleanProperty detectorOnProperty(String section) {
        return switch (section) {
            case ROLLING -> rollingOn;
            case EWMA -> ewmaOn;
            case IQR -> iqrOn;
            case SEASONAL -> seasonalOn;
            default -> throw new IllegalArgumentException("no detector to switch in section " + section);
        };
    }

    /** Whether a section is one of the banded detectors that can be switched off. */
    public static boolean isSwitchable(String section) {
        return List.of(ROLLING, EWMA, IQR, SEASONAL).contains(section);
    }

    /** Whether the metric has a rate-of-change limit. */
    public BooleanProperty rateLimitedProperty() {
        return rateLimited;
    }

    /** Whether rate limits are fractions of the window's extreme rather than metric units. */
    public BooleanProperty rateRelativeProperty() {
        return rateRelative;
    }

    /**
     * Whether the metric's adaptive detectors hold their baseline through an anomaly episode (ADR 0011),
     * so that a sustained fault stays anomalous instead of being learned as the new normal.
     */
    public BooleanProperty holdOnProperty() {
        return holdOn;
    }

    /** True when every field holds an acceptable value; Apply is disabled otherwise. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** A problem no single field owns (e.g. weights that do not sum to 1); empty when none. */
    public ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }

    /** What the last command did, e.g. "Applied to Latency p99". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The form's sections in display order: title to fields. */
    public Map<String, List<SettingField>> sections() {
        Map<String, List<SettingField>> sections = new LinkedHashMap<>();
        sections.put(ROLLING, List.of(rollingWindow, rollingK));
        sections.put(EWMA, List.of(ewmaAlpha, ewmaThreshold, ewmaWarmup));
        sections.put(IQR, List.of(iqrWindow, iqrFence));
        sections.put(SEASONAL, List.of(seasonalLow, seasonalHigh, seasonalTolerance, seasonalMinSamples));
        sections.put("Rate of change", List.of(rateWindow, rateMaxRise, rateMaxFall));
        sections.put(HOLD, List.of(holdOpen, holdQuiet, holdAccept));
        sections.put(MARGIN, List.of(marginRelative, marginAbsolute));
        sections.put("Composite score (all metrics)", List.copyOf(weights.values()));
        return sections;
    }

    public SettingField field(String section, String key) {
        return sections().get(section).stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + key + " in " + section));
    }

    public SettingField weight(DetectorFamily family) {
        return weights.get(family);
    }

    // ---- Commands ----

    /** Applies the form to the running detection; returns false (changing nothing) while the form is invalid. */
    public boolean apply() {
        Optional<Settings> settings = validate();
        if (settings.isEmpty()) {
            status.set("");
            return false;
        }
        detection.configureDetection(metric.get(), settings.get().detectors(), settings.get().composite());
        status.set("Applied to " + metric.get().label() + " on every component");
        return true;
    }

    /** Fills the form with the defaults of the metric kind and the default weights (Apply puts them in force). */
    public void resetToDefaults() {
        DetectionConfig defaults = DetectionConfig.ofDefaults();
        CompositeConfig current = detection.detectionConfig().composite();
        load(metric.get(), new DetectionConfig(defaults.perMetric(), defaults.fallback(),
                new CompositeConfig(defaults.composite().weights(), defaults.composite().mode(), current.confirmTicks(),
                        current.reportAtLeast()), defaults.health()));
        status.set("Defaults loaded; Apply to use them");
    }

    /**
     * Fills the form from a config. A detector switched off for the metric shows its defaults greyed
     * out, ready to be switched on.
     */
    private void load(MetricName kind, DetectionConfig all) {
        MetricDetectionConfig config = all.forMetric(kind);
        loading = true;
        try {
            RollingZScoreConfig rolling = config.rolling().orElse(RollingZScoreConfig.ofDefaults());
            EwmaConfig ewma = config.ewma().orElse(EwmaConfig.ofDefaults());
            IqrConfig iqr = config.iqr().orElse(IqrConfig.ofDefaults());
            SeasonalBandConfig seasonal = config.seasonal().orElse(SeasonalBandConfig.ofDefaults());
            rollingOn.set(config.rolling().isPresent());
            ewmaOn.set(config.ewma().isPresent());
            iqrOn.set(config.iqr().isPresent());
            seasonalOn.set(config.seasonal().isPresent());
            direction.set(config.direction());
            rollingWindow.set(rolling.window());
            rollingK.set(rolling.k());
            ewmaAlpha.set(ewma.alpha());
            ewmaThreshold.set(ewma.threshold());
            ewmaWarmup.set(ewma.warmupSamples());
            iqrWindow.set(iqr.window());
            iqrFence.set(iqr.fence());
            seasonalLow.set(seasonal.lowQuantile());
            seasonalHigh.set(seasonal.highQuantile());
            seasonalTolerance.set(seasonal.tolerance());
            seasonalMinSamples.set(seasonal.minSamplesPerSlot());
            RateOfChangeConfig rate = config.rateOfChange()
                    .orElse(new RateOfChangeConfig(60, Double.NaN, 0.5, true));
            rateLimited.set(config.rateOfChange().isPresent());
            rateRelative.set(rate.relative());
            rateWindow.set(rate.windowSeconds());
            setOrEmpty(rateMaxRise, rate.maxRise());
            setOrEmpty(rateMaxFall, rate.maxFall());
            BaselineHoldConfig hold = config.hold().orElse(BaselineHoldConfig.ofDefaults());
            holdOn.set(config.hold().isPresent());
            holdOpen.set(hold.openSamples());
            holdQuiet.set(hold.quietSamples());
            holdAccept.set(hold.acceptAfterSeconds());
            marginRelative.set(config.minDeparture().relative());
            marginAbsolute.set(config.minDeparture().absolute());
            for (DetectorFamily family : DetectorFamily.values()) {
                weights.get(family).set(all.composite().weight(family));
            }
            mode.set(all.composite().mode());
        } finally {
            loading = false;
        }
        status.set("");
        validate();
    }

    private static void setOrEmpty(SettingField field, double value) {
        if (Double.isNaN(value)) {
            field.setEmpty();
        } else {
            field.set(value);
        }
    }

    private void onEdit() {
        if (!loading) {
            status.set("");
            validate();
        }
    }

    /** Validates every field by building the engine's records; sets each field's message and {@link #validProperty()}. */
    Optional<Settings> validate() {
        allFields().forEach(f -> f.setMessage(""));
        formMessage.set("");
        Section<RollingZScoreConfig> rolling = section(rollingOn, List.of(rollingWindow, rollingK),
                v -> new RollingZScoreConfig(v[0].intValue(), v[1]));
        Section<EwmaConfig> ewma = section(ewmaOn, List.of(ewmaAlpha, ewmaThreshold, ewmaWarmup),
                v -> new EwmaConfig(v[0], v[1], v[2].intValue()));
        Section<IqrConfig> iqr = section(iqrOn, List.of(iqrWindow, iqrFence), v -> new IqrConfig(v[0].intValue(), v[1]));
        Section<SeasonalBandConfig> seasonal = section(seasonalOn,
                List.of(seasonalLow, seasonalHigh, seasonalTolerance, seasonalMinSamples),
                v -> new SeasonalBandConfig(v[0], v[1], v[2], v[3].intValue()));
        Optional<RateOfChangeConfig> rate = Optional.empty();
        boolean rateOk = true;
        if (rateLimited.get()) {
            RateOfChangeConfig r = build(List.of(rateWindow, rateMaxRise, rateMaxFall),
                    v -> new RateOfChangeConfig(v[0].longValue(), v[1], v[2], rateRelative.get()));
            rate = Optional.ofNullable(r);
            rateOk = r != null;
        }
        Section<BaselineHoldConfig> hold = section(holdOn, List.of(holdOpen, holdQuiet, holdAccept),
                v -> new BaselineHoldConfig(v[0].intValue(), v[1].intValue(), v[2].longValue()));
        MinimumDeparture margin = build(List.of(marginRelative, marginAbsolute),
                v -> new MinimumDeparture(v[0], v[1]));
        List<SettingField> weightFields = List.copyOf(weights.values());
        Double[] w = parseAll(weightFields);
        // the weights are checked even while other fields are wrong, so their message shows at once
        CompositeConfig current = detection.detectionConfig().composite();
        CompositeConfig composite = w == null ? null : attempt(weightFields,
                () -> new CompositeConfig(weightMap(w), mode.get(), current.confirmTicks(), current.reportAtLeast()));
        Settings settings = null;
        if (composite != null && rolling.ok() && ewma.ok() && iqr.ok() && seasonal.ok() && rateOk && hold.ok()
                && margin != null) {
            // the multi-scale and pattern detectors (the NAB profile's) are not on the form: whatever the
            // metric runs, it keeps
            Optional<RateOfChangeConfig> finalRate = rate;
            MetricDetectionConfig running = detection.detectionConfig().forMetric(metric.get());
            MetricDetectionConfig detectors = attempt(List.of(), () -> new MetricDetectionConfig(rolling.config(),
                    ewma.config(), iqr.config(), seasonal.config(), finalRate, running.multiScale(), running.pattern(),
                    direction.get(), hold.config(), margin));
            settings = detectors == null ? null : new Settings(detectors, composite);
        }
        valid.set(settings != null);
        return Optional.ofNullable(settings);
    }

    private static Map<DetectorFamily, Double> weightMap(Double[] w) {
        Map<DetectorFamily, Double> map = new EnumMap<>(DetectorFamily.class);
        for (DetectorFamily family : DetectorFamily.values()) {
            map.put(family, w[family.ordinal()]);
        }
        return map;
    }

    /** A detector's section of the form: its config when switched on, empty when off, not ok when a field is wrong. */
    private record Section<T>(Optional<T> config, boolean ok) {
    }

    private <T> Section<T> section(BooleanProperty on, List<SettingField> fields,
            java.util.function.Function<Double[], T> constructor) {
        if (!on.get()) {
            return new Section<>(Optional.empty(), true);
        }
        T config = build(fields, constructor);
        return new Section<>(Optional.ofNullable(config), config != null);
    }

    /** Builds a record from parsed fields; null (with messages set) when a field is wrong. */
    private <T> T build(List<SettingField> fields, java.util.function.Function<Double[], T> constructor) {
        Double[] values = parseAll(fields);
        if (values == null) {
            return null;
        }
        return attempt(fields, () -> constructor.apply(values));
    }

    private static Double[] parseAll(List<SettingField> fields) {
        Double[] values = new Double[fields.size()];
        boolean ok = true;
        for (int i = 0; i < fields.size(); i++) {
            values[i] = fields.get(i).parse();
            ok &= values[i] != null;
        }
        return ok ? values : null;
    }

    /** Runs an engine constructor; its message goes to the field it names, or to the form. */
    private <T> T attempt(List<SettingField> fields, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            String message = capitalise(e.getMessage());
            for (SettingField field : fields) {
                if (field.isNamedIn(e.getMessage())) {
                    field.setMessage(message);
                    return null;
                }
            }
            formMessage.set(message);
            return null;
        }
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "invalid value" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private List<SettingField> allFields() {
        List<SettingField> all = new ArrayList<>();
        sections().values().forEach(all::addAll);
        return all;
    }
}
