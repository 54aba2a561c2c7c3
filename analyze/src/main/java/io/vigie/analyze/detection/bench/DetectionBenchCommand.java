package io.vigie.analyze.detection.bench;

import io.vigie.analyze.detection.series.Observation;
import io.vigie.analyze.detection.series.SeriesDetector;
import io.vigie.analyze.detection.series.SeriesParams;
import io.vigie.analyze.detection.series.SeriesState;
import io.vigie.analyze.detection.virality.CopySpreadDetector;
import io.vigie.analyze.detection.virality.EngagementGrowthDetector;
import io.vigie.model.SignalKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench detection}: points per second through the volume detector on one thread, and bytes of
 * state per series. Printed figures with the machine's load beside them, never a pass/fail test.
 */
@Command(name = "detection", mixinStandardHelpOptions = true,
        description = "Throughput (points/s, one thread, warm-up excluded) and state size of Vigie's detectors.")
public final class DetectionBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--series", defaultValue = "1000", description = "Independent series (brands), interleaved.")
    int seriesCount;

    @Option(names = "--points", defaultValue = "2000", description = "Points per series per round.")
    int pointsPerSeries;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds after the warm-up rounds.")
    int rounds;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed warm-up rounds.")
    int warmup;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (seriesCount < 1 || pointsPerSeries < 1 || rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--series, --points and --rounds must be >= 1, --warmup >= 0");
        }
        SeriesDetector detector = new SeriesDetector(SeriesParams.forKind(SignalKind.VOLUME, Duration.ofMinutes(5)));
        // Poisson-like counts with a daily cycle and rare bursts, pre-generated so the timing is the detector's.
        SplittableRandom random = new SplittableRandom(42);
        double[][] values = new double[seriesCount][pointsPerSeries];
        for (int s = 0; s < seriesCount; s++) {
            double base = 0.5 + random.nextDouble() * 200;
            for (int i = 0; i < pointsPerSeries; i++) {
                double mean = base * (1 + 0.6 * Math.sin(2 * Math.PI * i / 288.0));
                double burst = random.nextDouble() < 0.001 ? 8 : 1;
                values[s][i] = Math.max(0, Math.round(mean * burst + Math.sqrt(mean) * random.nextGaussian()));
            }
        }
        SeriesState[] states = new SeriesState[seriesCount];
        long step = Duration.ofMinutes(5).toMillis();
        long[] clock = new long[seriesCount];
        double[] rates = new double[rounds];
        double sink = 0;
        for (int r = -warmup; r < rounds; r++) {
            if (r == -warmup) {
                for (int s = 0; s < seriesCount; s++) {
                    states[s] = detector.newState();
                    clock[s] = 1_420_070_400_000L;
                }
            }
            long start = System.nanoTime();
            for (int i = 0; i < pointsPerSeries; i++) {
                for (int s = 0; s < seriesCount; s++) {
                    clock[s] += step;
                    Observation obs = detector.observe(states[s], clock[s], values[s][i]);
                    sink += obs.onsetScore();
                }
            }
            long elapsed = System.nanoTime() - start;
            if (r >= 0) {
                rates[r] = (double) seriesCount * pointsPerSeries / (elapsed / 1e9);
            }
        }
        Arrays.sort(rates);
        // The same, with the state read from and written back to bytes at every point, as a state store does.
        byte[][] stored = new byte[seriesCount][];
        for (int s = 0; s < seriesCount; s++) {
            stored[s] = states[s].toBytes();
        }
        double[] storeRates = new double[rounds];
        for (int r = -warmup; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < pointsPerSeries; i++) {
                for (int s = 0; s < seriesCount; s++) {
                    clock[s] += step;
                    SeriesState state = SeriesState.fromBytes(stored[s]);
                    sink += detector.observe(state, clock[s], values[s][i]).onsetScore();
                    stored[s] = state.toBytes();
                }
            }
            long elapsed = System.nanoTime() - start;
            if (r >= 0) {
                storeRates[r] = (double) seriesCount * pointsPerSeries / (elapsed / 1e9);
            }
        }
        Arrays.sort(storeRates);
        o.printf("machine: %d cores visible to the JVM%n", Runtime.getRuntime().availableProcessors());
        o.printf("volume detector: %d series x %d points x %d timed rounds (%d warm-up rounds excluded), one thread%n",
                seriesCount, pointsPerSeries, rounds, warmup);
        o.printf("  points/s: median %,.0f, best %,.0f, worst %,.0f%n", rates[rates.length / 2], rates[rates.length - 1],
                rates[0]);
        o.printf("  points/s with the state decoded from and encoded to bytes at every point: median %,.0f, best %,.0f%n",
                storeRates[storeRates.length / 2], storeRates[storeRates.length - 1]);
        o.printf("  state per series: %d bytes serialised (SeriesState.toBytes, five-minute steps)%n",
                states[0].toBytes().length);
        SeriesDetector perMinute = new SeriesDetector(SeriesParams.forKind(SignalKind.VOLUME, Duration.ofMinutes(1)));
        SeriesState minuteState = perMinute.newState();
        for (int i = 0; i < 2 * 24 * 60; i++) {
            perMinute.observe(minuteState, 1_420_070_400_000L + i * 60_000L, values[0][i % pointsPerSeries]);
        }
        o.printf("  state per series with one-minute steps (as the streams topology uses): %d bytes%n",
                minuteState.toBytes().length);
        o.printf("  item virality state: %d bytes per source, %d bytes per item (JSON, VigieJson)%n",
                json(new EngagementGrowthDetector.SourceGrowth()), json(new EngagementGrowthDetector.ItemGrowth()));
        CopySpreadDetector spread = new CopySpreadDetector(CopySpreadDetector.Params.defaults());
        CopySpreadDetector.ClusterSpread cluster = new CopySpreadDetector.ClusterSpread();
        for (int i = 0; i < 10_000; i++) {
            spread.observe(cluster, "c", "host" + i + ".example", java.time.Instant.ofEpochSecond(1_420_070_400L + i));
        }
        o.printf("  copy-spread state per cluster after 10,000 copies on 10,000 hosts: %d bytes (JSON), %.0f hosts"
                + " estimated%n", json(cluster), CopySpreadDetector.distinctHosts(cluster));
        o.printf("  load average (1, 5, 15 min): %s%n", loadAverage());
        o.printf("  (checksum %.3f)%n", sink);
        o.flush();
        return 0;
    }

    private static int json(Object state) {
        try {
            return io.vigie.model.VigieJson.newMapper().writeValueAsBytes(state).length;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (Exception e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }
}
