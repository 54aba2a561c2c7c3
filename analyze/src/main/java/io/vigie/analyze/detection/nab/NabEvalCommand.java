package io.vigie.analyze.detection.nab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.analyze.detection.series.SeriesParams;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie eval nab}: Vigie's volume detector scored by NAB's rules, beside every published detector.
 */
@Command(name = "nab", mixinStandardHelpOptions = true,
        description = {"Run Vigie's volume detector over a NAB folder as a stream (each point once, in order) and"
                + " score it by NAB's rules, beside every published detector's score over the same series.",
            "Default: NAB's threshold optimisation on these series. --fixed-threshold: the committed thresholds,"
                + " no optimisation, and NAB-format result files in --out."})
public final class NabEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "A folder in NAB's layout: data/*.csv, windows.json, optional labels.json, profiles.json,"
                    + " results/ and detector-output/.")
    Path data;

    @Option(names = "--fixed-threshold",
            description = "Score with the thresholds saved with the detector's parameters; no re-optimisation.")
    boolean fixedThreshold;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".vigie/nab-results",
            description = "Where --fixed-threshold writes result files (timestamp,value,anomaly_score,label)."
                    + " Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--write-params", paramLabel = "FILE",
            description = "Write the detector's parameters with the thresholds optimised here (the committed"
                    + " resource is analyze/src/main/resources" + SeriesParams.VOLUME_RESOURCE + ").")
    Path writeParams;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        NabCorpus corpus = NabCorpus.load(data);
        SeriesParams params = SeriesParams.volume();
        long started = System.nanoTime();
        NabRun run = NabRun.detect(corpus, params);
        long points = corpus.series().stream().mapToLong(NabSeries::size).sum();
        o.printf("Vigie volume detector over %d series, %d points, streamed in %.0f ms (%s).%n",
                corpus.series().size(), points, (System.nanoTime() - started) / 1e6, data);
        o.printf("%d labelled windows (%d labels; labels in one window are one window, as NAB merges them).%n",
                corpus.windowCount(), corpus.labelCount());
        printInputs(run, o);
        Map<String, Double> saved = fixedThreshold ? SavedNabThresholds.load() : Map.of();
        Map<String, Double> chosen = new LinkedHashMap<>();
        Map<String, Double> normalised = new LinkedHashMap<>();
        List<PublishedScore> published = Files.isDirectory(data.resolve("results"))
                ? PublishedScore.load(data.resolve("results")) : List.of();
        for (NabProfile profile : corpus.profiles().values()) {
            double nullRaw = run.nullScore(profile).score();
            double perfect = corpus.perfectScore(profile);
            ThresholdScore ours;
            String how;
            if (fixedThreshold) {
                Double t = saved.get(profile.name());
                if (t == null) {
                    throw new IllegalStateException("no saved threshold for profile " + profile.name());
                }
                ours = run.scoreAt(profile, t);
                how = "saved threshold";
            } else {
                ours = run.optimise(profile);
                how = "threshold optimised here";
            }
            chosen.put(profile.name(), ours.threshold());
            double score = NabRun.normalise(ours.score(), nullRaw, perfect);
            normalised.put(profile.name(), score);
            o.printf("%nProfile %s (normalised: 100 (raw - null) / (perfect - null), perfect %.1f, null %.1f)%n",
                    profile.name(), perfect, nullRaw);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Vigie (" + how + ")", fmt(score), fmt(ours.score()),
                String.format("%.4f", ours.threshold()), ours.tp() + "/" + ours.fp()});
            if (!fixedThreshold && corpus.series().size() > 1) {
                double loo = NabRun.normalise(run.leaveOneOutScore(profile), nullRaw, perfect);
                rows.add(new String[] {"Vigie (leave-one-series-out threshold)", fmt(loo), "", "", ""});
            }
            rows.addAll(publishedRows(published, profile, corpus, perfect));
            rows.sort(Comparator.comparingDouble((String[] r) -> -Double.parseDouble(r[1])));
            o.printf("  %-40s %10s %9s %10s %9s%n", "detector", "normalised", "raw", "threshold", "TP/FP pts");
            for (String[] r : rows) {
                o.printf("  %-40s %10s %9s %10s %9s%n", (Object[]) r);
            }
        }
        if (!fixedThreshold) {
            o.println();
            o.println("Published detectors' thresholds were optimised by NAB over all 58 series; Vigie's above over"
                    + " these series only. The leave-one-series-out row scores each series at the threshold optimised"
                    + " on the others.");
        }
        reproductionCheck(corpus, published, o);
        if (fixedThreshold) {
            for (NabSeries s : corpus.series()) {
                NabFiles.writeResults(out.resolve("vigie_" + s.file()), s, run.anomalyScores(s.file()));
            }
            o.printf("%nWrote %d NAB result files to %s%n", corpus.series().size(), out.toAbsolutePath().normalize());
        }
        if (writeParams != null) {
            writeParams(params, chosen, normalised, corpus);
            o.printf("Wrote parameters and thresholds to %s%n", writeParams);
        }
        o.flush();
        return 0;
    }

    /** How the series were fed to the count detector (see {@link NabInput}): steps, counts or scaled, rows skipped. */
    private static void printInputs(NabRun run, PrintWriter o) {
        Map<String, Long> steps = run.inputs().values().stream().collect(Collectors.groupingBy(
                i -> i.step().toString().substring(2).toLowerCase(), TreeMap::new, Collectors.counting()));
        long counts = run.inputs().values().stream().filter(NabInput::counts).count();
        o.printf("Steps (median time difference, the detector's interval): %s. Fed as counts: %d series;"
                + " mapped onto [0, %.0f] from their min and max (not non-negative integers): %d.%n",
                steps.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")),
                counts, NabInput.FLOAT_RANGE, run.inputs().size() - counts);
        String skipped = run.skippedRows().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        if (!skipped.isEmpty()) {
            o.printf("Rows not after the previous row's time, not fed (anomaly score 0): %s.%n", skipped);
        }
    }

    private static String fmt(double v) {
        return String.format("%.1f", v);
    }

    /** Published detectors over the same series, normalised the way NAB does, against the published null. */
    private static List<String[]> publishedRows(List<PublishedScore> published, NabProfile profile, NabCorpus corpus,
            double perfect) {
        Set<String> files = corpus.series().stream().map(NabSeries::file).collect(Collectors.toSet());
        Map<String, List<PublishedScore>> byDetector = new TreeMap<>();
        for (PublishedScore p : published) {
            if (p.profile().equals(profile.name()) && files.contains(p.file())) {
                byDetector.computeIfAbsent(p.detector(), k -> new ArrayList<>()).add(p);
            }
        }
        List<PublishedScore> nulls = byDetector.get("null");
        if (nulls == null || nulls.size() != files.size()) {
            return List.of();
        }
        double nullRaw = nulls.stream().mapToDouble(PublishedScore::score).sum();
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, List<PublishedScore>> e : byDetector.entrySet()) {
            if (e.getValue().size() != files.size()) {
                continue; // a detector missing a series cannot be compared over the same series
            }
            double raw = e.getValue().stream().mapToDouble(PublishedScore::score).sum();
            rows.add(new String[] {e.getKey() + " (published)", fmt(NabRun.normalise(raw, nullRaw, perfect)),
                fmt(raw), String.format("%.4f", e.getValue().get(0).threshold()), ""});
        }
        return rows;
    }

    /** When the folder has NAB's raw outputs, re-score them and say how far from the published scores we land. */
    private static void reproductionCheck(NabCorpus corpus, List<PublishedScore> published, PrintWriter o) {
        Path outputs = corpus.dir().resolve("detector-output");
        if (!Files.isDirectory(outputs) || published.isEmpty()) {
            return;
        }
        double worst = 0;
        int compared = 0;
        for (String detector : List.of("numenta", "null")) {
            for (NabSeries s : corpus.series()) {
                Path file = outputs.resolve(detector + "_" + s.file());
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                List<Map<String, String>> rows = NabFiles.readCsv(file);
                List<LocalDateTime> ts = new ArrayList<>();
                double[] scores = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    ts.add(NabFiles.timestamp(rows.get(i).get("timestamp"), file, i + 2));
                    scores[i] = NabFiles.number(rows.get(i), "anomaly_score", file, i + 2);
                }
                for (NabProfile profile : corpus.profiles().values()) {
                    for (PublishedScore p : published) {
                        if (p.detector().equals(detector) && p.file().equals(s.file())
                                && p.profile().equals(profile.name())) {
                            NabSweeper sweeper = new NabSweeper(profile.costs());
                            double mine = sweeper.scoreAt(sweeper.sweep(s.file(), ts, scores, s.windows()),
                                    p.threshold()).score();
                            worst = Math.max(worst, Math.abs(mine - p.score()));
                            compared++;
                        }
                    }
                }
            }
        }
        if (compared > 0) {
            o.printf("%nScorer check: re-scored the published raw outputs of numenta and null, %d series x profile"
                    + " scores, largest difference from the published Score %.2e.%n", compared, worst);
        }
    }

    private void writeParams(SeriesParams params, Map<String, Double> thresholds, Map<String, Double> normalised,
            NabCorpus corpus) {
        ObjectMapper json = VigieJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        ObjectNode root = json.createObjectNode();
        Double standard = thresholds.get("standard");
        root.set("params", json.valueToTree(standard == null ? params : params.withAlertThreshold(standard)));
        ObjectNode nab = root.putObject("nab");
        nab.put("note", "Thresholds chosen by NAB's optimisation over the series below with these parameters;"
                + " params.alertThreshold is the standard profile's.");
        nab.set("series", json.valueToTree(corpus.series().stream().map(NabSeries::file).toList()));
        nab.set("thresholds", json.valueToTree(thresholds));
        nab.set("normalisedScores", json.valueToTree(normalised));
        try {
            Files.writeString(writeParams, json.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + writeParams, e);
        }
    }
}
