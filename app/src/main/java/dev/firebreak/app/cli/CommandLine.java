package dev.firebreak.app.cli;

import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.time.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Turns the program arguments into {@link LaunchOptions}, or an error message a person can act on. */
public final class CommandLine {

    public static final String USAGE = """
            Usage: firebreak [options]

              --topology NAME|FILE   shop (default), synthetic, synthetic:N (N components), or a topology YAML file
              --seed N               simulator seed (default 42); the same seed replays the same run
              --speed X              simulated seconds per wall second, 0.1..3600 (default 1; headless default: max)
              --data-dir DIR         where settings and the audit log live (default: $FIREBREAK_DATA_DIR or ~/.firebreak)
              --detection-config FILE  detection settings YAML (format: sample-data detection/defaults.yaml) to
                                       start with; the console saves what you apply in DATA_DIR/detection.yaml
              --escalation FILE      escalation policies and on-call rotations YAML (format: sample-data
                                       escalation/policies.yaml); default DATA_DIR/escalation.yaml if present,
                                       else the shipped ones
              --notifications FILE   notification channels YAML (Slack, PagerDuty, Opsgenie, webhook); default
                                       DATA_DIR/notifications.yaml if present; secrets as env:NAME or
                                       secret:NAME from DATA_DIR/secrets.properties (mode 0600)
              --checks FILE          health checks against real endpoints (http, tcp, process) for components of
                                       the topology, instead of their simulated checks (format: sample-data
                                       checks/example.yaml); every other component keeps its simulated checks
              --headless             run the engine without a window and report what happened
              --duration D           headless: simulated time to run, e.g. 90s, 30m, 2h (default 1h)
              --inject SPEC          headless: inject a fault, repeatable. SPEC is
                                       type:target[->peer][,magnitude=M][,at=OFFSET][,for=DURATION]
                                       e.g. dependency-failure:orders->payments,at=10m,for=5m
              --report FILE          headless: write the JSON report there (default: print it)
              --runbook ID|suggested headless: start this runbook (from the shipped ones or DATA_DIR/runbooks), or
                                       the best one for the first diagnosed incident's cause; runs and the audit
                                       log are kept in DATA_DIR's database
              --runbook-param N=V    headless: a runbook parameter, repeatable; V is taken literally
              --runbook-mode MODE    headless: automatic (default), step-by-step, approval-only or dry-run
              --runbook-environment ENV  headless: the environment to run in (default simulator); a protected
                                       one (production) is confirmed by naming it here
              --runbook-at OFFSET    headless: when to start it, from the run's start (default 0s)
              --healing MODE         self-healing: off, shadow (decide and record "would have done", act on
                                       nothing), approval (a person approves each step) or auto; headless
                                       default shadow, the console keeps the mode last picked (shadow at first)
              --healing-strategies LIST  what healing acts on, comma-separated: reactive (once something in an
                                       incident has failed), proactive (while it is only anomalous), predictive
                                       (a forecast crossing); default all; the console keeps the choice
              --change-freeze SPEC   no healing action while it is open, repeatable; SPEC is
                                       at=OFFSET,for=DURATION,reason=TEXT from the session's start
              --verify-timeline FILE check the hash chain of every incident timeline in a headless report;
                                       exits 4 naming the first bad entry
              --api                  serve the runbook HTTP API (docs/api/runbooks.openapi.yaml) on 127.0.0.1;
                                       bearer token in DATA_DIR/api-token (made, mode 0600, if missing),
                                       bound port in DATA_DIR/api.port
              --api-port N           the API's port (default 7878; 0 = any free port); implies --api
              --api-bind ADDR        serve the API on ADDR instead of 127.0.0.1, even an address other machines
                                       can reach (anyone who can reach it may try the token); implies --api
              --help                 this text
            """;

    private CommandLine() {
    }

    /**
     * @throws IllegalArgumentException with a message naming the offending option
     */
    public static LaunchOptions parse(String[] args, Map<String, String> environment) {
        String topology = "shop";
        long seed = 42;
        String speedText = null;
        Path dataDir = defaultDataDir(environment);
        boolean headless = false;
        Duration duration = Duration.ofHours(1);
        List<String> faults = new ArrayList<>();
        Optional<Path> report = Optional.empty();
        boolean help = false;
        Optional<Path> detectionConfig = Optional.empty();
        Optional<Path> verifyTimeline = Optional.empty();
        Optional<Path> escalationConfig = Optional.empty();
        Optional<Path> notificationConfig = Optional.empty();
        Optional<Path> checks = Optional.empty();
        Optional<String> runbook = Optional.empty();
        Map<String, String> runbookParameters = new java.util.LinkedHashMap<>();
        ExecutionMode runbookMode = ExecutionMode.AUTOMATIC;
        String runbookEnvironment = "simulator";
        Duration runbookAt = Duration.ZERO;
        boolean api = false;
        Optional<HealingMode> healing = Optional.empty();
        Optional<Set<Strategy>> strategies = Optional.empty();
        List<ChangeFreezeSpec> freezes = new ArrayList<>();
        Integer apiPort = null;
        String apiBind = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--topology" -> topology = value(args, ++i, option);
                case "--seed" -> seed = parseSeed(value(args, ++i, option));
                case "--speed" -> speedText = value(args, ++i, option);
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, option));
                case "--headless" -> headless = true;
                case "--duration" -> duration = parseDuration(value(args, ++i, option));
                case "--inject" -> faults.add(value(args, ++i, option));
                case "--report" -> report = Optional.of(Path.of(value(args, ++i, option)));
                case "--detection-config" -> detectionConfig = Optional.of(Path.of(value(args, ++i, option)));
                case "--verify-timeline" -> verifyTimeline = Optional.of(Path.of(value(args, ++i, option)));
                case "--escalation" -> escalationConfig = Optional.of(Path.of(value(args, ++i, option)));
                case "--notifications" -> notificationConfig = Optional.of(Path.of(value(args, ++i, option)));
                case "--checks" -> checks = Optional.of(Path.of(value(args, ++i, option)));
                case "--api" -> api = true;
                case "--api-port" -> apiPort = ApiLaunch.parsePort(value(args, ++i, option));
                case "--api-bind" -> apiBind = value(args, ++i, option);
                case "--runbook" -> runbook = Optional.of(value(args, ++i, option));
                case "--runbook-param" -> RunbookLaunch.addParameter(value(args, ++i, option), runbookParameters);
                case "--runbook-mode" -> runbookMode = RunbookLaunch.mode(value(args, ++i, option));
                case "--runbook-environment" -> runbookEnvironment = value(args, ++i, option);
                case "--runbook-at" -> runbookAt = parseOffset(value(args, ++i, option));
                case "--healing" -> healing = Optional.of(healingMode(value(args, ++i, option)));
                case "--healing-strategies" -> strategies = Optional.of(strategies(value(args, ++i, option)));
                case "--change-freeze" -> freezes.add(ChangeFreezeSpec.parse(value(args, ++i, option)));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + option + "'; try --help");
            }
        }
        OptionalDouble speed = parseSpeed(speedText, headless);
        Optional<ApiLaunch> apiLaunch = Optional.empty();
        if (api || apiPort != null || apiBind != null) {
            int port = apiPort == null ? ApiLaunch.DEFAULT_PORT : apiPort;
            apiLaunch = Optional.of(apiBind == null ? ApiLaunch.loopback(port) : new ApiLaunch(apiBind, port, true));
        }
        if (runbook.isEmpty() && (!runbookParameters.isEmpty() || runbookAt.compareTo(Duration.ZERO) > 0)) {
            throw new IllegalArgumentException("--runbook-param and --runbook-at need --runbook");
        }
        Optional<RunbookLaunch> launch = runbook.isEmpty() ? Optional.empty() : Optional.of(new RunbookLaunch(runbook.get(),
                runbookParameters, runbookMode, runbookEnvironment, runbookAt));
        return new LaunchOptions(topology, seed, speed, dataDir, headless, duration, faults, report, help, detectionConfig,
                verifyTimeline, escalationConfig, notificationConfig, checks, apiLaunch, launch, healing, freezes, strategies);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value; try --help");
        }
        return args[index];
    }

    private static Duration parseOffset(String text) {
        if (text.matches("0+(ms|s|m|h|d)?")) {
            return Duration.ZERO;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--runbook-at: " + e.getMessage(), e);
        }
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, was '" + text + "'", e);
        }
    }

    private static Duration parseDuration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--duration: " + e.getMessage(), e);
        }
    }

    private static OptionalDouble parseSpeed(String text, boolean headless) {
        if (text == null) {
            return headless ? OptionalDouble.empty() : OptionalDouble.of(1);
        }
        if (text.equalsIgnoreCase("max")) {
            return OptionalDouble.empty();
        }
        String number = text.endsWith("x") ? text.substring(0, text.length() - 1) : text;
        try {
            return OptionalDouble.of(Double.parseDouble(number));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--speed must be a number like 60 or 600x (or 'max'), was '" + text + "'", e);
        }
    }

    static Path defaultDataDir(Map<String, String> environment) {
        String configured = environment.get("FIREBREAK_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".firebreak");
    }

    private static Set<Strategy> strategies(String text) {
        try {
            return Strategy.parseList(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--healing-strategies: " + e.getMessage(), e);
        }
    }

    private static HealingMode healingMode(String text) {
        try {
            return HealingMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--healing: " + e.getMessage(), e);
        }
    }
}
