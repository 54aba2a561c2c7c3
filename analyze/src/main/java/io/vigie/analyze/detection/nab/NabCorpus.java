package io.vigie.analyze.detection.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder in NAB's layout: {@code data/*.csv} (timestamp,value), {@code windows.json} (file name to list of
 * [start, end]), optionally {@code labels.json} (file name to anomaly timestamps; defaults to one per window) and
 * {@code profiles.json} (defaults to NAB's three profiles). Keys may be bare file names or NAB's
 * {@code realTweets/Twitter_volume_AAPL.csv}.
 */
public record NabCorpus(Path dir, List<NabSeries> series, Map<String, NabProfile> profiles) {

    /** NAB's three profiles, as in its {@code config/profiles.json}. */
    public static Map<String, NabProfile> defaultProfiles() {
        Map<String, NabProfile> p = new LinkedHashMap<>();
        p.put("standard", new NabProfile("standard", new CostMatrix(1.0, 0.11, 1.0)));
        p.put("reward_low_FP_rate", new NabProfile("reward_low_FP_rate", new CostMatrix(1.0, 0.22, 1.0)));
        p.put("reward_low_FN_rate", new NabProfile("reward_low_FN_rate", new CostMatrix(1.0, 0.11, 2.0)));
        return p;
    }

    public static NabCorpus load(Path dir) {
        if (!Files.isDirectory(dir.resolve("data"))) {
            throw new IllegalArgumentException(dir + " is not a NAB folder: it has no data/ directory");
        }
        if (!Files.isRegularFile(dir.resolve("windows.json"))) {
            throw new IllegalArgumentException(dir + " is not a NAB folder: it has no windows.json");
        }
        ObjectMapper json = VigieJson.newMapper();
        JsonNode windows = readJson(json, dir.resolve("windows.json"));
        JsonNode labels = Files.isRegularFile(dir.resolve("labels.json")) ? readJson(json, dir.resolve("labels.json")) : null;
        Map<String, NabProfile> profiles = Files.isRegularFile(dir.resolve("profiles.json"))
                ? readProfiles(readJson(json, dir.resolve("profiles.json")), dir.resolve("profiles.json"))
                : defaultProfiles();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("data"))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + dir.resolve("data") + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir.resolve("data") + " holds no .csv series");
        }
        List<NabSeries> series = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            JsonNode w = entry(windows, name);
            if (w == null) {
                throw new IllegalArgumentException(dir.resolve("windows.json") + " has no entry for " + name);
            }
            List<LabelledWindow> limits = new ArrayList<>();
            for (JsonNode pair : w) {
                if (!pair.isArray() || pair.size() != 2) {
                    throw new IllegalArgumentException(dir.resolve("windows.json") + " " + name
                            + ": each window must be [start, end], got " + pair);
                }
                limits.add(new LabelledWindow(NabFiles.timestamp(pair.get(0).asText(), dir.resolve("windows.json"), 0),
                        NabFiles.timestamp(pair.get(1).asText(), dir.resolve("windows.json"), 0)));
            }
            JsonNode l = labels == null ? null : entry(labels, name);
            int labelCount = l == null ? limits.size() : l.size();
            series.add(readSeries(file, limits, labelCount));
        }
        return new NabCorpus(dir, List.copyOf(series), profiles);
    }

    /** A data file (timestamp,value) with its windows. */
    public static NabSeries readSeries(Path file, List<LabelledWindow> windows, int labelCount) {
        List<Map<String, String>> rows = NabFiles.readCsv(file);
        List<LocalDateTime> timestamps = new ArrayList<>(rows.size());
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            timestamps.add(NabFiles.timestamp(rows.get(i).get("timestamp"), file, i + 2));
            values[i] = NabFiles.number(rows.get(i), "value", file, i + 2);
        }
        return new NabSeries(file.getFileName().toString(), timestamps, values, windows, labelCount);
    }

    /**
     * Perfect score of this corpus under a profile: one earliest detection per labelled window. NAB merges labels
     * that fall in one window (on NAB's 48 non-tweet series 85 labels make 83 windows), so the windows count, not
     * the labels.
     */
    public double perfectScore(NabProfile profile) {
        return windowCount() * profile.costs().tpWeight();
    }

    /** Labelled windows over every series: what NAB's perfect and null scores count. */
    public int windowCount() {
        return series.stream().mapToInt(s -> s.windows().size()).sum();
    }

    /** Labels over every series ({@code labels.json}); more than {@link #windowCount()} when labels share a window. */
    public int labelCount() {
        return series.stream().mapToInt(NabSeries::labelCount).sum();
    }

    private static JsonNode entry(JsonNode map, String name) {
        JsonNode direct = map.get(name);
        if (direct != null) {
            return direct;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().endsWith("/" + name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static JsonNode readJson(ObjectMapper json, Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, NabProfile> readProfiles(JsonNode root, Path file) {
        Map<String, NabProfile> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue().get("CostMatrix");
            if (m == null || !m.has("tpWeight") || !m.has("fpWeight") || !m.has("fnWeight")) {
                throw new IllegalArgumentException(file + " profile " + e.getKey()
                        + ": needs CostMatrix with tpWeight, fpWeight and fnWeight");
            }
            out.put(e.getKey(), new NabProfile(e.getKey(), new CostMatrix(m.get("tpWeight").asDouble(),
                    m.get("fpWeight").asDouble(), m.get("fnWeight").asDouble())));
        }
        return out;
    }
}
