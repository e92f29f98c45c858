package dev.firebreak.bench.nab;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/nab-score [--per-file] RESULTS_DIR WINDOWS_JSON [PROFILES_JSON]}: scores a detector's NAB
 * results with the rules of ../shared/benchmarks/README.md. Only files present in RESULTS_DIR are scored.
 * The profiles default to profiles.json next to WINDOWS_JSON. {@code --per-file} adds each file's windows
 * detected, false-positive rows and raw contribution under the first profile. The last line printed is
 * JSON with the normalised score per profile.
 */
public final class NabScore {

    private NabScore() {
    }

    public static void main(String[] args) {
        boolean perFile = args.length > 0 && args[0].equals("--per-file");
        String[] rest = perFile ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (rest.length < 2 || rest.length > 3) {
            System.err.println("usage: nab-score [--per-file] RESULTS_DIR WINDOWS_JSON [PROFILES_JSON]");
            System.exit(64);
        }
        try {
            Path windows = Path.of(rest[1]);
            Path profiles = rest.length == 3 ? Path.of(rest[2]) : siblingProfiles(windows);
            run(Path.of(rest[0]), windows, profiles, perFile, System.out);
        } catch (NabInputException e) {
            System.err.println("nab-score: " + e.getMessage());
            System.exit(2);
        }
    }

    private static Path siblingProfiles(Path windows) {
        Path parent = windows.toAbsolutePath().getParent();
        Path profiles = parent.resolve("profiles.json");
        if (!Files.isRegularFile(profiles)) {
            throw new NabInputException("no profiles.json next to " + windows + "; pass PROFILES_JSON as a third argument");
        }
        return profiles;
    }

    /** Scores every results file under the directory and prints the summary, JSON last. */
    public static List<NabProfileResult> run(Path resultsDir, Path windowsFile, Path profilesFile, boolean perFile,
            PrintStream out) {
        Map<String, List<NabWindow>> windows = NabWindow.load(windowsFile);
        List<NabProfile> profiles = NabProfile.load(profilesFile);
        List<Path> csvs = NabResultsFile.listCsv(resultsDir);
        if (csvs.isEmpty()) {
            throw new NabInputException(resultsDir + ": no results files (expected <corpus>/<name>.csv)");
        }
        List<NabResultsFile> results = new ArrayList<>();
        for (Path csv : csvs) {
            results.add(NabResultsFile.read(csv, NabResultsFile.keyOf(resultsDir, csv)));
        }
        NabCorpus corpus = NabCorpus.label(results, windows);
        if (corpus.windowCount() == 0) {
            throw new NabInputException(resultsDir + ": the scored files have no anomaly window after their probationary"
                    + " period, so the normalised score is undefined");
        }
        out.printf(Locale.ROOT, "scored %d files, %d scorable rows (probationary rows excluded), %d windows%n",
                corpus.files(), corpus.rows(), corpus.windowCount());
        out.printf(Locale.ROOT, "%-20s %10s %10s %11s %5s %5s %7s%n", "profile", "threshold", "raw", "normalised", "TP", "FN",
                "FP rows");
        List<NabProfileResult> scored = new ArrayList<>();
        for (NabProfile profile : profiles) {
            NabProfileResult result = NabScorer.score(corpus, profile);
            scored.add(result);
            out.printf(Locale.ROOT, "%-20s %10s %10.3f %11.2f %5d %5d %7d%n", profile.name(), thresholdText(result),
                    result.raw(), result.normalised(), result.detectedWindows(), result.missedWindows(),
                    result.falsePositives());
        }
        if (perFile) {
            printPerFile(corpus, scored.getFirst(), out);
        }
        out.println(json(scored));
        return scored;
    }

    private static void printPerFile(NabCorpus corpus, NabProfileResult result, PrintStream out) {
        out.printf(Locale.ROOT, "per file, profile %s at threshold %s:%n", result.profile().name(), thresholdText(result));
        out.printf(Locale.ROOT, "  %-55s %8s %7s %9s%n", "file", "windows", "FP rows", "raw");
        for (NabFileBreakdown file : NabFileBreakdown.of(corpus, result.profile(), result.threshold())) {
            out.printf(Locale.ROOT, "  %-55s %4d/%-3d %7d %9.3f%n", file.key(), file.detected(), file.windows(),
                    file.falsePositives(), file.raw());
        }
    }

    private static String thresholdText(NabProfileResult result) {
        return result.detectsNothing() ? "none" : String.format(Locale.ROOT, "%.6g", result.threshold());
    }

    static String json(List<NabProfileResult> results) {
        StringBuilder json = new StringBuilder("{");
        for (NabProfileResult result : results) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(result.profile().name()).append("\":")
                    .append(String.format(Locale.ROOT, "%.3f", result.normalised()));
        }
        return json.append('}').toString();
    }
}
