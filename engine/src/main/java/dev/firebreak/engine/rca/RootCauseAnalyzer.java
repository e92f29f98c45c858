package dev.firebreak.engine.rca;

import dev.firebreak.engine.rca.internal.Analysis;
import dev.firebreak.engine.rca.internal.NormalSummaries;
import java.util.Objects;

/**
 * Ranks the likely causes of a symptom. The incident service's event thread runs it on every incident change; it
 * keeps only the normal periods' summaries of sources whose history never changes (an incident analysed again has
 * the same normal period). The same analyzer, with one configuration, serves the simulator and imported data
 * (PetShop).
 */
public final class RootCauseAnalyzer {

    private final RcaConfig config;
    private final NormalSummaries summaries = new NormalSummaries();

    public RootCauseAnalyzer(RcaConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static RootCauseAnalyzer ofDefaults() {
        return new RootCauseAnalyzer(RcaConfig.ofDefaults());
    }

    public Diagnosis analyze(RcaInput input) {
        return new Analysis(config, Objects.requireNonNull(input, "input"), summaries).run();
    }

    public RcaConfig config() {
        return config;
    }
}
