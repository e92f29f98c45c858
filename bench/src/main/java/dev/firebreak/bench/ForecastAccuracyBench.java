package dev.firebreak.bench;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.predict.AccuracyReport;
import dev.firebreak.engine.predict.ForecastAccuracy;
import dev.firebreak.engine.predict.Forecasters;
import dev.firebreak.engine.predict.HoltWintersConfig;
import dev.firebreak.engine.predict.HoltWintersFit;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.DownsampledSnapshot;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.StoreRetention;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Forecast accuracy (MASE against seasonal naive, rolling origin) of the console's Holt-Winters on
 * simulator series and NAB series.
 *
 * <p>Simulator: the shop topology runs for {@code days} simulated days; the 5-minute tier (season 288,
 * one day) of request rate, CPU and p99 latency of every component is scored. NAB: every
 * {@code DATA_DIR/<corpus>/<name>.csv}, rows taken in order as consecutive steps, season = one day at
 * the median step (a series shorter than five seasons is skipped). For each series the smoothing is
 * fitted by grid search on a training prefix (the first max(3 seasons, 15 %) of the series, as in
 * NAB's probationary period) and then scored by rolling origin from the end of that prefix, with a
 * fixed-parameter (defaults) Holt-Winters scored alongside.
 *
 * <p>Usage: {@code java -cp ... dev.firebreak.bench.ForecastAccuracyBench [nabDataDir] [days=5] [horizon=12] [seed=1]}
 */
public final class ForecastAccuracyBench {

    private static final int SIM_BUCKET_SECONDS = 300;
    private static final int SIM_SEASON = 288;
    private static final MetricName[] SIM_METRICS = {MetricName.REQUEST_RATE, MetricName.CPU, MetricName.LATENCY_P99};
    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ForecastAccuracyBench() {
    }

    private record Row(String series, int season, AccuracyReport fitted, AccuracyReport defaults, String params) {
    }

    public static void main(String[] args) throws IOException, TopologyException {
        Path nab = args.length > 0 ? Path.of(args[0]) : Path.of("../shared/benchmarks/nab/data");
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int horizon = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;

        List<Row> sim = simulatorRows(days, horizon, seed);
        print("simulator (shop, " + days + " days, 5-min tier, season 288, horizon " + horizon + ")", sim);
        if (Files.isDirectory(nab)) {
            List<Row> nabRows = nabRows(nab, horizon);
            print("NAB (" + nab + ", horizon " + horizon + ")", nabRows);
        } else {
            System.out.println("NAB data directory " + nab + " not found; skipped");
        }
    }

    private static List<Row> simulatorRows(int days, int horizon, long seed) throws TopologyException {
        Topology topology = TopologyLoader.loadResource("topologies/shop.yaml");
        MetricStore store = MetricStores.inMemory(new StoreRetention(3600, SIM_BUCKET_SECONDS, SIM_SEASON * (days + 1)));
        SimulationConfig config = SimulationConfig.defaults(seed);
        Simulator simulator = new Simulator(topology, config, store, new EventBus(), new SimulationClock(config.start()));
        long seconds = days * 86_400L;
        for (long s = 0; s < seconds; s++) {
            simulator.step();
        }
        List<Row> rows = new ArrayList<>();
        long from = config.start().getEpochSecond();
        for (int c = 0; c < topology.size(); c++) {
            for (MetricName metric : SIM_METRICS) {
                int handle = simulator.seriesHandle(c, metric);
                if (handle < 0) {
                    continue;
                }
                DownsampledSnapshot buckets = store.downsampled(handle, from, from + seconds - 1);
                rows.add(score(topology.component(c).id() + "/" + metric.name().toLowerCase(Locale.ROOT),
                        buckets.mean(), SIM_SEASON, horizon));
            }
        }
        return rows;
    }

    private static List<Row> nabRows(Path dataDir, int horizon) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            int n = lines.size() - 1;
            double[] values = new double[n];
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).split(",");
                times[i] = LocalDateTime.parse(cells[0].trim(), NAB_TIME).toEpochSecond(ZoneOffset.UTC);
                values[i] = Double.parseDouble(cells[1].trim());
            }
            long[] steps = new long[n - 1];
            for (int i = 1; i < n; i++) {
                steps[i - 1] = times[i] - times[i - 1];
            }
            Arrays.sort(steps);
            long step = Math.max(1, steps[steps.length / 2]);
            int season = (int) Math.max(2, Math.round(86_400.0 / step));
            String name = dataDir.relativize(file).toString();
            if (n < 5 * season) {
                System.out.printf(Locale.ROOT, "  %-55s skipped: %d rows < 5 seasons of %d%n", name, n, season);
                continue;
            }
            rows.add(score(name, values, season, horizon));
        }
        return rows;
    }

    private static Row score(String name, double[] values, int season, int horizon) {
        int training = Math.max(3 * season, (int) (0.15 * values.length));
        HoltWintersConfig base = HoltWintersConfig.seasonal(season);
        HoltWintersConfig fitted = HoltWintersFit.fit(Arrays.copyOf(values, training), base);
        AccuracyReport fit = ForecastAccuracy.mase(values, () -> Forecasters.holtWinters(fitted), season, horizon,
                training);
        AccuracyReport defaults = ForecastAccuracy.mase(values, () -> Forecasters.holtWinters(base), season, horizon,
                training);
        String params = String.format(Locale.ROOT, "a=%.2f b=%.2f g=%.2f phi=%.2f", fitted.alpha(), fitted.beta(),
                fitted.gamma(), fitted.phi());
        return new Row(name, season, fit, defaults, params);
    }

    private static void print(String title, List<Row> rows) {
        System.out.println(title);
        System.out.printf(Locale.ROOT, "  %-55s %6s %9s %9s %8s  %s%n", "series", "season", "MASE fit", "MASE def",
                "points", "fitted");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "  %-55s %6d %9.3f %9.3f %8d  %s%n", row.series(), row.season(),
                    row.fitted().mase(), row.defaults().mase(), row.fitted().points(), row.params());
        }
        double[] fitted = rows.stream().mapToDouble(r -> r.fitted().mase()).filter(Double::isFinite).sorted().toArray();
        double[] defaults = rows.stream().mapToDouble(r -> r.defaults().mase()).filter(Double::isFinite).sorted()
                .toArray();
        long better = Arrays.stream(fitted).filter(v -> v < 1).count();
        System.out.printf(Locale.ROOT, "  median MASE fitted %.3f, defaults %.3f; fitted beats seasonal naive on %d of %d%n%n",
                median(fitted), median(defaults), better, fitted.length);
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
