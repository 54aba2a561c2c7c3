package io.vigie.analyze.detection.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCorpusTest {

    /**
     * One series of 100 five-minute points: labels at rows 40 and 45 share the window [30, 55], the label at row 80
     * has its own window [75, 90].
     */
    private static Path corpusWithTwoLabelsInOneWindow(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        LocalDateTime t0 = LocalDateTime.of(2015, 3, 1, 0, 0);
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 100; i++) {
            csv.append(NabFiles.format(t0.plusMinutes(5L * i))).append(",10\n");
        }
        Files.writeString(dir.resolve("data/s.csv"), csv);
        Files.writeString(dir.resolve("windows.json"), "{\"s.csv\": [[\"" + at(t0, 30) + ".000000\", \""
                + at(t0, 55) + ".000000\"], [\"" + at(t0, 75) + ".000000\", \"" + at(t0, 90) + ".000000\"]]}");
        Files.writeString(dir.resolve("labels.json"), "{\"s.csv\": [\"" + at(t0, 40) + "\", \"" + at(t0, 45)
                + "\", \"" + at(t0, 80) + "\"]}");
        return dir;
    }

    private static String at(LocalDateTime t0, int row) {
        return NabFiles.format(t0.plusMinutes(5L * row));
    }

    @Test
    void twoLabelsInOneWindowCountOnceInThePerfectScore(@TempDir Path tmp) throws Exception {
        NabCorpus corpus = NabCorpus.load(corpusWithTwoLabelsInOneWindow(tmp.resolve("nab")));
        assertEquals(3, corpus.labelCount());
        assertEquals(2, corpus.windowCount());
        assertEquals(2.0, corpus.perfectScore(corpus.profiles().get("standard")), 1e-12);
        NabProfile lowFn = corpus.profiles().get("reward_low_FN_rate");
        assertEquals(2.0 * lowFn.costs().tpWeight(), corpus.perfectScore(lowFn), 1e-12);
    }

    @Test
    void aPerfectDetectorNormalisesTo100WhenLabelsShareAWindow(@TempDir Path tmp) throws Exception {
        NabCorpus corpus = NabCorpus.load(corpusWithTwoLabelsInOneWindow(tmp.resolve("nab")));
        NabSeries s = corpus.series().get(0);
        double[] scores = new double[s.size()];
        scores[30] = 1.0; // the first row of each window: the earliest detection NAB rewards fully
        scores[75] = 1.0;
        NabProfile standard = corpus.profiles().get("standard");
        NabSweeper sweeper = new NabSweeper(standard.costs());
        NabSweeper.SweptSeries swept = sweeper.sweep(s.file(), s.timestamps(), scores, s.windows());
        double raw = sweeper.scoreAt(List.of(swept), 1.0).score();
        double nullRaw = sweeper.scoreAt(List.of(swept), Double.POSITIVE_INFINITY).score();
        assertEquals(100.0, NabRun.normalise(raw, nullRaw, corpus.perfectScore(standard)), 1e-6);
    }
}
