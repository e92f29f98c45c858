package dev.firebreak.app.headless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.TimelineChain;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.incident.TimelineVerification;
import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.RootCauseService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's {@code incidents}: one object per incident with its timeline, hash chain included, its
 * {@code rootCauses} (ranked {@code {component, kind, confidence, evidence}}), and the check
 * that {@code firebreak --verify-timeline REPORT.json} runs on a report written earlier (or elsewhere).
 */
final class IncidentReport {

    /** A report lists the best few causes; the console shows them all. */
    static final int ROOT_CAUSES = 5;

    private IncidentReport() {
    }

    static void write(ObjectNode report, IncidentService incidents, RootCauseService rootCauses) {
        ArrayNode array = report.putArray("incidents");
        for (Incident incident : incidents.incidents()) {
            ObjectNode node = array.addObject();
            node.put("id", incident.id());
            node.put("key", incident.key());
            node.put("title", incident.title());
            node.put("severity", incident.severity().name());
            node.put("computedSeverity", incident.computedSeverity().name());
            node.put("type", incident.type().name());
            node.put("state", incident.state().name());
            node.put("openedAt", incident.openedAt().toString());
            node.put("resolvedAt", incident.resolvedAt().map(Instant::toString).orElse(null));
            ArrayNode components = node.putArray("components");
            incident.components().forEach(components::add);
            node.put("alertCount", incident.alertCount());
            rootCauses(node.putArray("rootCauses"), rootCauses.diagnosis(incident.id()));
            ArrayNode timeline = node.putArray("timeline");
            for (TimelineEntry entry : incidents.timeline(incident.id())) {
                timeline.addObject()
                        .put("seq", entry.seq())
                        .put("at", entry.at().toString())
                        .put("kind", entry.kind().name())
                        .put("actor", entry.actor())
                        .put("text", entry.text())
                        .put("prevHash", entry.previousHash())
                        .put("hash", entry.hash());
            }
        }
    }

    /** The latest diagnosis's causes that point somewhere (score above 0), best first, at most {@value #ROOT_CAUSES}. */
    private static void rootCauses(ArrayNode array, Optional<Diagnosis> diagnosis) {
        diagnosis.ifPresent(d -> d.causes().stream().filter(c -> c.score() > 0).limit(ROOT_CAUSES).forEach(cause -> {
            ObjectNode node = array.addObject();
            node.put("component", cause.component());
            node.put("kind", cause.kind());
            node.put("confidence", Math.round(cause.confidence() * 1000) / 1000.0);
            ArrayNode evidence = node.putArray("evidence");
            cause.evidence().forEach(evidence::add);
        }));
    }

    /**
     * Checks every incident's timeline in a report.
     *
     * @return one verification per incident, in report order
     * @throws IllegalArgumentException naming the incident and field when the report is not one Firebreak wrote
     */
    static List<TimelineVerification> verify(JsonNode report) {
        JsonNode incidents = report.get("incidents");
        if (incidents == null || !incidents.isArray()) {
            throw new IllegalArgumentException("the report has no 'incidents' array");
        }
        List<TimelineVerification> results = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            JsonNode incident = incidents.get(i);
            long id = number(incident, "id", "incidents[" + i + "]");
            List<TimelineEntry> entries = new ArrayList<>();
            JsonNode timeline = incident.get("timeline");
            if (timeline == null || !timeline.isArray()) {
                throw new IllegalArgumentException("incidents[" + i + "].timeline is missing");
            }
            for (int j = 0; j < timeline.size(); j++) {
                JsonNode e = timeline.get(j);
                String where = "incidents[" + i + "].timeline[" + j + "]";
                try {
                    entries.add(new TimelineEntry(id, number(e, "seq", where), Instant.parse(text(e, "at", where)),
                            TimelineKind.valueOf(text(e, "kind", where)), text(e, "actor", where), text(e, "text", where),
                            text(e, "prevHash", where), text(e, "hash", where)));
                } catch (java.time.format.DateTimeParseException | IllegalArgumentException ex) {
                    throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
                }
            }
            results.add(TimelineChain.verify(id, entries, Optional.empty()));
        }
        return results;
    }

    private static long number(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException(where + "." + field + " is missing or not a whole number");
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(where + "." + field + " is missing or not text");
        }
        return value.asText();
    }
}
