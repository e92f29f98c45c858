package dev.firebreak.bench.incident;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.incident.Alert;
import dev.firebreak.engine.incident.AlertLevel;
import dev.firebreak.engine.incident.AlertSource;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.store.TemporaryDirectory;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on the alert intake as the console runs it (H2 store on disk): {@code --rate} alerts per wall-clock second
 * for {@code --seconds}, from {@code --faults} faults far apart on a 2,000-component topology, each alerting on its
 * component and its callers. Checks that every alert was taken (none lost), that the faults gave exactly one
 * incident each, every timeline verifies, and reports how long each second's batch took (it must stay well under
 * a second to keep up).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.firebreak.bench.incident.IncidentLoad [--rate 1000] [--seconds 60] [--faults 12]
 * </pre>
 */
public final class IncidentLoad {

    private IncidentLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 1000;
        int seconds = 60;
        int faults = 12;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--faults" -> faults = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Topology topology = TopologyGenerator.generate(2000, 42);
        int[] origins = farApart(topology, faults, new SplittableRandom(3));
        Path dir = TemporaryDirectory.create("firebreak-load");
        SimulationClock clock = new SimulationClock(Instant.parse("2026-11-02T00:00:00Z"));
        SplittableRandom random = new SplittableRandom(11);
        long sent = 0;
        long[] batchNanos = new long[seconds];
        try (Database database = Database.openFile(dir)) {
            IncidentService service = new IncidentService(topology, IncidentConfig.defaults(), IncidentStore.in(database),
                    new EventBus(), clock);
            long wallStart = System.nanoTime();
            for (int second = 0; second < seconds; second++) {
                long batchStart = System.nanoTime();
                for (int n = 0; n < rate; n++) {
                    service.accept(alert(topology, origins[random.nextInt(origins.length)], random, clock.instant()));
                    sent++;
                }
                clock.advance(Duration.ofSeconds(1));
                service.tick(clock.instant());
                batchNanos[second] = System.nanoTime() - batchStart;
                long due = wallStart + (second + 1) * 1_000_000_000L;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            // an incident merged into another (ADR 0030) is part of that one, not an incident of its own
            List<Incident> incidents = service.incidents().stream().filter(i -> i.state() != IncidentState.MERGED).toList();
            boolean intact = service.incidents().stream().allMatch(i -> service.verify(i.id()).intact());
            long[] sorted = batchNanos.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "sent %d alerts at %d/s for %d s; taken %d; %d faults gave %d incident(s); timelines intact: %s%n",
                    sent, rate, seconds, service.alertsReceived(), faults, incidents.size(), intact);
            System.out.printf(Locale.ROOT, "one second's batch took median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    sorted[seconds / 2] / 1e6, sorted[(int) (seconds * 0.95)] / 1e6, sorted[seconds - 1] / 1e6);
            System.out.printf(Locale.ROOT, "{\"sent\":%d,\"taken\":%d,\"faults\":%d,\"incidents\":%d,\"intact\":%s,\"batchMedianMs\":%.1f,\"batchMaxMs\":%.1f}%n",
                    sent, service.alertsReceived(), faults, incidents.size(), intact, sorted[seconds / 2] / 1e6, sorted[seconds - 1] / 1e6);
        }
    }

    /** Alerts on the origin or one of its callers: health (firing, repeating) and momentary anomalies. */
    static Alert alert(Topology topology, int origin, SplittableRandom random, Instant at) {
        int[] callers = topology.callersOf(origin);
        int component = callers.length == 0 || random.nextBoolean() ? origin : callers[random.nextInt(callers.length)];
        String id = topology.component(component).id();
        if (random.nextInt(4) == 0) {
            return new Alert(AlertSource.ANOMALY, "anomaly:" + id, id, Optional.empty(), AlertLevel.INFO, id + " anomalous",
                    Map.of(), at, Optional.of(at));
        }
        return new Alert(AlertSource.HEALTH, "health:" + id, id, Optional.empty(),
                component == origin ? AlertLevel.CRITICAL : AlertLevel.WARNING, id + " degraded",
                Map.of("state", component == origin ? "CRITICAL" : "DEGRADED"), at, Optional.empty());
    }

    /**
     * Origins whose alerting components (the origin and its callers) are more than the grouping distance from every
     * other origin's, so each fault must be its own incident.
     */
    static int[] farApart(Topology topology, int count, SplittableRandom random) {
        BitSet taken = new BitSet(topology.size());
        List<Integer> chosen = new ArrayList<>();
        int hops = IncidentConfig.DEFAULT_GROUPING_HOPS + 1;
        for (int attempt = 0; attempt < 100_000 && chosen.size() < count; attempt++) {
            int candidate = random.nextInt(topology.size());
            BitSet area = around(topology, candidate, hops);
            if (!area.intersects(taken)) {
                chosen.add(candidate);
                taken.or(around(topology, candidate, 1));
            }
        }
        if (chosen.size() < count) {
            throw new IllegalStateException("found only " + chosen.size() + " origins far enough apart");
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static BitSet around(Topology topology, int start, int hops) {
        BitSet seen = new BitSet(topology.size());
        List<Integer> frontier = List.of(start);
        seen.set(start);
        for (int h = 0; h < hops; h++) {
            List<Integer> next = new ArrayList<>();
            for (int c : frontier) {
                for (int[] near : new int[][] {topology.callersOf(c), topology.calleesOf(c)}) {
                    for (int n : near) {
                        if (!seen.get(n)) {
                            seen.set(n);
                            next.add(n);
                        }
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }
}
