package io.vigie.analyze.sentiment.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearSentimentModelTest {
    @Test
    void aFittedModelLearnsSeparableWordsAndSurvivesAWriteReadRoundTrip() throws Exception {
        List<Map<String, Double>> rows = List.of(
                Map.of("w:awful", 1.0), Map.of("w:awful", 1.0, "w:day", 1.0),
                Map.of("w:table", 1.0), Map.of("w:table", 1.0, "w:day", 1.0),
                Map.of("w:great", 1.0), Map.of("w:great", 1.0, "w:day", 1.0));
        LinearSentimentModel model = LinearModelTrainer.fit(rows, List.of(0, 0, 1, 1, 2, 2), 10,
                Map.of("language", "en"));
        assertEquals(0, LinearModelTrainer.argmax(model.probabilities(Map.of("w:awful", 1.0))));
        assertEquals(1, LinearModelTrainer.argmax(model.probabilities(Map.of("w:table", 1.0))));
        assertEquals(2, LinearModelTrainer.argmax(model.probabilities(Map.of("w:great", 1.0))));

        StringWriter out = new StringWriter();
        model.write(out);
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        LinearSentimentModel read = LinearSentimentModel.read(new ByteArrayInputStream(bytes), "test");
        assertEquals("en", read.language());
        double[] before = model.probabilities(Map.of("w:great", 1.0));
        double[] after = read.probabilities(Map.of("w:great", 1.0));
        assertArrayEquals(before, after, 1e-3);
        double sum = after[0] + after[1] + after[2];
        assertEquals(1, sum, 1e-9);
        assertTrue(read.version().matches("[0-9a-f]{12}"));
    }

    @Test
    void aFileWithoutBiasIsNotAModel() {
        assertThrows(IllegalArgumentException.class, () -> LinearSentimentModel.read(
                new ByteArrayInputStream("w:x\t1\t2\t3\n".getBytes(StandardCharsets.UTF_8)), "junk.tsv"));
    }
}
