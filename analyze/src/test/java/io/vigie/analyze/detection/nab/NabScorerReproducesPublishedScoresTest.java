package io.vigie.analyze.detection.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NabScorerReproducesPublishedScoresTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"numenta", "null"})
    void scoresTheRawOutputOfAPublishedDetectorExactlyAsNabPublishedThem(String detector) {
        Path nab = NabTestData.nab();
        NabCorpus corpus = NabCorpus.load(nab);
        List<PublishedScore> published = PublishedScore.load(nab.resolve("results")).stream()
                .filter(p -> p.detector().equals(detector)).toList();
        assertEquals(corpus.series().size() * corpus.profiles().size(), published.size(),
                "one published score per series and profile for " + detector);
        int compared = 0;
        for (NabSeries series : corpus.series()) {
            Path output = nab.resolve("detector-output").resolve(detector + "_" + series.file());
            List<Map<String, String>> rows = NabFiles.readCsv(output);
            List<LocalDateTime> timestamps = new ArrayList<>();
            double[] scores = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                timestamps.add(NabFiles.timestamp(rows.get(i).get("timestamp"), output, i + 2));
                scores[i] = NabFiles.number(rows.get(i), "anomaly_score", output, i + 2);
            }
            for (NabProfile profile : corpus.profiles().values()) {
                PublishedScore expected = published.stream()
                        .filter(p -> p.file().equals(series.file()) && p.profile().equals(profile.name()))
                        .findFirst().orElseThrow();
                NabSweeper sweeper = new NabSweeper(profile.costs());
                ThresholdScore actual = sweeper.scoreAt(
                        sweeper.sweep(series.file(), timestamps, scores, series.windows()), expected.threshold());
                assertEquals(expected.score(), actual.score(), 1e-3,
                        detector + " " + profile.name() + " " + series.file() + " at threshold " + expected.threshold());
                compared++;
            }
        }
        assertEquals(15, compared);
        assertFalse(published.isEmpty());
    }
}
