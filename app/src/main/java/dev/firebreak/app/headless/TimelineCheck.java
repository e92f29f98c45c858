package dev.firebreak.app.headless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.TimelineVerification;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code firebreak --verify-timeline REPORT.json}: checks every incident timeline's hash chain in a report. */
public final class TimelineCheck {

    /** Exit code when a timeline was tampered with. */
    public static final int TAMPERED = 4;

    private TimelineCheck() {
    }

    /** @return 0 when every chain is intact, {@link #TAMPERED} naming the first bad entry, 2 for an unreadable report */
    public static int run(Path report, PrintStream out, PrintStream err) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(report));
        } catch (JsonProcessingException e) {
            err.println("firebreak: " + report + " is not valid JSON: line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
            return 2;
        } catch (IOException e) {
            err.println("firebreak: cannot read " + report + ": " + e.getMessage());
            return 2;
        }
        List<TimelineVerification> results;
        try {
            results = IncidentReport.verify(json);
        } catch (IllegalArgumentException e) {
            err.println("firebreak: " + report + ": " + e.getMessage());
            return 2;
        }
        for (TimelineVerification result : results) {
            if (!result.intact()) {
                err.println("firebreak: " + Incident.key(result.incidentId()) + ": entry " + result.firstBad().orElseThrow()
                        + ": " + result.problem().orElseThrow());
                return TAMPERED;
            }
            out.println(Incident.key(result.incidentId()) + ": " + result.describe());
        }
        out.println("firebreak: " + results.size() + " incident timeline(s) intact in " + report);
        return 0;
    }
}
