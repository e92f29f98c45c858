package dev.firebreak.bench.rca;

import dev.firebreak.engine.rca.Calibration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The calibration table of the top cause's confidence, and the isotonic fit that produces a calibration. */
final class Calibrations {

    private static final int BINS = 10;

    private Calibrations() {
    }

    /** Bins of the shipped confidence: how many, their mean confidence, and the share whose top cause was right. */
    static void table(List<RcaTrial.Outcome> given, Calibration calibration) {
        List<RcaTrial.Outcome> diagnosed = calibration == null ? given : given.stream()
                .map(o -> new RcaTrial.Outcome(o.type(), o.seed(), o.truth(), o.rank(), calibration.apply(o.rawShare()),
                        o.rawShare(), o.methodRanks(), o.top(), o.topKind())).toList();
        System.out.printf(Locale.ROOT, "%n| confidence | trials | mean confidence | share correct |%n|---|---|---|---|%n");
        for (int b = 0; b < BINS; b++) {
            double low = (double) b / BINS;
            double high = (double) (b + 1) / BINS;
            List<RcaTrial.Outcome> in = diagnosed.stream().filter(o -> o.confidence() >= low
                    && (o.confidence() < high || (high == 1 && o.confidence() <= 1))).toList();
            if (in.isEmpty()) {
                continue;
            }
            double mean = in.stream().mapToDouble(RcaTrial.Outcome::confidence).average().orElse(0);
            double correct = (double) in.stream().filter(o -> o.rank() == 1).count() / in.size();
            System.out.printf(Locale.ROOT, "| %.1f-%.1f | %d | %.2f | %.2f |%n", low, high, in.size(), mean, correct);
        }
        double brier = diagnosed.stream().mapToDouble(o -> Math.pow(o.confidence() - (o.rank() == 1 ? 1 : 0), 2))
                .average().orElse(0);
        System.out.printf(Locale.ROOT, "Brier score of the top confidence: %.3f%n", brier);
    }

    /** "r1,r2,..;c1,c2,..": raw shares and their confidences. */
    static Calibration parse(String text) {
        String[] parts = text.split(";");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--calibration needs RAW1,RAW2,..;CONF1,CONF2,.. , was '" + text + "'");
        }
        return new Calibration(numbers(parts[0]), numbers(parts[1]));
    }

    private static double[] numbers(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
    }

    /**
     * Pool-adjacent-violators fit of "top cause right" on the raw share, printed as the points of a calibration
     * (each block's mean raw share and share correct).
     */
    static void fit(List<RcaTrial.Outcome> diagnosed) {
        List<RcaTrial.Outcome> sorted = new ArrayList<>(diagnosed);
        sorted.sort(Comparator.comparingDouble(RcaTrial.Outcome::rawShare));
        List<double[]> blocks = new ArrayList<>(); // {sum raw, sum correct, count}
        for (RcaTrial.Outcome o : sorted) {
            blocks.add(new double[] {o.rawShare(), o.rank() == 1 ? 1 : 0, 1});
            while (blocks.size() > 1) {
                double[] last = blocks.getLast();
                double[] before = blocks.get(blocks.size() - 2);
                if (before[1] / before[2] <= last[1] / last[2]) {
                    break;
                }
                before[0] += last[0];
                before[1] += last[1];
                before[2] += last[2];
                blocks.removeLast();
            }
        }
        StringBuilder raw = new StringBuilder();
        StringBuilder confident = new StringBuilder();
        double previousRaw = -1;
        for (double[] block : blocks) {
            double x = block[0] / block[2];
            if (x <= previousRaw) {
                continue;
            }
            previousRaw = x;
            raw.append(String.format(Locale.ROOT, "%.4f, ", x));
            confident.append(String.format(Locale.ROOT, "%.4f, ", block[1] / block[2]));
        }
        System.out.println("isotonic fit (raw share -> share correct), " + diagnosed.size() + " trials:");
        System.out.println("  raw:       {" + raw + "}");
        System.out.println("  confident: {" + confident + "}");
    }
}
