package io.vigie.analyze.sentiment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.analyze.sentiment.linear.LinearSentimentModel;
import io.vigie.analyze.sentiment.linear.LinearSentimentScorer;
import io.vigie.model.SentimentLabel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The train and eval commands run in-process on small folders of the shared layout. */
class SentimentCommandsTest {
    @TempDir
    Path dir;

    private static String run(Object command, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(command).execute(args);
            assertEquals(0, code, "exit code of " + String.join(" ", args) + "\n" + captured);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void evalWritesOneLivePredictionPerLineForAFolderWithoutLabels() throws Exception {
        Files.writeString(dir.resolve("test_text.txt"),
                "J'adore ce produit, il est génial !\nLe train arrive à 18h en gare de Lyon\n"
                        + "Je ne suis pas satisfait du tout, c'est une honte\n");
        Path predictions = dir.resolve("predictions.txt");
        String out = run(new EvalSentimentCommand(), "--lang", "fr", "--data", dir.toString(),
                "--predictions", predictions.toString());
        List<String> lines = Files.readAllLines(predictions);
        assertEquals(3, lines.size());
        assertEquals("2", lines.get(0));
        assertEquals("0", lines.get(2));
        assertTrue(out.contains("labels=no"), out);
    }

    @Test
    void evalJudgesOnlyTheTextsThatAreNotInTheTrainingSplit() throws Exception {
        Files.writeString(dir.resolve("val_text.txt"), "J'adore ce produit\nC'est nul et décevant\nIl pleut\n");
        Files.writeString(dir.resolve("val_labels.txt"), "2\n0\n1\n");
        Files.writeString(dir.resolve("train_text.txt"), "Il pleut\n");
        Files.writeString(dir.resolve("train_labels.txt"), "1\n");
        Path predictions = dir.resolve("p.txt");
        String out = run(new EvalSentimentCommand(), "--lang", "fr", "--data", dir.toString(), "--predictions",
                predictions.toString());
        assertTrue(out.contains("1 of the 3 texts of val also appear in train_text.txt"), out);
        assertTrue(out.contains("macro_recall"), out);
        assertEquals(3, Files.readAllLines(predictions).size(), "predictions still cover every input line");
    }

    @Test
    void trainBuildsALoadableModelFromTheTrainingSplitOnly() throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        String[][] examples = {
            {"0", "c'est nul, horrible et décevant"}, {"0", "je déteste ce service, une honte"},
            {"0", "quelle arnaque, vraiment mauvais"}, {"1", "le train part à 18h"},
            {"1", "réunion mardi à la mairie"}, {"1", "le rapport sort demain"},
            {"2", "j'adore, c'est génial"}, {"2", "super produit, excellent"}, {"2", "magnifique, bravo à tous"}};
        for (int round = 0; round < 10; round++) {
            for (String[] e : examples) {
                labels.add(e[0]);
                texts.add(round % 2 == 0 ? e[1] : e[1] + " !");
            }
        }
        Files.write(dir.resolve("train_text.txt"), texts);
        Files.write(dir.resolve("train_labels.txt"), labels);
        Path model = dir.resolve("model.tsv");
        String out = run(new TrainSentimentCommand(), "--lang", "fr", "--data", dir.toString(), "--out",
                model.toString());
        assertTrue(out.contains("chosen language=fr"), out);
        LinearSentimentModel read;
        try (InputStream in = Files.newInputStream(model)) {
            read = LinearSentimentModel.read(in, model.toString());
        }
        assertEquals("fr", read.language());
        assertTrue(read.header().get("trainedOn").startsWith(dir.getFileName() + "/train (90 texts"));
        LinearSentimentScorer scorer = LinearSentimentScorer.of(read);
        assertEquals(SentimentLabel.POSITIVE, scorer.score("j'adore, c'est génial").label(), out);
        assertEquals(SentimentLabel.NEGATIVE, scorer.score("je déteste ce service, une honte").label(), out);
        assertEquals(SentimentLabel.NEUTRAL, scorer.score("réunion mardi à la mairie").label(), out);
    }
}
