package dev.firebreak.bench.rca;

import dev.firebreak.engine.rca.Calibration;
import dev.firebreak.engine.rca.Cause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The calibration tables of the confidence (the top cause's, and every cause's in the top five), and the isotonic fit
 * over the top five causes that produces a calibration.
 */
final class Calibrations {

    private static final int BINS = 10;

    private Calibrations() {
    }

    /** Bins of the shipped confidence: how many, their mean confidence, and the share whose top cause was right. */
    static void table(List<RcaTrial.Outcome> given, Calibration calibration) {
        List<RcaTrial.Outcome> diagnosed = calibration == null ? given : given.stream()
                .map(o -> new RcaTrial.Outcome(o.type(), o.seed(), o.truth(), o.rank(), calibration.apply(o.rawShare()),
                        o.rawShare(), o.methodRanks(), o.top(), o.topKind(), o.rawShares(), o.bases())).toList();
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
        dev.firebreak.engine.rca.RcaConfig shipped = dev.firebreak.engine.rca.RcaConfig.ofDefaults();
        everyCause(given, calibration != null ? (share, basis) -> calibration.apply(share)
                : (share, basis) -> shipped.calibrationFor(basis).apply(share));
    }

    /** The same table over every cause in the top five: what the panel's confidence bars claim. */
    private static void everyCause(List<RcaTrial.Outcome> diagnosed, Calibrated calibrated) {
        List<double[]> points = new ArrayList<>(); // {confidence, right}
        for (RcaTrial.Outcome o : diagnosed) {
            for (int i = 0; i < o.rawShares().length; i++) {
                points.add(new double[] {calibrated.confidence(o.rawShares()[i], o.bases()[i]), o.rank() == i + 1 ? 1 : 0});
            }
        }
        Calibration calibration = Calibration.identity();
        System.out.printf(Locale.ROOT, "%n| confidence (top %d causes) | causes | mean confidence | share correct |%n"
                + "|---|---|---|---|%n", RcaTrial.TOP);
        double brier = 0;
        for (double[] p : points) {
            brier += Math.pow(calibration.apply(p[0]) - p[1], 2);
        }
        for (int b = 0; b < BINS; b++) {
            double low = (double) b / BINS;
            double high = (double) (b + 1) / BINS;
            List<double[]> in = points.stream().filter(p -> {
                double c = calibration.apply(p[0]);
                return c >= low && (c < high || (high == 1 && c <= 1));
            }).toList();
            if (in.isEmpty()) {
                continue;
            }
            double mean = in.stream().mapToDouble(p -> calibration.apply(p[0])).average().orElse(0);
            double correct = in.stream().mapToDouble(p -> p[1]).average().orElse(0);
            System.out.printf(Locale.ROOT, "| %.1f-%.1f | %d | %.2f | %.2f |%n", low, high, in.size(), mean, correct);
        }
        System.out.printf(Locale.ROOT, "Brier score over the top %d causes: %.3f%n", RcaTrial.TOP,
                points.isEmpty() ? 0 : brier / points.size());
    }

    /** A raw share of a cause on the given basis, calibrated. */
    private interface Calibrated {
        double confidence(double rawShare, Cause.Basis basis);
    }

    /** Each of a trial's first causes on one basis as {raw share, 1 if it is the true cause}. */
    private static List<double[]> points(List<RcaTrial.Outcome> diagnosed, Cause.Basis basis) {
        List<double[]> points = new ArrayList<>();
        for (RcaTrial.Outcome o : diagnosed) {
            for (int i = 0; i < o.rawShares().length; i++) {
                if (o.bases()[i] == basis) {
                    points.add(new double[] {o.rawShares()[i], o.rank() == i + 1 ? 1 : 0});
                }
            }
        }
        return points;
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
     * Pool-adjacent-violators fit of "top cause right" on the raw share, blocks of fewer than {@link #MIN_BLOCK_TRIALS}
     * folded into a neighbour, printed as the points of a calibration (each block's mean raw share and its share
     * correct by the rule of succession).
     */
    /** Fewer trials than this in a block of the fit and it is folded into a neighbour. */
    static final int MIN_BLOCK_TRIALS = 10;

    private static int nearer(List<double[]> blocks, int i) {
        double rate = blocks.get(i)[1] / blocks.get(i)[2];
        double left = Math.abs(blocks.get(i - 1)[1] / blocks.get(i - 1)[2] - rate);
        double right = Math.abs(blocks.get(i + 1)[1] / blocks.get(i + 1)[2] - rate);
        return left <= right ? i - 1 : i + 1;
    }

    /** One fit per basis a cause's kind can rest on. */
    static void fit(List<RcaTrial.Outcome> diagnosed) {
        System.out.println("general (kinds named by the metrics alone):");
        fit(diagnosed, points(diagnosed, Cause.Basis.SHARE));
        System.out.println("direct evidence (kinds that name a change made to the component, or its instances down):");
        fit(diagnosed, points(diagnosed, Cause.Basis.DIRECT));
        System.out.println("lost calls (kinds named by where lost calls gather: network at the node):");
        fit(diagnosed, points(diagnosed, Cause.Basis.LOST_CALLS));
    }

    private static void fit(List<RcaTrial.Outcome> diagnosed, List<double[]> sorted) {
        if (sorted.isEmpty()) {
            System.out.println("  no causes");
            return;
        }
        sorted.sort(Comparator.comparingDouble(p -> p[0]));
        List<double[]> blocks = new ArrayList<>(); // {sum raw, sum correct, count}
        for (double[] p : sorted) {
            blocks.add(new double[] {p[0], p[1], 1});
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
        // a block of a few trials says little: fold each small one into the neighbour whose rate is nearest (adjacent
        // blocks keep the fit rising)
        while (blocks.size() > 1) {
            int smallest = 0;
            for (int i = 1; i < blocks.size(); i++) {
                if (blocks.get(i)[2] < blocks.get(smallest)[2]) {
                    smallest = i;
                }
            }
            if (blocks.get(smallest)[2] >= MIN_BLOCK_TRIALS) {
                break;
            }
            int into = smallest == 0 ? 1 : smallest == blocks.size() - 1 ? smallest - 1
                    : nearer(blocks, smallest);
            double[] a = blocks.get(Math.min(smallest, into));
            double[] b = blocks.remove(Math.max(smallest, into));
            a[0] += b[0];
            a[1] += b[1];
            a[2] += b[2];
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
            // Laplace's rule of succession: a block of all-right or all-wrong trials is not certainty
            confident.append(String.format(Locale.ROOT, "%.4f, ", (block[1] + 1) / (block[2] + 2)));
        }
        System.out.println("isotonic fit (raw share -> share correct) over the first " + RcaTrial.TOP + " causes of "
                + diagnosed.size() + " trials (" + sorted.size() + " causes):");
        System.out.println("  raw:       {" + raw + "}");
        System.out.println("  confident: {" + confident + "}");
        System.out.printf(Locale.ROOT, "  raw shares from %.4f to %.4f, %d of %d right%n", sorted.getFirst()[0],
                sorted.getLast()[0], sorted.stream().filter(p -> p[1] == 1).count(), sorted.size());
    }
}
