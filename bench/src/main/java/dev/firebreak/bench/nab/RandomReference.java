package dev.firebreak.bench.nab;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * {@code RandomReference DATA_DIR OUT_DIR [SEED]}: uniform random scores, NAB's "random" baseline (published
 * at about 11-17 on the standard profile), to check the scorer's lower range. One seeded generator per
 * file, derived from the seed and the file's key, so the output does not depend on file order.
 */
public final class RandomReference {

    private RandomReference() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: RandomReference DATA_DIR OUT_DIR [SEED]");
            System.exit(64);
        }
        Path data = Path.of(args[0]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : 42;
        for (Path file : NabResultsFile.listCsv(data)) {
            NabDataFile input = NabDataFile.read(data, file);
            SplittableRandom random = new SplittableRandom(seed ^ input.key().hashCode());
            double[] scores = new double[input.values().length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = random.nextDouble();
            }
            input.writeResults(Path.of(args[1]), scores);
        }
    }
}
