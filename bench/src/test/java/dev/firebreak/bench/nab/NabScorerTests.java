package dev.firebreak.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NabScorerTests {

    private static final NabProfile STANDARD = new NabProfile("standard", 1, 0.11, 1);
    private static final NabProfile LOW_FP = new NabProfile("reward_low_FP_rate", 1, 0.22, 1);
    private static final NabProfile LOW_FN = new NabProfile("reward_low_FN_rate", 1, 0.11, 2);
    private static final LocalDateTime T0 = LocalDateTime.of(2020, 1, 1, 0, 0);

    // 1000 rows, so the first 150 are probationary; windows at rows 400-449 and 700-749 (50 rows each).
    private static final int ROWS = 1000;
    private static final List<NabWindow> TWO_WINDOWS = List.of(window(400, 449), window(700, 749));

    @Test
    void scaledSigmoidMatchesHandComputedValues() {
        // 2/(1+e^-5) - 1, 2/(1+e^0) - 1, and the clamp beyond three widths
        assertThat(NabRules.scaledSigmoid(-1)).isCloseTo(0.9866142981514305, within(1e-12));
        assertThat(NabRules.scaledSigmoid(0)).isZero();
        assertThat(NabRules.scaledSigmoid(3.5)).isEqualTo(-1);
        // first row of a window earns the full A_TP; last row of a 2-row window earns sig(-1/2)/sig(-1)
        assertThat(NabRules.insideWindow(10, 19, 10)).isCloseTo(1, within(1e-12));
        assertThat(NabRules.insideWindow(11, 11, 2)).isCloseTo(0.8597925669097837, within(1e-12));
        // one row after an 11-row window: sig(1/10) = 2/(1+e^0.5) - 1
        assertThat(NabRules.afterWindow(21, 20, 11)).isCloseTo(-0.2449186624037092, within(1e-12));
    }

    @Test
    void probationaryLengthIsFifteenPercentCappedAtSevenHundredFifty() {
        assertThat(NabRules.probationaryLength(1000)).isEqualTo(150);
        assertThat(NabRules.probationaryLength(1001)).isEqualTo(150);
        assertThat(NabRules.probationaryLength(22695)).isEqualTo(750);
    }

    @Test
    void smallExampleScoresAsComputedByHand() {
        // 20 rows: probationary 3; window rows 10-13 (W = 4); detections at 5 (before the window),
        // 11 (inside) and 16 (after it).
        double[] scores = new double[20];
        scores[5] = 0.5;
        scores[11] = 0.9;
        scores[16] = 0.9;
        NabCorpus corpus = corpus(Map.of("c/a.csv", List.of(window(10, 13))), file("c/a.csv", scores));

        NabProfileResult result = NabScorer.score(corpus, STANDARD);

        // T = 0.9: sig(-3/4)/sig(-1) + 0.11 sig(3/3) = 0.96699 - 0.10853; T = 0.5 would add -0.11.
        assertThat(result.threshold()).isEqualTo(0.9);
        assertThat(result.raw()).isCloseTo(0.8584615150034032, within(1e-12));
        assertThat(result.detectedWindows()).isEqualTo(1);
        assertThat(result.falsePositives()).isEqualTo(1);
        assertThat(result.normalised()).isCloseTo(100 * (0.8584615150034032 + 1) / 2, within(1e-9));
    }

    @Test
    void perfectDetectorScoresOneHundredOnEveryProfile() {
        double[] scores = new double[ROWS];
        scores[400] = 1;
        scores[700] = 1;
        NabCorpus corpus = corpus(Map.of("c/a.csv", TWO_WINDOWS), file("c/a.csv", scores));

        for (NabProfile profile : List.of(STANDARD, LOW_FP, LOW_FN)) {
            NabProfileResult result = NabScorer.score(corpus, profile);

            assertThat(result.normalised()).as(profile.name()).isCloseTo(100, within(1e-9));
            assertThat(result.falsePositives()).isZero();
        }
    }

    @Test
    void nullDetectorScoresZeroAndDetectsNothing() {
        NabCorpus corpus = corpus(Map.of("c/a.csv", TWO_WINDOWS), file("c/a.csv", new double[ROWS]));

        NabProfileResult result = NabScorer.score(corpus, STANDARD);

        assertThat(result.detectsNothing()).isTrue();
        assertThat(result.normalised()).isZero();
        assertThat(result.missedWindows()).isEqualTo(2);
    }

    @Test
    void allOnesDetectorScoresBelowNullSoTheSearchDetectsNothing() {
        double[] ones = new double[ROWS];
        Arrays.fill(ones, 1);
        NabCorpus corpus = corpus(Map.of("c/a.csv", TWO_WINDOWS), file("c/a.csv", ones));

        NabProfileResult firing = NabScorer.evaluate(corpus, STANDARD, 1);
        NabProfileResult chosen = NabScorer.score(corpus, STANDARD);

        assertThat(firing.normalised()).isNegative();
        assertThat(firing.falsePositives()).isEqualTo(ROWS - 150 - 100);
        assertThat(chosen.detectsNothing()).isTrue();
        assertThat(chosen.normalised()).isZero();
    }

    @Test
    void earlyDetectionInAWindowScoresMoreThanALateOne() {
        Map<String, List<NabWindow>> windows = Map.of("c/a.csv", TWO_WINDOWS);
        NabCorpus early = corpus(windows, file("c/a.csv", spikesAt(405)));
        NabCorpus late = corpus(windows, file("c/a.csv", spikesAt(445)));

        double earlyRaw = NabScorer.evaluate(early, STANDARD, 1).raw();
        double lateRaw = NabScorer.evaluate(late, STANDARD, 1).raw();

        assertThat(earlyRaw).isGreaterThan(lateRaw);
        assertThat(lateRaw).isGreaterThan(-2); // still better than missing the window
    }

    @Test
    void onlyTheBestDetectionOfAWindowCounts() {
        Map<String, List<NabWindow>> windows = Map.of("c/a.csv", TWO_WINDOWS);

        double once = NabScorer.evaluate(corpus(windows, file("c/a.csv", spikesAt(405))), STANDARD, 1).raw();
        double thrice = NabScorer.evaluate(corpus(windows, file("c/a.csv", spikesAt(405, 420, 440))), STANDARD, 1).raw();

        assertThat(thrice).isEqualTo(once);
    }

    @Test
    void falsePositiveRightAfterAWindowCostsLessThanOneFarAway() {
        Map<String, List<NabWindow>> windows = Map.of("c/a.csv", TWO_WINDOWS);
        double near = NabScorer.evaluate(corpus(windows, file("c/a.csv", spikesAt(452))), STANDARD, 1).raw();
        double far = NabScorer.evaluate(corpus(windows, file("c/a.csv", spikesAt(650))), STANDARD, 1).raw();
        double beforeAny = NabScorer.evaluate(corpus(windows, file("c/a.csv", spikesAt(200))), STANDARD, 1).raw();

        assertThat(near).isGreaterThan(far);
        // 650 is more than three widths after the window ending at 449: the full cost, as before any window
        assertThat(far).isCloseTo(-2 - 0.11, within(1e-12));
        assertThat(beforeAny).isCloseTo(-2 - 0.11, within(1e-12));
    }

    @Test
    void probationaryRowsAreNeitherDetectionsNorFalsePositives() {
        double[] scores = spikesAt(10, 149, 400, 700);
        NabCorpus corpus = corpus(Map.of("c/a.csv", TWO_WINDOWS), file("c/a.csv", scores));

        NabProfileResult result = NabScorer.score(corpus, STANDARD);

        assertThat(corpus.rows()).isEqualTo(ROWS - 150);
        assertThat(result.falsePositives()).isZero();
        assertThat(result.normalised()).isCloseTo(100, within(1e-9));
    }

    @Test
    void windowInsideTheProbationaryPeriodIsNotCounted() {
        List<NabWindow> windows = List.of(window(50, 60), window(400, 449));
        NabCorpus corpus = corpus(Map.of("c/a.csv", windows), file("c/a.csv", spikesAt(55, 400)));

        NabProfileResult result = NabScorer.score(corpus, STANDARD);

        assertThat(corpus.windowCount()).isEqualTo(1);
        assertThat(result.normalised()).isCloseTo(100, within(1e-9));
    }

    @Test
    void thresholdIsChosenOnceForAllFilesAndMatchesAnExhaustiveSearch() {
        SplittableRandom random = new SplittableRandom(7);
        Map<String, List<NabWindow>> windows = Map.of("c/a.csv", TWO_WINDOWS, "c/b.csv", List.of(window(300, 379)),
                "d/c.csv", List.of());
        List<NabResultsFile> files = new ArrayList<>();
        for (String key : List.of("c/a.csv", "c/b.csv", "d/c.csv")) {
            double[] scores = new double[ROWS];
            for (int i = 0; i < ROWS; i++) {
                // coarse scores so that many rows tie, plus a bias towards windows
                scores[i] = Math.min(1, Math.floor(random.nextDouble() * 20) / 20 + (inAnyWindow(i, windows.get(key)) ? 0.3 : 0));
            }
            files.add(file(key, scores));
        }
        NabCorpus corpus = NabCorpus.label(files, windows);

        for (NabProfile profile : List.of(STANDARD, LOW_FP, LOW_FN)) {
            NabProfileResult swept = NabScorer.score(corpus, profile);
            double bestRaw = -profile.fnWeight() * corpus.windowCount();
            for (double t = 0; t <= 1.0001; t += 0.05) {
                bestRaw = Math.max(bestRaw, NabScorer.evaluate(corpus, profile, t - 1e-9).raw());
            }

            assertThat(swept.raw()).as(profile.name()).isCloseTo(bestRaw, within(1e-9));
        }
    }

    @Test
    void perFileBreakdownAddsUpToTheTotal() {
        Map<String, List<NabWindow>> windows = Map.of("c/a.csv", TWO_WINDOWS, "c/b.csv", List.of(window(300, 379)));
        NabCorpus corpus = NabCorpus.label(List.of(file("c/a.csv", spikesAt(405, 600)), file("c/b.csv", spikesAt(200))),
                windows);
        NabProfileResult total = NabScorer.evaluate(corpus, STANDARD, 1);

        List<NabFileBreakdown> files = NabFileBreakdown.of(corpus, STANDARD, 1);

        assertThat(files).extracting(NabFileBreakdown::key).containsExactly("c/a.csv", "c/b.csv");
        assertThat(files.get(0).detected()).isEqualTo(1);
        assertThat(files.get(0).windows()).isEqualTo(2);
        assertThat(files.get(0).falsePositives()).isEqualTo(1);
        assertThat(files.get(1).detected()).isZero();
        assertThat(files.get(1).falsePositives()).isEqualTo(1);
        assertThat(files.stream().mapToDouble(NabFileBreakdown::raw).sum()).isCloseTo(total.raw(), within(1e-12));
    }

    private static boolean inAnyWindow(int row, List<NabWindow> windows) {
        LocalDateTime t = T0.plusMinutes(5L * row);
        return windows.stream().anyMatch(w -> !t.isBefore(w.start()) && !t.isAfter(w.end()));
    }

    private static double[] spikesAt(int... rows) {
        double[] scores = new double[ROWS];
        for (int row : rows) {
            scores[row] = 1;
        }
        return scores;
    }

    private static NabWindow window(int firstRow, int lastRow) {
        return new NabWindow(T0.plusMinutes(5L * firstRow), T0.plusMinutes(5L * lastRow));
    }

    private static NabResultsFile file(String key, double[] scores) {
        LocalDateTime[] times = new LocalDateTime[scores.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = T0.plusMinutes(5L * i);
        }
        return new NabResultsFile(key, times, scores);
    }

    private static NabCorpus corpus(Map<String, List<NabWindow>> windows, NabResultsFile... files) {
        return NabCorpus.label(List.of(files), windows);
    }
}
