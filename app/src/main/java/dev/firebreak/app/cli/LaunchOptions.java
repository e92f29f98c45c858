package dev.firebreak.app.cli;

import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.Strategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the console was asked to do on its command line, validated.
 *
 * @param topology  which topology: {@code shop}, {@code synthetic} or {@code synthetic:N}, or a YAML file path
 * @param seed      simulator seed; the same seed replays the same run
 * @param speed     simulated seconds per wall second; empty means as fast as possible (headless only)
 * @param dataDir   where the console keeps its database and settings
 * @param headless  run without a window
 * @param duration  simulated time to run for (headless)
 * @param faults    fault specs to inject (see FaultSpecParser), offsets counted from the run's start
 * @param report    where a headless run writes its JSON report
 * @param help      print usage and exit
 * @param detectionConfig detection settings YAML to start with, instead of those saved in the data directory
 * @param verifyTimeline  a report whose incident timelines to check, instead of running anything
 * @param escalationConfig escalation policies and rotations YAML, instead of the shipped ones
 * @param notificationConfig notification channels YAML, instead of DATA_DIR/notifications.yaml (if any)
 * @param checks    health checks against real endpoints (YAML), replacing the simulated checks of the components
 *                  they name
 * @param api       the runbook HTTP API to serve, if asked for
 * @param runbook   the runbook a headless run starts, if any
 * @param healingStrategies what healing acts on, if given ({@code --healing-strategies}); all otherwise
 */
public record LaunchOptions(String topology, long seed, OptionalDouble speed, Path dataDir, boolean headless,
        Duration duration, List<String> faults, Optional<Path> report, boolean help, Optional<Path> detectionConfig,
        Optional<Path> verifyTimeline, Optional<Path> escalationConfig, Optional<Path> notificationConfig,
        Optional<Path> checks, Optional<ApiLaunch> api, Optional<RunbookLaunch> runbook, Optional<HealingMode> healing,
        List<ChangeFreezeSpec> changeFreezes, Optional<Set<Strategy>> healingStrategies) {

    /** The healing mode of a headless run: as asked, shadow otherwise (the console keeps the mode a person picked). */
    public HealingMode headlessHealing() {
        return healing.orElse(HealingMode.SHADOW);
    }

    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 3600;

    public LaunchOptions {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(duration, "duration");
        faults = List.copyOf(faults);
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(detectionConfig, "detectionConfig");
        Objects.requireNonNull(verifyTimeline, "verifyTimeline");
        Objects.requireNonNull(escalationConfig, "escalationConfig");
        Objects.requireNonNull(notificationConfig, "notificationConfig");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(healing, "healing");
        changeFreezes = List.copyOf(changeFreezes);
        healingStrategies = Objects.requireNonNull(healingStrategies, "healingStrategies").map(Set::copyOf);
        if (!headless && runbook.isPresent()) {
            throw new IllegalArgumentException("--runbook belongs to --headless runs; in the console start runbooks from the"
                    + " Runbooks screen");
        }
        if (speed.isPresent() && !(speed.getAsDouble() >= MIN_SPEED && speed.getAsDouble() <= MAX_SPEED)) {
            throw new IllegalArgumentException("--speed must be between " + MIN_SPEED + " and " + MAX_SPEED + " (or 'max' with --headless), was " + speed.getAsDouble());
        }
        if (speed.isEmpty() && !headless) {
            throw new IllegalArgumentException("--speed max runs as fast as the machine allows and only makes sense with --headless");
        }
        if (!headless && (report.isPresent() || !faults.isEmpty())) {
            throw new IllegalArgumentException("--report and --inject belong to --headless runs; in the console use the Inject fault dialog");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
    }
}
