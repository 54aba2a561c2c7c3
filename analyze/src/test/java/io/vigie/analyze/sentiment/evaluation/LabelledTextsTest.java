package io.vigie.analyze.sentiment.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTextsTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithOnlyTestTextsIsReadWithoutLabels() throws Exception {
        Files.writeString(dir.resolve("test_text.txt"), "first\nsecond \\u2019quoted\\u2019\n");
        assertEquals("test", LabelledTexts.defaultSplit(dir));
        LabelledTexts t = LabelledTexts.read(dir, "test");
        assertFalse(t.hasLabels());
        assertEquals(List.of("first", "second ’quoted’"), t.texts());
    }

    @Test
    void aBadLabelNamesFileAndLine() throws Exception {
        Files.writeString(dir.resolve("val_text.txt"), "a\nb\n");
        Files.writeString(dir.resolve("val_labels.txt"), "0\n7\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledTexts.read(dir, "val"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void textsAlsoInTheTrainingSplitAreLeftOutOfTheHeldOutPart() throws Exception {
        Files.writeString(dir.resolve("val_text.txt"), "seen\nunseen\n");
        Files.writeString(dir.resolve("val_labels.txt"), "0\n2\n");
        Files.writeString(dir.resolve("train_text.txt"), "seen\n");
        LabelledTexts val = LabelledTexts.read(dir, "val");
        LabelledTexts heldOut = val.select("-heldout", val.positionsNotIn(LabelledTexts.read(dir, "train")));
        assertEquals(List.of("unseen"), heldOut.texts());
        assertEquals(List.of(2), heldOut.labels());
    }

    @Test
    void confusionMatrixGivesTheOfficialMetrics() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of(0, 0, 1, 1, 2, 2), new int[] {0, 1, 1, 1, 2, 0});
        assertEquals(4.0 / 6, m.accuracy(), 1e-9);
        assertEquals((0.5 + 1 + 0.5) / 3, m.macroRecall(), 1e-9);
        double f1neg = 2 * 0.5 * 0.5 / 1.0;
        double f1neu = 2 * (2.0 / 3) * 1 / (2.0 / 3 + 1);
        double f1pos = 2 * 1 * 0.5 / 1.5;
        assertEquals((f1neg + f1neu + f1pos) / 3, m.macroF1(), 1e-9);
    }
}
