package io.vigie.analyze.sentiment.cli;

import io.vigie.analyze.sentiment.evaluation.ConfusionMatrix;
import io.vigie.analyze.sentiment.evaluation.LabelledTexts;
import io.vigie.analyze.sentiment.linear.LinearModelTrainer;
import io.vigie.analyze.sentiment.linear.LinearSentimentModel;
import io.vigie.analyze.sentiment.linear.LinearSentimentScorer;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigie train sentiment --lang fr|en}: rebuilds a shipped linear sentiment model from the training split. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Train the live sentiment model of one language on the training split only "
                + "(C and character n-grams chosen by 5-fold cross-validation), and write it where the build ships it.")
public final class TrainSentimentCommand implements Callable<Integer> {
    @Option(names = "--lang", required = true, description = "en or fr")
    String language;

    @Option(names = "--data", description = "folder of the shared layout with train_* or umsab_train_* files "
            + "(default: ../shared/data/sentiment/tweeteval-en or deft2017-fr)")
    Path data;

    @Option(names = "--extra-train", split = ",", paramLabel = "DIR",
            description = "more folders whose train_* split is added to the training data, or 'none' (default: for "
                    + "fr without --data, ../shared/data/sentiment/deft2017-task1-fr; otherwise none)")
    List<String> extraTrain;

    @Option(names = "--out", description = "model file to write (default: analyze/src/main/resources/"
            + "io/vigie/analyze/sentiment/linear/sentiment-<lang>.tsv in the repository)")
    Path out;

    @Override
    public Integer call() throws Exception {
        SharedData.checkLanguage(language);
        Path dir = SharedData.dataFolder(data, language);
        int ownTexts = LabelledTexts.read(dir, LabelledTexts.trainingSplit(dir)).size();
        LabelledTexts training = SharedData.trainingData(dir, SharedData.extraTraining(extraTrain, data, language));
        Path target = out != null ? out : SharedData.repositoryRoot().resolve("analyze/src/main/resources"
                + LinearSentimentScorer.RESOURCE_DIR + "sentiment-" + language + ".tsv");
        System.out.println("training language=" + language + " data=" + training.name() + " texts=" + training.size());
        LinearSentimentModel model = new LinearModelTrainer(language, System.out::println).train(training, ownTexts);
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            model.write(w);
        }
        LinearSentimentModel written;
        try (var in = Files.newInputStream(target)) {
            written = LinearSentimentModel.read(in, target.toString());
        }
        System.out.printf(Locale.ROOT, "wrote %s features=%d bytes=%d version=%s%n", target,
                written.weights().size(), Files.size(target), written.version());
        // Report (never tune on) the validation split when the folder has one.
        if (Files.isRegularFile(dir.resolve("val_labels.txt"))) {
            LabelledTexts val = LabelledTexts.read(dir, "val");
            LinearSentimentScorer scorer = LinearSentimentScorer.of(written);
            int[] predicted = new int[val.size()];
            List<String> texts = val.texts();
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = scorer.score(texts.get(i)).label().ordinal();
            }
            ConfusionMatrix m = ConfusionMatrix.of(val.labels(), predicted);
            System.out.printf(Locale.ROOT, "validation %s: accuracy=%.4f macro_recall=%.4f macro_f1=%.4f%n",
                    val.name(), m.accuracy(), m.macroRecall(), m.macroF1());
        }
        return 0;
    }
}
