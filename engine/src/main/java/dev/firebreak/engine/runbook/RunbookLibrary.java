package dev.firebreak.engine.runbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The runbooks the console knows: the shipped ones and a person's own directory (which wins on equal ids). A file that
 * does not load is listed among {@link #problems()} and left out whole; the others load.
 */
public final class RunbookLibrary {

    /** A search: any blank part matches everything. */
    public record Query(String text, String tag, String componentKind, String alert, String faultKind) {
        public Query {
            text = text == null ? "" : text.strip();
            tag = tag == null ? "" : tag.strip();
            componentKind = componentKind == null ? "" : componentKind.strip();
            alert = alert == null ? "" : alert.strip();
            faultKind = faultKind == null ? "" : faultKind.strip();
        }

        public static Query text(String text) {
            return new Query(text, "", "", "", "");
        }

        public static Query alert(String alert) {
            return new Query("", "", "", alert, "");
        }

        public static Query fault(String faultKind, String componentKind) {
            return new Query("", "", componentKind, "", faultKind);
        }

        boolean isEmpty() {
            return text.isEmpty() && tag.isEmpty() && componentKind.isEmpty() && alert.isEmpty() && faultKind.isEmpty();
        }
    }

    /** A search hit: its score (higher first) and why it matched. */
    public record Match(Runbook runbook, double score, List<String> reasons) {
    }

    private final Map<String, Runbook> runbooks = new LinkedHashMap<>();
    private final List<RunbookException> problems = new ArrayList<>();
    private final Optional<Path> userDirectory;

    private RunbookLibrary(Optional<Path> userDirectory) {
        this.userDirectory = userDirectory;
    }

    /** Loads every {@code *.yaml}/{@code *.yml} of the directories, in order; later directories win on equal ids. */
    public static RunbookLibrary load(List<Path> directories, Optional<Path> userDirectory) {
        RunbookLibrary library = new RunbookLibrary(userDirectory);
        List<Path> all = new ArrayList<>(directories);
        userDirectory.ifPresent(all::add);
        for (Path directory : all) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(RunbookLibrary::isYaml).sorted().toList()) {
                    try {
                        Runbook runbook = RunbookLoader.load(file);
                        library.runbooks.put(runbook.id(), runbook);
                    } catch (RunbookException e) {
                        library.problems.add(e);
                    }
                }
            } catch (IOException e) {
                library.problems.add(new RunbookException(directory.toString(), 0, "", "cannot list: " + e.getMessage()));
            }
        }
        return library;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    public synchronized List<Runbook> all() {
        return runbooks.values().stream().sorted(Comparator.comparing(Runbook::id)).toList();
    }

    public synchronized Optional<Runbook> get(String id) {
        return Optional.ofNullable(runbooks.get(id));
    }

    /** Files that did not load, each naming file, line and field. */
    public synchronized List<RunbookException> problems() {
        return List.copyOf(problems);
    }

    public Optional<Path> userDirectory() {
        return userDirectory;
    }

    /**
     * Validates {@code yaml} and saves it as {@code ID.yaml} in the user directory (written to a temporary file first,
     * then moved over, so a crash never leaves half a runbook), replacing any runbook with the same id.
     *
     * @throws RunbookException when the text does not load, or there is no user directory
     */
    public Runbook save(String yaml) throws RunbookException {
        Path directory = userDirectory.orElseThrow(() -> new RunbookException("runbook", 0, "", "no user runbook directory"));
        Runbook parsed = RunbookLoader.parse("runbook", yaml, Optional.of(directory.toAbsolutePath()));
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(parsed.id() + ".yaml");
            Path temporary = Files.createTempFile(directory, parsed.id(), ".tmp");
            Files.writeString(temporary, yaml, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Runbook saved = RunbookLoader.load(target);
            synchronized (this) {
                runbooks.put(saved.id(), saved);
            }
            return saved;
        } catch (IOException e) {
            throw new RunbookException(parsed.id() + ".yaml", 0, "", "cannot write: " + e.getMessage());
        }
    }

    /** Runbooks matching every given part of the query, best first; an empty query lists all by id. */
    public List<Match> search(Query query) {
        List<Runbook> candidates = all();
        if (query.isEmpty()) {
            return candidates.stream().map(runbook -> new Match(runbook, 0, List.of())).toList();
        }
        List<Match> matches = new ArrayList<>();
        for (Runbook runbook : candidates) {
            double score = 0;
            List<String> reasons = new ArrayList<>();
            if (!query.alert().isEmpty()) {
                if (!containsIgnoringCase(runbook.alerts(), query.alert())) {
                    continue;
                }
                score += 10;
                reasons.add("answers alert " + query.alert());
            }
            if (!query.faultKind().isEmpty()) {
                if (!containsIgnoringCase(runbook.faultKinds(), query.faultKind())) {
                    continue;
                }
                score += 8;
                reasons.add("answers fault " + query.faultKind());
            }
            if (!query.tag().isEmpty()) {
                if (!containsIgnoringCase(runbook.tags(), query.tag())) {
                    continue;
                }
                score += 3;
                reasons.add("tagged " + query.tag());
            }
            if (!query.componentKind().isEmpty()) {
                if (!runbook.componentKinds().isEmpty() && !hasKind(runbook, query.componentKind())) {
                    continue;
                }
                score += runbook.componentKinds().isEmpty() ? 0.5 : 2;
                reasons.add(runbook.componentKinds().isEmpty() ? "for any component" : "for " + query.componentKind());
            }
            if (!query.text().isEmpty()) {
                double textScore = textScore(runbook, query.text());
                if (textScore == 0) {
                    continue;
                }
                score += textScore;
                reasons.add("mentions " + query.text());
            }
            matches.add(new Match(runbook, score, reasons));
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.runbook().id()));
        return matches;
    }

    /**
     * Runbooks for a diagnosed cause, best first: those whose fault kinds the cause's words name (a cause "memory leak
     * in its own process" names {@code memory-leak}) before those that only share words with it; the component kind
     * filters out runbooks written for other kinds.
     */
    public List<Match> suggest(String causeKind, String componentKind) {
        String cause = words(causeKind);
        List<Match> matches = new ArrayList<>();
        for (Runbook runbook : all()) {
            if (runbook.kind() == Runbook.Kind.TEMPLATE || !componentKind.isBlank() && !runbook.componentKinds().isEmpty()
                    && !hasKind(runbook, componentKind)) {
                continue;
            }
            double score = 0;
            List<String> reasons = new ArrayList<>();
            for (String fault : runbook.faultKinds()) {
                if (cause.contains(words(fault))) {
                    score += 8;
                    reasons.add("answers " + fault);
                }
            }
            double words = textScore(runbook, causeKind);
            if (score == 0 && words < 2) {
                continue;
            }
            score += words;
            matches.add(new Match(runbook, score, reasons.isEmpty() ? List.of("shares words with the cause") : reasons));
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.runbook().id()));
        return matches;
    }

    /**
     * The words of {@code text}, lower case, each between single spaces: dashes and punctuation separate words, so a
     * fault kind "dependency failing" is found in the cause "dependency failing: calls to it fail".
     */
    private static String words(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip() + " ";
    }

    /** Each query word found: in the title or an alert 2, in tags, description or a step title 1. */
    private static double textScore(Runbook runbook, String text) {
        Set<String> words = Stream.of(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> w.length() > 1)
                .collect(Collectors.toSet());
        String title = (runbook.title() + " " + runbook.id() + " " + String.join(" ", runbook.alerts())).toLowerCase(Locale.ROOT);
        String rest = (String.join(" ", runbook.tags()) + " " + runbook.description() + " " + String.join(" ",
                runbook.faultKinds()) + " " + runbook.steps().stream().map(RunbookStep::title).collect(Collectors.joining(" ")))
                .toLowerCase(Locale.ROOT);
        double score = 0;
        for (String word : words) {
            score += title.contains(word) ? 2 : rest.contains(word) ? 1 : 0;
        }
        return score;
    }

    /**
     * Whether the runbook is written for {@code kind}: "search-index" (as topologies and runbooks write it) and
     * "search_index" (the enum's name in lower case, as the console asks) are the same kind.
     */
    private static boolean hasKind(Runbook runbook, String kind) {
        String wanted = kind.replace('_', '-');
        return runbook.componentKinds().stream().anyMatch(value -> value.replace('_', '-').equalsIgnoreCase(wanted));
    }

    private static boolean containsIgnoringCase(List<String> values, String wanted) {
        return values.stream().anyMatch(value -> value.equalsIgnoreCase(wanted));
    }
}
