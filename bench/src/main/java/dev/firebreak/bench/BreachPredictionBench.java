package dev.firebreak.bench;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.predict.ForecastEngine;
import dev.firebreak.engine.predict.ForecastEngineConfig;
import dev.firebreak.engine.predict.HoltWintersConfig;
import dev.firebreak.engine.predict.PredictedFailure;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * How early, and how falsely, the forecast engine predicts breaches, for several Holt smoothing
 * settings side by side on the same simulated runs (each setting has its own engine and bus, fed the
 * same ticks).
 *
 * <p>Fault trials: memory leaks on services and disk fills on stores of the shop topology, several
 * rates, each run from a fresh simulator (40 min of warm-up, then the fault) until the series reaches its
 * breach threshold. For each setting: whether a {@link PredictedFailure} for that series came before
 * the breach, its lead time, and its lead as a share of the ideal lead (the full 30-minute horizon, or
 * the time from the fault's start to the breach when that is shorter). Fault-free: the shop for
 * {@code days} simulated days. A prediction on any series counts as true when the series reaches the
 * predicted threshold within the horizon plus five minutes, else false; false ones in the fault-free run
 * are reported per 100 component-days.
 *
 * <p>Usage: {@code java -cp ... dev.firebreak.bench.BreachPredictionBench [days=2] [seed=1]}
 */
public final class BreachPredictionBench {

    private static final int WARM_UP_SECONDS = 40 * 60;
    private static final int MAX_FAULT_SECONDS = 8 * 3600;
    private static final String[] LEAK_TARGETS = {"cart", "catalog", "checkout", "orders", "payments", "search"};
    private static final String[] DISK_TARGETS = {"postgres-primary", "postgres-replica", "kafka", "media-store"};
    private static final double[] RATES = {1, 2, 5, 10};

    /**
     * A smoothing setting: {@code model} for every watched metric, except memory and disk use, which take
     * {@code resourceModel} (their breaches are driven by trends: leaks, filling disks).
     */
    private record Setting(String name, HoltWintersConfig model, HoltWintersConfig resourceModel, int confirm) {
    }

    private static final HoltWintersConfig SLOW = HoltWintersConfig.trendOnly(0.5, 0.1, 0.995);

    private static HoltWintersConfig beta(double b) {
        return HoltWintersConfig.trendOnly(0.5, b, 0.995);
    }

    private static final ForecastEngineConfig DEFAULTS = ForecastEngineConfig.defaults();
    private static final List<Setting> SETTINGS = List.of(
            new Setting("b0.1 all (before)", SLOW, SLOW, 1),
            new Setting("b0.2 all", beta(0.2), beta(0.2), 1),
            new Setting("memory/disk b0.5", SLOW, beta(0.5), 1),
            new Setting("shipped: memory/disk b" + ForecastEngineConfig.RESOURCE_TREND_BETA + ", confirm "
                    + DEFAULTS.confirmEvaluations(), DEFAULTS.model(), DEFAULTS.modelFor(MetricName.MEMORY),
                    DEFAULTS.confirmEvaluations()),
            new Setting("memory/disk b0.5, confirm 3", SLOW, beta(0.5), 3));

    private BreachPredictionBench() {
    }

    /** One setting's engine, what it published, and which of its predictions came true. */
    private static final class Watcher {
        final EventBus bus = new EventBus();
        final List<PredictedFailure> failures = new ArrayList<>();
        private final List<PredictedFailure> pending = new ArrayList<>();
        final List<PredictedFailure> cameTrue = new ArrayList<>();
        final List<PredictedFailure> cameFalse = new ArrayList<>();

        Watcher(Setting setting, MetricStore store, Topology topology) {
            ForecastEngineConfig defaults = ForecastEngineConfig.defaults();
            ForecastEngineConfig config = defaults.withModels(setting.model(),
                    Map.of(MetricName.MEMORY, setting.resourceModel(), MetricName.DISK_USED,
                            setting.resourceModel()), setting.confirm());
            ForecastEngine.attach(store, bus, topology, config, componentId -> 0.2);
            bus.subscribe(PredictedFailure.class, f -> {
                failures.add(f);
                pending.add(f);
            });
        }

        /**
         * Settles pending predictions: true once the series reaches the predicted threshold, false when the
         * horizon plus five minutes passes first.
         */
        void settle(ToIntFunction<PredictedFailure> handles, MetricStore store, Instant now) {
            pending.removeIf(f -> {
                int handle = handles.applyAsInt(f);
                if (store.latest(handle) >= f.threshold()) {
                    cameTrue.add(f);
                    return true;
                }
                if (now.isAfter(f.at().plus(ForecastEngineConfig.DEFAULT_HORIZON).plusSeconds(300))) {
                    cameFalse.add(f);
                    return true;
                }
                return false;
            });
        }

        /** Predictions still open when the run ends: settled as false, since nothing reached the threshold yet. */
        void closeRun() {
            cameFalse.addAll(pending);
            pending.clear();
        }
    }

    /** Per setting, over the fault trials. */
    private static final class Tally {
        int trials;
        int predicted;
        final List<Double> leadMinutes = new ArrayList<>();
        final List<Double> leadShare = new ArrayList<>();
        final List<Double> breachErrorMinutes = new ArrayList<>();
        int otherSeriesTrue;
        int otherSeriesFalse;
        final Map<MetricName, Integer> otherFalseByMetric = new EnumMap<>(MetricName.class);
        int faultFreeTrue;
        int faultFreeFalse;
        int nearThresholdTrue;
        int nearThresholdFalse;
        final Map<MetricName, Integer> faultFreeFalseByMetric = new EnumMap<>(MetricName.class);
    }

    public static void main(String[] args) throws TopologyException {
        double days = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");
        Tally[] tallies = new Tally[SETTINGS.size()];
        Arrays.setAll(tallies, i -> new Tally());

        long trial = 0;
        for (String target : LEAK_TARGETS) {
            for (double rate : RATES) {
                runTrial(shop, seed + trial++, "memory-leak", target, MetricName.MEMORY, 95, rate, tallies);
            }
        }
        for (String target : DISK_TARGETS) {
            for (double rate : RATES) {
                runTrial(shop, seed + trial++, "disk-fill", target, MetricName.DISK_USED, 90, rate, tallies);
            }
        }
        double componentDays = faultFree(shop, seed, days, tallies);
        nearThreshold(shop, seed, tallies);

        System.out.printf(Locale.ROOT, "%d fault trials (memory leaks %s, disk fills %s, rates %s points/min), "
                + "fault-free %.1f component-days, seed %d%n", trial, Arrays.toString(LEAK_TARGETS),
                Arrays.toString(DISK_TARGETS), Arrays.toString(RATES), componentDays, seed);
        System.out.println("| setting | predicted before breach | median lead min | median share of ideal lead "
                + "| median error of first expected breach min | other series in trials: came true / false "
                + "| fault-free: came true / false | false per 100 component-days fault-free |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < SETTINGS.size(); i++) {
            Tally t = tallies[i];
            System.out.printf(Locale.ROOT, "| %s | %d/%d | %.1f | %.2f | %.1f | %d / %d | %d / %d | %.1f |%n",
                    SETTINGS.get(i).name(), t.predicted, t.trials, median(t.leadMinutes), median(t.leadShare),
                    median(t.breachErrorMinutes), t.otherSeriesTrue, t.otherSeriesFalse, t.faultFreeTrue,
                    t.faultFreeFalse, 100.0 * t.faultFreeFalse / componentDays);
        }
        System.out.println("Flat series just under their thresholds (8 series x 6 h): predictions came true / false");
        for (int i = 0; i < SETTINGS.size(); i++) {
            System.out.printf(Locale.ROOT, "%s: %d / %d%n", SETTINGS.get(i).name(), tallies[i].nearThresholdTrue,
                    tallies[i].nearThresholdFalse);
        }
        for (int i = 0; i < SETTINGS.size(); i++) {
            System.out.printf(Locale.ROOT, "%s: false on other series by metric %s%n", SETTINGS.get(i).name(),
                    tallies[i].otherFalseByMetric);
            System.out.printf(Locale.ROOT, "%s: false fault-free by metric %s%n", SETTINGS.get(i).name(),
                    tallies[i].faultFreeFalseByMetric);
        }
    }

    private static void runTrial(Topology shop, long seed, String fault, String target, MetricName metric,
            double threshold, double rate, Tally[] tallies) {
        SimulationConfig simulation = startOfSomeHour(seed);
        MetricStore store = MetricStores.inMemory();
        EventBus bus = new EventBus();
        List<Watcher> watchers = watchers(store, bus, shop);
        Simulator simulator = new Simulator(shop, simulation, store, bus, new SimulationClock(simulation.start()));
        int handle = simulator.seriesHandle(shop.indexOf(target), metric);
        String spec = String.format(Locale.ROOT, "%s:%s,magnitude=%s,at=%dm,for=%dm", fault, target, rate,
                WARM_UP_SECONDS / 60, MAX_FAULT_SECONDS / 60);
        simulator.inject(FaultSpecParser.parse(spec, simulation.start()));
        Instant faultStart = simulation.start().plusSeconds(WARM_UP_SECONDS);

        Instant breach = null;
        long stopAt = WARM_UP_SECONDS + MAX_FAULT_SECONDS;
        for (long s = 0; s < stopAt; s++) {
            simulator.step();
            Instant now = simulator.clock().instant();
            watchers.forEach(w -> w.settle(f -> handleOf(simulator, f), store, now));
            if (breach == null && store.latest(handle) >= threshold) {
                breach = Instant.ofEpochSecond(store.latestEpochSecond(handle));
                // run on for the horizon and a little, so predictions on other series can come true or not
                stopAt = s + 1 + ForecastEngineConfig.DEFAULT_HORIZON.toSeconds() + 300;
            }
        }
        watchers.forEach(Watcher::closeRun);
        if (breach == null) {
            return; // the fault could not drive the series to its threshold (e.g. a restart); not a trial
        }
        double idealMinutes = Math.min(30, Duration.between(faultStart, breach).toSeconds() / 60.0);
        for (int i = 0; i < watchers.size(); i++) {
            Tally tally = tallies[i];
            tally.trials++;
            Instant breachAt = breach;
            List<PredictedFailure> mine = watchers.get(i).failures.stream()
                    .filter(f -> f.componentId().equals(target) && f.metric() == metric && f.at().isBefore(breachAt))
                    .toList();
            tally.otherSeriesTrue += (int) watchers.get(i).cameTrue.stream()
                    .filter(f -> !(f.componentId().equals(target) && f.metric() == metric)).count();
            watchers.get(i).cameFalse.stream()
                    .filter(f -> !(f.componentId().equals(target) && f.metric() == metric))
                    .forEach(f -> {
                        tally.otherSeriesFalse++;
                        tally.otherFalseByMetric.merge(f.metric(), 1, Integer::sum);
                    });
            if (mine.isEmpty()) {
                continue;
            }
            PredictedFailure first = mine.getFirst();
            double lead = Duration.between(first.at(), breach).toSeconds() / 60.0;
            tally.predicted++;
            tally.leadMinutes.add(lead);
            tally.leadShare.add(Math.min(1, lead / idealMinutes));
            tally.breachErrorMinutes.add(Math.abs(Duration.between(first.expectedBreachAt(), breach).toSeconds() / 60.0));
        }
    }

    private static double faultFree(Topology shop, long seed, double days, Tally[] tallies) {
        SimulationConfig simulation = SimulationConfig.defaults(seed);
        MetricStore store = MetricStores.inMemory();
        EventBus bus = new EventBus();
        List<Watcher> watchers = watchers(store, bus, shop);
        Simulator simulator = new Simulator(shop, simulation, store, bus, new SimulationClock(simulation.start()));
        long seconds = (long) (days * 86_400);
        for (long s = 0; s < seconds; s++) {
            simulator.step();
            Instant now = simulator.clock().instant();
            watchers.forEach(w -> w.settle(f -> handleOf(simulator, f), store, now));
        }
        watchers.forEach(Watcher::closeRun);
        for (int i = 0; i < watchers.size(); i++) {
            tallies[i].faultFreeTrue = watchers.get(i).cameTrue.size();
            tallies[i].faultFreeFalse = watchers.get(i).cameFalse.size();
            for (PredictedFailure f : watchers.get(i).cameFalse) {
                tallies[i].faultFreeFalseByMetric.merge(f.metric(), 1, Integer::sum);
            }
        }
        return days * shop.components().size();
    }

    private static int handleOf(Simulator simulator, PredictedFailure f) {
        return simulator.seriesHandle(simulator.topology().indexOf(f.componentId()), f.metric());
    }

    /**
     * Flat series that hover just under their threshold with autocorrelated noise (AR(1), 0.95 a second,
     * stationary deviation 1 point): memory at 86-92 % against 95, disk at 81-87 % against 90, six hours
     * each. The level never moves, so a prediction only comes true when noise alone touches the threshold.
     */
    private static void nearThreshold(Topology shop, long seed, Tally[] tallies) {
        MetricStore store = MetricStores.inMemory();
        EventBus bus = new EventBus();
        SplittableRandom random = new SplittableRandom(seed);
        double[] gaps = {3, 5, 7, 9};
        List<int[]> series = new ArrayList<>();
        List<double[]> levels = new ArrayList<>();
        int n = 0;
        for (double gap : gaps) {
            String component = shop.components().get(n++).id();
            series.add(new int[] {store.register(new SeriesKey(component, MetricName.MEMORY)),
                    store.register(new SeriesKey(component, MetricName.DISK_USED))});
            levels.add(new double[] {95 - gap, 90 - gap});
        }
        List<Watcher> watchers = watchers(store, bus, shop);
        double phi = 0.95;
        double innovation = Math.sqrt(1 - phi * phi);
        double[][] noise = new double[gaps.length][2];
        long start = SimulationConfig.defaults(seed).start().getEpochSecond();
        for (long s = 0; s < 6 * 3600; s++) {
            long t = start + s;
            for (int i = 0; i < gaps.length; i++) {
                for (int m = 0; m < 2; m++) {
                    noise[i][m] = phi * noise[i][m] + innovation * random.nextGaussian();
                    store.append(series.get(i)[m], t, levels.get(i)[m] + noise[i][m]);
                }
            }
            bus.publish(new MetricsTicked(Instant.ofEpochSecond(t), t));
            Instant now = Instant.ofEpochSecond(t);
            watchers.forEach(w -> w.settle(f -> store.handle(new SeriesKey(
                    f.componentId(), f.metric())).orElseThrow(), store, now));
        }
        watchers.forEach(Watcher::closeRun);
        for (int i = 0; i < watchers.size(); i++) {
            tallies[i].nearThresholdTrue = watchers.get(i).cameTrue.size();
            tallies[i].nearThresholdFalse = watchers.get(i).cameFalse.size();
        }
    }

    /** Every setting's engine on its own bus, fed the simulator's ticks. */
    private static List<Watcher> watchers(MetricStore store, EventBus bus, Topology topology) {
        List<Watcher> watchers = SETTINGS.stream().map(s -> new Watcher(s, store, topology)).toList();
        bus.subscribe(MetricsTicked.class, tick -> watchers.forEach(w -> w.bus.publish(tick)));
        return watchers;
    }

    /** Trials start at different hours so leaks meet both quiet and busy traffic. */
    private static SimulationConfig startOfSomeHour(long seed) {
        SimulationConfig defaults = SimulationConfig.defaults(seed);
        return defaults.withStart(defaults.start().plusSeconds(3600 * ((seed * 7) % 24)));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
