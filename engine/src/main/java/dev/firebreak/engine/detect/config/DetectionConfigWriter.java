package dev.firebreak.engine.detect.config;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.health.HealthConfig;
import dev.firebreak.engine.detect.composite.MinimumDeparture;
import dev.firebreak.engine.detect.series.RateOfChangeConfig;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a detection config in the YAML that {@link DetectionConfigLoader} reads, with every field spelled out,
 * so what the settings screen applied can be saved, read back at start and passed to {@code --detection-config}.
 * Reading back what this writes over {@link DetectionConfig#ofDefaults()} gives an equal config for every field
 * the YAML has (multi-scale and pattern detectors are not in the file format and come from the base).
 */
public final class DetectionConfigWriter {

    private DetectionConfigWriter() {
    }

    public static String toYaml(DetectionConfig config) {
        StringBuilder out = new StringBuilder();
        out.append("# Detection settings written by Firebreak; read with --detection-config or at start from the data directory.\n");
        CompositeConfig composite = config.composite();
        out.append("composite:\n");
        out.append("  mode: ").append(name(composite.mode())).append('\n');
        out.append("  confirmTicks: ").append(composite.confirmTicks()).append('\n');
        out.append("  reportAtLeast: ").append(name(composite.reportAtLeast())).append('\n');
        out.append("  weights: {");
        String separator = "";
        for (Map.Entry<DetectorFamily, Double> weight : composite.weights().entrySet()) {
            out.append(separator).append(name(weight.getKey())).append(": ").append(weight.getValue());
            separator = ", ";
        }
        out.append("}\n");
        HealthConfig health = config.health();
        out.append("health:\n");
        out.append("  degradedAt: ").append(name(health.degradedAt())).append('\n');
        out.append("  criticalAt: ").append(name(health.criticalAt())).append('\n');
        out.append("  failedScore: ").append(health.failedScore()).append('\n');
        out.append("  worsenTicks: ").append(health.worsenTicks()).append('\n');
        out.append("  improveTicks: ").append(health.improveTicks()).append('\n');
        out.append("  recoveredTicks: ").append(health.recoveredTicks()).append('\n');
        out.append("metrics:\n");
        for (MetricName metric : MetricName.values()) {
            out.append("  ").append(name(metric)).append(":\n");
            metric(out, config.forMetric(metric));
        }
        return out.toString();
    }

    private static void metric(StringBuilder out, MetricDetectionConfig m) {
        field(out, "rolling", m.rolling(), r -> "{window: " + r.window() + ", k: " + r.k() + "}");
        field(out, "ewma", m.ewma(), e -> "{alpha: " + e.alpha() + ", threshold: " + e.threshold()
                + ", warmupSamples: " + e.warmupSamples() + "}");
        field(out, "iqr", m.iqr(), q -> "{window: " + q.window() + ", fence: " + q.fence() + "}");
        field(out, "seasonal", m.seasonal(), s -> "{lowQuantile: " + s.lowQuantile() + ", highQuantile: "
                + s.highQuantile() + ", tolerance: " + s.tolerance() + ", minSamplesPerSlot: " + s.minSamplesPerSlot() + "}");
        field(out, "rateOfChange", m.rateOfChange(), DetectionConfigWriter::rate);
        out.append("    direction: ").append(name(m.direction())).append('\n');
        field(out, "hold", m.hold(), h -> "{openSamples: " + h.openSamples() + ", quietSamples: " + h.quietSamples()
                + ", acceptAfterSeconds: " + h.acceptAfterSeconds() + "}");
        MinimumDeparture departure = m.minDeparture();
        out.append("    minDeparture: ").append(departure.equals(MinimumDeparture.NONE) ? "off"
                : "{relative: " + departure.relative() + ", absolute: " + departure.absolute() + "}").append('\n');
    }

    private static String rate(RateOfChangeConfig r) {
        StringBuilder text = new StringBuilder("{windowSeconds: ").append(r.windowSeconds());
        if (!Double.isNaN(r.maxRise())) {
            text.append(", maxRise: ").append(r.maxRise());
        }
        if (!Double.isNaN(r.maxFall())) {
            text.append(", maxFall: ").append(r.maxFall());
        }
        return text.append(", relative: ").append(r.relative()).append('}').toString();
    }

    private static <T> void field(StringBuilder out, String name, Optional<T> value, Function<T, String> text) {
        out.append("    ").append(name).append(": ").append(value.map(text).orElse("off")).append('\n');
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
