package dev.firebreak.engine.detect.config;

import dev.firebreak.engine.config.LocatedConfigException;

/**
 * A detection settings file could not be read; the message names the file, line and field, e.g.
 * {@code defaults.yaml:12: metrics.cpu.rolling.k: rolling k must be between 0.5 and 10, was 42.0}.
 */
public final class DetectionConfigException extends LocatedConfigException {

    private static final long serialVersionUID = 1L;

    /** See {@link LocatedConfigException#LocatedConfigException(String, int, String, String)}. */
    public DetectionConfigException(String sourceName, int line, String field, String problem) {
        super(sourceName, line, field, problem);
    }
}
