package dev.firebreak.engine.heal;

import dev.firebreak.engine.health.HealthState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The playbooks healing chooses from, and the files that could not be loaded (shown, never silently dropped). */
public final class PlaybookLibrary {

    private final List<Playbook> playbooks;
    private final List<PlaybookException> problems;

    public PlaybookLibrary(List<Playbook> playbooks, List<PlaybookException> problems) {
        this.playbooks = playbooks.stream().sorted(Comparator.comparing(Playbook::id)).toList();
        this.problems = List.copyOf(problems);
    }

    /** Every {@code *.yaml} file in {@code directories} (not recursive); a missing directory is skipped. */
    public static PlaybookLibrary load(List<Path> directories) {
        List<Path> files = new ArrayList<>();
        List<PlaybookException> problems = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> list = Files.list(directory)) {
                list.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().forEach(files::add);
            } catch (IOException e) {
                problems.add(new PlaybookException(directory.toString(), 0, "", "cannot list: " + e.getMessage()));
            }
        }
        List<Playbook> loaded = PlaybookLoader.loadAll(files, problems);
        List<Playbook> unique = new ArrayList<>();
        for (Playbook playbook : loaded) {
            if (unique.stream().anyMatch(p -> p.id().equals(playbook.id()))) {
                problems.add(new PlaybookException(playbook.id(), 0, "id", "playbook id '" + playbook.id()
                        + "' is used twice; the first one loaded is kept"));
            } else {
                unique.add(playbook);
            }
        }
        return new PlaybookLibrary(unique, problems);
    }

    public static PlaybookLibrary empty() {
        return new PlaybookLibrary(List.of(), List.of());
    }

    public List<Playbook> all() {
        return playbooks;
    }

    public List<PlaybookException> problems() {
        return problems;
    }

    public Optional<Playbook> get(String id) {
        return playbooks.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The playbook answering the cause: the highest priority among those whose trigger matches, then the id. */
    public Optional<Playbook> match(String faultKind, String componentKind, Strategy strategy, HealthState health) {
        return matches(faultKind, componentKind, strategy, health).stream().findFirst();
    }

    /** Every playbook whose trigger matches, in the order {@link #match} prefers them. */
    public List<Playbook> matches(String faultKind, String componentKind, Strategy strategy, HealthState health) {
        return playbooks.stream()
                .filter(p -> p.answers(faultKind, componentKind, strategy, health).isPresent())
                .sorted(Comparator.comparingInt(Playbook::priority).reversed().thenComparing(Playbook::id))
                .toList();
    }
}
