package dev.firebreak.engine.rca;

import dev.firebreak.engine.rca.internal.Analysis;
import java.util.Objects;

/**
 * Ranks the likely causes of a symptom. Stateless and cheap: the incident service's event thread runs it on every
 * incident change. The same analyzer, with one configuration, serves the simulator and imported data (PetShop).
 */
public final class RootCauseAnalyzer {

    private final RcaConfig config;

    public RootCauseAnalyzer(RcaConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static RootCauseAnalyzer ofDefaults() {
        return new RootCauseAnalyzer(RcaConfig.ofDefaults());
    }

    public Diagnosis analyze(RcaInput input) {
        return new Analysis(config, Objects.requireNonNull(input, "input")).run();
    }

    public RcaConfig config() {
        return config;
    }
}
