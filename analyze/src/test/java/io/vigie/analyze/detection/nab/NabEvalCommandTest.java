package io.vigie.analyze.detection.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NabEvalCommandTest {

    /** A small NAB folder: one series of 1,500 five-minute counts with one burst inside one labelled window. */
    private static Path smallCorpus(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        LocalDateTime t0 = LocalDateTime.of(2015, 3, 1, 0, 0);
        for (int i = 0; i < 1500; i++) {
            long v = 20 + random.nextInt(10) + (i >= 1200 && i < 1206 ? 300 : 0);
            csv.append(NabFiles.format(t0.plusMinutes(5L * i))).append(',').append(v).append('\n');
        }
        Files.writeString(dir.resolve("data/small.csv"), csv);
        Files.writeString(dir.resolve("windows.json"), "{\"small.csv\": [[\"" + NabFiles.format(t0.plusMinutes(5L * 1150))
                + ".000000\", \"" + NabFiles.format(t0.plusMinutes(5L * 1250)) + ".000000\"]]}");
        return dir;
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new NabEvalCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    @Test
    void evalNabRunsOverASmallFolderAndFindsTheBurst(@TempDir Path tmp) throws Exception {
        Path corpus = smallCorpus(tmp.resolve("nab"));
        String out = run("--data", corpus.toString());
        assertTrue(out.contains("Profile standard"), out);
        assertTrue(out.contains("Vigie (threshold optimised here)"), out);
        assertTrue(out.contains("100.0") || out.contains(" 9"), "the burst is found early: " + out);
    }

    @Test
    void fixedThresholdScoresWithTheSavedThresholdAndWritesNabResultFiles(@TempDir Path tmp) throws Exception {
        Path corpus = smallCorpus(tmp.resolve("nab"));
        Path results = tmp.resolve("out");
        String out = run("--data", corpus.toString(), "--fixed-threshold", "--out", results.toString());
        assertTrue(out.contains("Vigie (saved threshold)"), out);
        List<String> lines = Files.readAllLines(results.resolve("vigie_small.csv"));
        assertEquals("timestamp,value,anomaly_score,label", lines.get(0));
        assertEquals(1501, lines.size());
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.endsWith(",1")), "window rows are labelled 1");
        double saved = SavedNabThresholds.load().get("standard");
        assertTrue(lines.stream().skip(1 + 1200).limit(6)
                .anyMatch(l -> Double.parseDouble(l.split(",")[2]) >= saved), "the burst crosses the saved threshold");
    }

    @Test
    void theTweetSeriesFolderIsScoredBesideThePublishedDetectors() {
        String out = run("--data", NabTestData.nab().toString());
        assertTrue(out.contains("ARTime (published)"), out);
        assertTrue(out.contains("contextOSE (published)"), out);
        assertTrue(out.contains("largest difference from the published Score"), out);
    }
}
