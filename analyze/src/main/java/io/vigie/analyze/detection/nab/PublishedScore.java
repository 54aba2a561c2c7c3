package io.vigie.analyze.detection.nab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One row of a published NAB results file ({@code results/<detector>_<profile>.csv}): a detector's raw score on
 * one series at the threshold NAB optimised for it over the whole benchmark.
 *
 * @param file the series' file name without NAB's category folder
 */
public record PublishedScore(String detector, String profile, String file, double threshold, double score) {

    /** Every row of every {@code *.csv} in a results folder; a malformed row is an error naming it. */
    public static List<PublishedScore> load(Path resultsDir) {
        if (!Files.isDirectory(resultsDir)) {
            throw new IllegalArgumentException(resultsDir + ": no published results folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(resultsDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot list " + resultsDir + ": " + e.getMessage(), e);
        }
        List<PublishedScore> out = new ArrayList<>();
        for (Path file : files) {
            List<Map<String, String>> rows = NabFiles.readCsv(file);
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> row = rows.get(i);
                String path = row.get("File");
                if (path == null || row.get("Detector") == null || row.get("Profile") == null) {
                    throw new IllegalArgumentException(file + " row " + (i + 2) + ": needs Detector, Profile and File");
                }
                if (path.isBlank() || "Totals".equals(row.get("Detector"))) {
                    continue;
                }
                String name = path.substring(path.lastIndexOf('/') + 1);
                out.add(new PublishedScore(row.get("Detector"), row.get("Profile"), name,
                        NabFiles.number(row, "Threshold", file, i + 2), NabFiles.number(row, "Score", file, i + 2)));
            }
        }
        return out;
    }
}
