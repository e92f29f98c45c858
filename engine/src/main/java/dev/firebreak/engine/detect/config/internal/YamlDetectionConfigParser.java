package dev.firebreak.engine.detect.config.internal;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.composite.MinimumDeparture;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.DetectionConfigException;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.health.HealthConfig;
import dev.firebreak.engine.detect.series.BaselineHoldConfig;
import dev.firebreak.engine.detect.series.EwmaConfig;
import dev.firebreak.engine.detect.series.IqrConfig;
import dev.firebreak.engine.detect.series.RateOfChangeConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.detect.series.SeasonalBandConfig;
import dev.firebreak.engine.telemetry.MetricName;
import java.io.Reader;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads detection overrides from SnakeYAML's node tree (only nodes know their line). Unknown fields are
 * errors, and values are checked by the config records themselves, whose messages (with the allowed
 * range) are passed on prefixed with the file, line and field.
 */
public final class YamlDetectionConfigParser {

    private final String source;

    private YamlDetectionConfigParser(String source) {
        this.source = source;
    }

    public static DetectionConfig parse(String source, Reader reader, DetectionConfig base)
            throws DetectionConfigException {
        return new YamlDetectionConfigParser(source).parse(reader, base);
    }

    /** One YAML mapping: its fields by name, checked against the allowed names. */
    private final class Section {
        final String path;
        final Node node;
        final Map<String, Node> fields = new LinkedHashMap<>();

        Section(String path, Node node, List<String> allowed) throws DetectionConfigException {
            this.path = path;
            this.node = node;
            if (!(node instanceof MappingNode mapping)) {
                throw error(node, path, "expected a mapping of fields");
            }
            for (NodeTuple tuple : mapping.getValue()) {
                String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
                if (!allowed.contains(name)) {
                    throw error(tuple.getKeyNode(), child(name), "unknown field '" + name + "'; allowed fields: "
                            + String.join(", ", allowed));
                }
                if (fields.putIfAbsent(name, tuple.getValueNode()) != null) {
                    throw error(tuple.getKeyNode(), child(name), "field given twice");
                }
            }
        }

        String child(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        Optional<Section> section(String name, List<String> allowed) throws DetectionConfigException {
            Node value = fields.get(name);
            return value == null ? Optional.empty() : Optional.of(new Section(child(name), value, allowed));
        }

        boolean isOff(String name) {
            return fields.get(name) instanceof ScalarNode scalar
                    && List.of("off", "false", "none").contains(scalar.getValue().toLowerCase(Locale.ROOT));
        }

        double number(String name, double fallback) throws DetectionConfigException {
            Node value = fields.get(name);
            if (value == null) {
                return fallback;
            }
            String text = value instanceof ScalarNode scalar ? scalar.getValue() : "";
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw error(value, child(name), "expected a number, found '" + text + "'");
            }
        }

        int integer(String name, int fallback) throws DetectionConfigException {
            double value = number(name, fallback);
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw error(fields.get(name), child(name), "expected a whole number, found " + value);
            }
            return (int) value;
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) throws DetectionConfigException {
            Node value = fields.get(name);
            if (value == null) {
                return fallback;
            }
            String text = value instanceof ScalarNode scalar ? scalar.getValue() : "";
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw error(value, child(name), "unknown value '" + text + "'; allowed: "
                        + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
            }
        }

        /** Builds a record, turning its validation message into a located error. */
        <T> T build(java.util.function.Supplier<T> constructor) throws DetectionConfigException {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw error(node, path, e.getMessage());
            }
        }
    }

    private DetectionConfigException error(Node node, String field, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new DetectionConfigException(source, line, field, problem);
    }

    private DetectionConfig parse(Reader reader, DetectionConfig base) throws DetectionConfigException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new DetectionConfigException(source, e.getProblemMark().getLine() + 1, "",
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new DetectionConfigException(source, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return base;
        }
        Section file = new Section("", root, List.of("composite", "health", "metrics"));
        CompositeConfig composite = base.composite();
        Optional<Section> compositeSection = file.section("composite",
                List.of("mode", "confirmTicks", "reportAtLeast", "weights"));
        if (compositeSection.isPresent()) {
            composite = composite(compositeSection.get(), composite);
        }
        HealthConfig health = base.health();
        Optional<Section> healthSection = file.section("health", List.of("degradedAt", "criticalAt", "failedScore",
                "worsenTicks", "improveTicks", "recoveredTicks"));
        if (healthSection.isPresent()) {
            health = health(healthSection.get(), health);
        }
        EnumMap<MetricName, MetricDetectionConfig> perMetric = new EnumMap<>(base.perMetric());
        List<String> metricNames = Arrays.stream(MetricName.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
        Optional<Section> metrics = file.section("metrics", metricNames);
        if (metrics.isPresent()) {
            for (MetricName metric : MetricName.values()) {
                Optional<Section> section = metrics.get().section(metric.name().toLowerCase(Locale.ROOT),
                        List.of("rolling", "ewma", "iqr", "seasonal", "rateOfChange", "direction", "hold",
                                "minDeparture"));
                if (section.isPresent()) {
                    perMetric.put(metric, metric(section.get(), perMetric.get(metric)));
                }
            }
        }
        CompositeConfig finalComposite = composite;
        HealthConfig finalHealth = health;
        return file.build(() -> new DetectionConfig(perMetric, base.fallback(), finalComposite, finalHealth));
    }

    private CompositeConfig composite(Section section, CompositeConfig base) throws DetectionConfigException {
        EnumMap<DetectorFamily, Double> weights = new EnumMap<>(base.weights());
        Optional<Section> weightSection = section.section("weights",
                Arrays.stream(DetectorFamily.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
        if (weightSection.isPresent()) {
            for (DetectorFamily family : DetectorFamily.values()) {
                weights.put(family, weightSection.get().number(family.name().toLowerCase(Locale.ROOT), weights.get(family)));
            }
        }
        CompositeConfig.Mode mode = section.choice("mode", CompositeConfig.Mode.class, base.mode());
        int confirm = section.integer("confirmTicks", base.confirmTicks());
        Severity report = section.choice("reportAtLeast", Severity.class, base.reportAtLeast());
        return section.build(() -> new CompositeConfig(weights, mode, confirm, report));
    }

    private HealthConfig health(Section section, HealthConfig base) throws DetectionConfigException {
        Severity degraded = section.choice("degradedAt", Severity.class, base.degradedAt());
        Severity critical = section.choice("criticalAt", Severity.class, base.criticalAt());
        double failed = section.number("failedScore", base.failedScore());
        int worsen = section.integer("worsenTicks", base.worsenTicks());
        int improve = section.integer("improveTicks", base.improveTicks());
        int recovered = section.integer("recoveredTicks", base.recoveredTicks());
        return section.build(() -> new HealthConfig(degraded, critical, failed, worsen, improve, recovered));
    }

    private MetricDetectionConfig metric(Section section, MetricDetectionConfig base) throws DetectionConfigException {
        Optional<RollingZScoreConfig> rolling = base.rolling();
        if (section.isOff("rolling")) {
            rolling = Optional.empty();
        } else if (section.fields.containsKey("rolling")) {
            Section s = section.section("rolling", List.of("window", "k")).orElseThrow();
            RollingZScoreConfig b = rolling.orElse(RollingZScoreConfig.ofDefaults());
            int window = s.integer("window", b.window());
            double k = s.number("k", b.k());
            rolling = Optional.of(s.build(() -> new RollingZScoreConfig(window, k)));
        }
        Optional<EwmaConfig> ewma = base.ewma();
        if (section.isOff("ewma")) {
            ewma = Optional.empty();
        } else if (section.fields.containsKey("ewma")) {
            Section s = section.section("ewma", List.of("alpha", "threshold", "warmupSamples")).orElseThrow();
            EwmaConfig b = ewma.orElse(EwmaConfig.ofDefaults());
            double alpha = s.number("alpha", b.alpha());
            double threshold = s.number("threshold", b.threshold());
            int warmup = s.integer("warmupSamples", b.warmupSamples());
            ewma = Optional.of(s.build(() -> new EwmaConfig(alpha, threshold, warmup)));
        }
        Optional<IqrConfig> iqr = base.iqr();
        if (section.isOff("iqr")) {
            iqr = Optional.empty();
        } else if (section.fields.containsKey("iqr")) {
            Section s = section.section("iqr", List.of("window", "fence")).orElseThrow();
            IqrConfig b = iqr.orElse(IqrConfig.ofDefaults());
            int window = s.integer("window", b.window());
            double fence = s.number("fence", b.fence());
            iqr = Optional.of(s.build(() -> new IqrConfig(window, fence)));
        }
        Optional<SeasonalBandConfig> seasonal = base.seasonal();
        if (section.isOff("seasonal")) {
            seasonal = Optional.empty();
        } else if (section.fields.containsKey("seasonal")) {
            Section s = section.section("seasonal", List.of("lowQuantile", "highQuantile", "tolerance",
                    "minSamplesPerSlot")).orElseThrow();
            SeasonalBandConfig b = seasonal.orElse(SeasonalBandConfig.ofDefaults());
            double low = s.number("lowQuantile", b.lowQuantile());
            double high = s.number("highQuantile", b.highQuantile());
            double tolerance = s.number("tolerance", b.tolerance());
            int min = s.integer("minSamplesPerSlot", b.minSamplesPerSlot());
            seasonal = Optional.of(s.build(() -> new SeasonalBandConfig(low, high, tolerance, min)));
        }
        Optional<RateOfChangeConfig> rate = base.rateOfChange();
        if (section.isOff("rateOfChange")) {
            rate = Optional.empty();
        } else if (section.fields.containsKey("rateOfChange")) {
            Section s = section.section("rateOfChange", List.of("windowSeconds", "maxRise", "maxFall", "relative"))
                    .orElseThrow();
            long window = s.integer("windowSeconds", rate.map(c -> (int) c.windowSeconds()).orElse(60));
            double rise = s.number("maxRise", rate.map(RateOfChangeConfig::maxRise).orElse(Double.NaN));
            double fall = s.number("maxFall", rate.map(RateOfChangeConfig::maxFall).orElse(Double.NaN));
            boolean relative = s.fields.get("relative") instanceof ScalarNode flag
                    ? Boolean.parseBoolean(flag.getValue()) : rate.map(RateOfChangeConfig::relative).orElse(false);
            rate = Optional.of(s.build(() -> new RateOfChangeConfig(window, rise, fall, relative)));
        }
        Optional<BaselineHoldConfig> hold = base.hold();
        if (section.isOff("hold")) {
            hold = Optional.empty();
        } else if (section.fields.containsKey("hold")) {
            Section s = section.section("hold", List.of("openSamples", "quietSamples", "acceptAfterSeconds")).orElseThrow();
            BaselineHoldConfig b = hold.orElse(BaselineHoldConfig.ofDefaults());
            int open = s.integer("openSamples", b.openSamples());
            int quiet = s.integer("quietSamples", b.quietSamples());
            long accept = s.integer("acceptAfterSeconds", (int) b.acceptAfterSeconds());
            hold = Optional.of(s.build(() -> new BaselineHoldConfig(open, quiet, accept)));
        }
        MinimumDeparture minDeparture = base.minDeparture();
        if (section.isOff("minDeparture")) {
            minDeparture = MinimumDeparture.NONE;
        } else if (section.fields.containsKey("minDeparture")) {
            Section s = section.section("minDeparture", List.of("relative", "absolute")).orElseThrow();
            double relative = s.number("relative", minDeparture.relative());
            double absolute = s.number("absolute", minDeparture.absolute());
            minDeparture = s.build(() -> new MinimumDeparture(relative, absolute));
        }
        MinimumDeparture md = minDeparture;
        Optional<BaselineHoldConfig> h = hold;
        Optional<RollingZScoreConfig> r = rolling;
        Optional<EwmaConfig> e = ewma;
        Optional<IqrConfig> q = iqr;
        Optional<SeasonalBandConfig> sb = seasonal;
        Optional<RateOfChangeConfig> rc = rate;
        Direction direction = section.choice("direction", Direction.class, base.direction());
        return section.build(() -> new MetricDetectionConfig(r, e, q, sb, rc, base.multiScale(), base.pattern(),
                direction, h, md));
    }
}
