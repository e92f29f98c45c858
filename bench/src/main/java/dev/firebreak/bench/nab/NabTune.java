package dev.firebreak.bench.nab;

import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.MultiScaleConfig;
import dev.firebreak.engine.detect.series.PatternConfig;
import dev.firebreak.engine.detect.series.ResonanceConfig;
import dev.firebreak.engine.detect.series.SeriesDetectors;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code NabTune DATA_DIR WINDOWS_JSON [key=v1,v2,..]...}: scores the multi-scale detector on NAB for every
 * combination of the given global parameters, in one process (the data is read once). This is how the
 * shipped NAB configuration's parameters were chosen: on the corpus, for all files together, as every
 * published NAB detector was tuned. Keys: hl (multiplier of the default half-lives), sa, wu, la, ha,
 * alarm, hold, rearm, nov (range novelty margin, 0: off), nwu (its warm-up), art (1 adds adaptive resonance, 0
 * removes it; default as shipped), rw, rlearn, rnovel, rwu, rsnap, rcats, rfm, rfu, rff (the fields of
 * {@link ResonanceConfig} in order) (see {@link MultiScaleConfig}; every
 * default is {@link MultiScaleConfig#forNab()}); pattern (1 adds the pattern detector, 0 removes it; default
 * as {@code DetectionConfig.nab()} ships), pw, ph, ps, pshape (0/1), prel (0/1), fuse (1: one detector, the
 * default; 0: side by side), pda, pwu, pla, pha, palarm, phold, prearm
 * (see {@link PatternConfig}). {@code fold=0} or {@code fold=1} keeps only every other file (alternating
 * within each corpus, in name order), for a two-fold check of tuning: tune on one fold, score on the other.
 */
public final class NabTune {

    private NabTune() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: NabTune DATA_DIR WINDOWS_JSON [random=N] [key=v1,v2,..]...");
            System.exit(64);
        }
        Path data = Path.of(args[0]);
        Map<String, List<NabWindow>> windows = NabWindow.load(Path.of(args[1]));
        List<NabProfile> profiles = NabProfile.load(Path.of(args[1]).toAbsolutePath().getParent().resolve("profiles.json"));
        int fold = -1;
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("fold=")) {
                fold = Integer.parseInt(args[i].substring(5));
            }
        }
        List<NabDataFile> files = new ArrayList<>();
        Map<String, Integer> perCorpus = new LinkedHashMap<>();
        for (Path file : NabResultsFile.listCsv(data)) {
            String corpus = data.relativize(file).getName(0).toString();
            int index = perCorpus.merge(corpus, 1, Integer::sum) - 1;
            if (fold < 0 || index % 2 == fold) {
                files.add(NabDataFile.read(data, file));
            }
        }
        Map<String, String[]> grid = new LinkedHashMap<>();
        int random = 0;
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("random=")) {
                random = Integer.parseInt(args[i].substring(7));
                continue;
            }
            if (args[i].startsWith("fold=")) {
                continue;
            }
            String[] kv = args[i].split("=", 2);
            grid.put(kv[0], kv[1].split(","));
        }
        List<String> keys = new ArrayList<>(grid.keySet());
        if (random > 0) {
            // Random combinations of the listed values, seeded so a search can be repeated.
            java.util.SplittableRandom rng = new java.util.SplittableRandom(random);
            for (int n = 0; n < random; n++) {
                Map<String, Double> chosen = new LinkedHashMap<>();
                for (String key : keys) {
                    String[] values = grid.get(key);
                    chosen.put(key, Double.parseDouble(values[rng.nextInt(values.length)]));
                }
                System.out.println(run(files, windows, profiles, chosen));
            }
            return;
        }
        sweep(files, windows, profiles, grid, keys, 0, new LinkedHashMap<>());
    }

    private static void sweep(List<NabDataFile> files, Map<String, List<NabWindow>> windows, List<NabProfile> profiles,
            Map<String, String[]> grid, List<String> keys, int depth, Map<String, Double> chosen) {
        if (depth == keys.size()) {
            System.out.println(run(files, windows, profiles, chosen));
            return;
        }
        for (String v : grid.get(keys.get(depth))) {
            chosen.put(keys.get(depth), Double.parseDouble(v));
            sweep(files, windows, profiles, grid, keys, depth + 1, chosen);
        }
    }

    static String run(List<NabDataFile> files, Map<String, List<NabWindow>> windows, List<NabProfile> profiles,
            Map<String, Double> p) {
        MultiScaleConfig d = MultiScaleConfig.forNab();
        double hl = p.getOrDefault("hl", 1.0);
        double[] halfLives = d.halfLivesSamples();
        for (int k = 0; k < halfLives.length; k++) {
            halfLives[k] *= hl;
        }
        MultiScaleConfig base = new MultiScaleConfig(halfLives, p.getOrDefault("sa", d.shortAlpha()),
                (int) (double) p.getOrDefault("wu", (double) d.warmupSamples()), p.getOrDefault("la", d.likelihoodAlpha()),
                p.getOrDefault("ha", d.historyAlpha()), p.getOrDefault("alarm", d.alarmSurprise()),
                (int) (double) p.getOrDefault("hold", (double) d.holdOffSamples()),
                p.getOrDefault("rearm", d.rearmSurprise()), p.getOrDefault("nov", d.noveltyMargin()),
                (int) (double) p.getOrDefault("nwu", (double) d.noveltyWarmupSamples()));
        ResonanceConfig rd = ResonanceConfig.forNab();
        boolean withResonance = p.getOrDefault("art", d.resonance().isPresent() ? 1.0 : 0.0) != 0;
        MultiScaleConfig config = base.withResonance(!withResonance ? Optional.empty() : Optional.of(new ResonanceConfig(
                (int) (double) p.getOrDefault("rw", (double) rd.windowPoints()), p.getOrDefault("rlearn", rd.learnMatch()),
                p.getOrDefault("rnovel", rd.novelMatch()), (int) (double) p.getOrDefault("rwu", (double) rd.warmupPoints()),
                p.getOrDefault("rsnap", rd.snap()), (int) (double) p.getOrDefault("rcats", (double) rd.maxCategories()),
                p.getOrDefault("rfm", rd.familiarMatch()), (int) (double) p.getOrDefault("rfu", (double) rd.familiarUses()),
                p.getOrDefault("rff", rd.familiarFactor()))));
        PatternConfig pd = PatternConfig.ofDefaults();
        PatternConfig pattern = new PatternConfig((int) (double) p.getOrDefault("pw", (double) pd.windowSamples()),
                (int) (double) p.getOrDefault("ph", (double) pd.historySamples()),
                (int) (double) p.getOrDefault("ps", (double) pd.stride()),
                p.getOrDefault("pshape", pd.shapeOnly() ? 1.0 : 0.0) != 0,
                p.getOrDefault("prel", pd.relative() ? 1.0 : 0.0) != 0, p.getOrDefault("pda", pd.distanceAlpha()),
                (int) (double) p.getOrDefault("pwu", (double) pd.warmupSamples()),
                p.getOrDefault("pla", pd.likelihoodAlpha()), p.getOrDefault("pha", pd.historyAlpha()),
                p.getOrDefault("palarm", pd.alarmSurprise()),
                (int) (double) p.getOrDefault("phold", (double) pd.holdOffSamples()),
                p.getOrDefault("prearm", pd.rearmSurprise()));
        boolean shippedHasPattern = DetectionConfig.nab().fallback().pattern().isPresent();
        boolean withPattern = p.getOrDefault("pattern", shippedHasPattern ? 1.0 : 0.0) != 0;
        MetricDetectionConfig metric = withPattern ? MetricDetectionConfig.multiScaleAndPattern(config, pattern)
                : MetricDetectionConfig.multiScaleOnly(config);
        // fuse=0: the two detectors side by side (each its own likelihood and hold-off, the higher score counts)
        boolean separate = withPattern && p.getOrDefault("fuse", 1.0) == 0;
        List<NabResultsFile> results = files.parallelStream().map(f -> {
            double[] scores = separate ? NabDetect.scores(f, List.of(SeriesDetectors.multiScale(config),
                    SeriesDetectors.pattern(pattern))) : NabDetect.scores(f, metric);
            String out = System.getProperty("nab.out");
            if (out != null) {
                f.writeResults(Path.of(out), scores);
            }
            LocalDateTime[] times = f.timestamps().stream().map(NabTime::parseOrNull).toArray(LocalDateTime[]::new);
            return new NabResultsFile(f.key(), times, scores);
        }).toList();
        NabCorpus corpus = NabCorpus.label(results, windows);
        StringBuilder line = new StringBuilder(p.toString());
        for (NabProfile profile : profiles) {
            NabProfileResult r = NabScorer.score(corpus, profile);
            line.append(String.format(Locale.ROOT, "  %s %.2f (T %.3f TP %d FP %d)", profile.name().substring(0, Math.min(12,
                    profile.name().length())), r.normalised(), r.threshold(), r.detectedWindows(), r.falsePositives()));
        }
        return line.toString();
    }
}
