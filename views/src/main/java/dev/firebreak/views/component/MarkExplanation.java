package dev.firebreak.views.component;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.history.SeriesVerdict;
import dev.firebreak.engine.telemetry.MetricName;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A marked anomaly put into words for the explanation panel: what was seen against what was
 * expected, which detectors fired (and which did not), and how each family added to the score.
 *
 * @param title         e.g. "Latency p99 · HIGH · 00:12:34"
 * @param observed      e.g. "Observed 412 ms, expected 80 – 190 ms"
 * @param fired         one line per detector that fired, with its reason
 * @param quiet         one line per detector that had an opinion and did not fire
 * @param contributions one line per family, e.g. "Statistical 0.61 of 0.82"
 * @param score         e.g. "Score 0.82 (weighted families)"
 */
public record MarkExplanation(String title, String observed, List<String> fired, List<String> quiet,
        List<String> contributions, String score) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    public MarkExplanation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(score, "score");
        fired = List.copyOf(fired);
        quiet = List.copyOf(quiet);
        contributions = List.copyOf(contributions);
    }

    public static MarkExplanation of(SeriesVerdict verdict) {
        MetricName metric = verdict.key().metric();
        String title = String.format(Locale.ROOT, "%s on %s · %s · %s", metric.label(), verdict.key().componentId(),
                verdict.severity().name(), TIME.format(Instant.ofEpochSecond(verdict.epochSecond())));
        String observed = Double.isNaN(verdict.expectedLow())
                ? "Observed " + number(verdict.observed()) + " " + metric.unit() + " (no expected band yet)"
                : "Observed " + number(verdict.observed()) + " " + metric.unit() + ", expected "
                        + number(verdict.expectedLow()) + " – " + number(verdict.expectedHigh()) + " " + metric.unit();
        List<String> fired = new ArrayList<>();
        List<String> quiet = new ArrayList<>();
        for (DetectorOutput o : verdict.outputs()) {
            if (o.isLearning()) {
                continue;
            }
            String line = String.format(Locale.ROOT, "%s (score %.2f): %s", o.kind().label(), o.score(), o.reason());
            (o.fired() ? fired : quiet).add(line);
        }
        List<String> contributions = new ArrayList<>();
        for (Map.Entry<DetectorFamily, Double> e : verdict.contributions().entrySet()) {
            contributions.add(String.format(Locale.ROOT, "%s +%.2f", family(e.getKey()), e.getValue()));
        }
        String mode = verdict.mode() == CompositeConfig.Mode.WEIGHTED ? "weighted families" : "majority vote";
        String score = String.format(Locale.ROOT, "Score %.2f (%s) → %s", verdict.score(), mode,
                verdict.severity().name().toLowerCase(Locale.ROOT));
        return new MarkExplanation(title, observed, fired, quiet, contributions, score);
    }

    /** The whole explanation as plain text, one fact per line. */
    public String text() {
        StringBuilder b = new StringBuilder(title).append('\n').append(observed).append('\n');
        b.append("Fired:").append(fired.isEmpty() ? " none" : "").append('\n');
        fired.forEach(line -> b.append("  • ").append(line).append('\n'));
        b.append("Did not fire:").append(quiet.isEmpty() ? " none" : "").append('\n');
        quiet.forEach(line -> b.append("  • ").append(line).append('\n'));
        // a majority vote counts detectors, so no family adds a weighted share
        b.append("Contributions: ").append(contributions.isEmpty() ? "none by family" : String.join(", ", contributions))
                .append('\n');
        return b.append(score).toString();
    }

    private static String family(DetectorFamily family) {
        String name = family.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
