package dev.firebreak.app;

import dev.firebreak.app.cli.CommandLine;
import dev.firebreak.app.cli.LaunchOptions;
import dev.firebreak.app.headless.HeadlessRun;
import dev.firebreak.app.headless.TimelineCheck;
import dev.firebreak.app.wiring.ConsoleApplication;
import dev.firebreak.engine.detect.config.DetectionConfigException;
import dev.firebreak.engine.escalation.EscalationConfigException;
import dev.firebreak.engine.notify.NotificationConfigException;
import dev.firebreak.engine.check.CheckFileException;
import dev.firebreak.engine.store.StoreException;
import dev.firebreak.engine.topology.TopologyException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The program's entry point. Deliberately not a JavaFX {@code Application}: on the classpath the
 * launcher must not extend it, and headless runs must not touch the toolkit at all.
 *
 * <p>Exit codes: 0 done, 1 could not complete (I/O), 2 bad arguments or input, 3 data directory in use,
 * 4 an incident timeline failed verification.
 */
public final class Firebreak {

    private Firebreak() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        LaunchOptions options;
        try {
            options = CommandLine.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("firebreak: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(CommandLine.USAGE);
            return 0;
        }
        if (options.verifyTimeline().isPresent()) {
            return TimelineCheck.run(options.verifyTimeline().get(), out, err);
        }
        if (!options.headless()) {
            return ConsoleApplication.launch(options, err);
        }
        try {
            new HeadlessRun(options, out).run();
            return 0;
        } catch (TopologyException | DetectionConfigException | EscalationConfigException
                | NotificationConfigException | CheckFileException | IllegalArgumentException e) {
            err.println("firebreak: " + e.getMessage());
            return 2;
        } catch (StoreException | UncheckedIOException e) {
            err.println("firebreak: " + e.getMessage());
            return 1;
        }
    }
}
