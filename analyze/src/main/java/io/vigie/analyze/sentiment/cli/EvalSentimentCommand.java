package io.vigie.analyze.sentiment.cli;

import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.analyze.sentiment.SentimentModels;
import io.vigie.analyze.sentiment.TextSentimentScorer;
import io.vigie.analyze.sentiment.corenlp.CoreNlpSentimentScorer;
import io.vigie.analyze.sentiment.evaluation.BrandSentences;
import io.vigie.analyze.sentiment.evaluation.ConfusionMatrix;
import io.vigie.analyze.sentiment.evaluation.LabelledTexts;
import io.vigie.analyze.sentiment.evaluation.ScorerRun;
import io.vigie.analyze.sentiment.lexicon.LexiconScorer;
import io.vigie.analyze.sentiment.linear.LinearModelTrainer;
import io.vigie.analyze.sentiment.linear.LinearSentimentScorer;
import io.vigie.model.Sentiment;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigie eval sentiment}: every scorer side by side on one split of a folder of the shared layout, with the
 * live scorer's predictions optionally written one label per line (TweetEval's submission format).
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Accuracy, macro recall, macro F1, confusion matrix and mentions/s of the live scorer, the "
                + "lexicon-only baseline and (English) CoreNLP, on DIR/<split>_text.txt and <split>_labels.txt.")
public final class EvalSentimentCommand implements Callable<Integer> {
    @Option(names = "--lang", required = true, description = "en or fr")
    String language;

    @Option(names = "--data", description = "folder of the shared layout (default: ../shared/data/sentiment/"
            + "tweeteval-en or deft2017-fr)")
    Path data;

    @Option(names = "--split", description = "split to read (default: val, else test, else the only one)")
    String split;

    @Option(names = "--predictions", description = "write the live scorer's label (0/1/2) per input line here")
    Path predictions;

    @Option(names = "--corenlp-limit", defaultValue = "-1",
            description = "score only the first N texts with CoreNLP (a few per CPU second); -1 for all, 0 to skip")
    int coreNlpLimit;

    @Option(names = "--brand-set", paramLabel = "FILE", description = "brand-targeted sentences to score (default: "
            + "testdata/sentiment-brand/brand-sentences.tsv in the repository when present); 'none' to skip")
    String brandSet;

    @Option(names = "--learning-curve", description = "also retrain the linear model (the shipped model's C and "
            + "character n-gram setting) on 1/16, 1/8, 1/4, 1/2 and all of the training data and validate each")
    boolean learningCurve;

    @Option(names = "--extra-train", split = ",", paramLabel = "DIR", description = "for --learning-curve: as in "
            + "vigie train sentiment (default: for fr without --data, ../shared/data/sentiment/deft2017-task1-fr)")
    List<String> extraTrain;

    @Override
    public Integer call() throws Exception {
        SharedData.checkLanguage(language);
        Path dir = SharedData.dataFolder(data, language);
        String splitName = split != null ? split : LabelledTexts.defaultSplit(dir);
        LabelledTexts full = LabelledTexts.read(dir, splitName);
        System.out.printf(Locale.ROOT, "data=%s texts=%d labels=%s language=%s load=%s%n", full.name(), full.size(),
                full.hasLabels() ? "yes" : "no", language, BenchSentimentCommand.load());
        MentionSentimentScorer live = SentimentModels.liveScorer();
        LinearSentimentScorer linear = LinearSentimentScorer.shipped(language);
        LexiconScorer lexicon = LexiconScorer.forLanguage(language);

        // Texts the shipped model was trained on say nothing about it: judge every scorer on the rest only.
        LabelledTexts judged = full;
        String trainingSplit = LabelledTexts.trainingSplitOrNull(dir);
        if (trainingSplit != null && !trainingSplit.equals(splitName)) {
            List<Integer> heldOut = full.positionsNotIn(LabelledTexts.read(dir, trainingSplit));
            if (heldOut.size() < full.size()) {
                System.out.printf(Locale.ROOT, "warning: %d of the %d texts of %s also appear in %s_text.txt, which "
                        + "the shipped models are trained on; the tables judge the %d held-out texts only%n",
                        full.size() - heldOut.size(), full.size(), splitName, trainingSplit, heldOut.size());
                judged = full.select("-heldout", heldOut);
            }
        }
        List<String> texts = judged.texts();
        List<ScorerRun> runs = new ArrayList<>();
        int warmUp = 3000;
        runs.add(ScorerRun.measure("vigie live (lang-id + " + linear.name() + " " + linear.version() + ")", texts,
                warmUp, t -> new double[3], (t, p) -> live.score(t, language, Map.of()).whole().label().ordinal()));
        ScorerRun linearRun = ScorerRun.measure(linear.name() + " alone", texts, warmUp, linear::probabilities,
                (t, p) -> label(linear, p));
        runs.add(linearRun);
        runs.add(ScorerRun.measure(lexicon.name() + " (lexicon-only baseline)", texts, warmUp, lexicon::probabilities,
                (t, p) -> lexicon.score(t).label().ordinal()));

        List<ScorerRun> subsetRuns = new ArrayList<>();
        int coreNlpTexts = coreNlpLimit < 0 ? texts.size() : Math.min(coreNlpLimit, texts.size());
        if ("en".equals(language) && coreNlpTexts > 0) {
            System.out.printf(Locale.ROOT, "loading CoreNLP sentiment and scoring %d texts (a few per CPU second)...%n",
                    coreNlpTexts);
            CoreNlpSentimentScorer coreNlp = new CoreNlpSentimentScorer();
            List<String> subset = texts.subList(0, coreNlpTexts);
            ScorerRun coreNlpRun = ScorerRun.measure(coreNlp.name() + " " + coreNlp.version(), subset, 10,
                    coreNlp::probabilities, (t, p) -> label(coreNlp, p));
            ScorerRun linearSubset = linearRun.first(coreNlpTexts);
            subsetRuns.add(coreNlpRun);
            subsetRuns.add(ScorerRun.average(linear.name() + " + corenlp (mean probabilities)", linearSubset,
                    coreNlpRun));
            if (coreNlpTexts < texts.size()) {
                subsetRuns.add(0, linearSubset);
            } else {
                runs.addAll(subsetRuns);
                subsetRuns.clear();
            }
        }

        printTable(judged, runs, texts.size());
        if (!subsetRuns.isEmpty()) {
            System.out.printf(Locale.ROOT, "%non the first %d texts only (--corenlp-limit):%n", coreNlpTexts);
            printTable(judged, subsetRuns, coreNlpTexts);
        }
        int[] fullLabels = judged == full ? runs.get(0).predicted()
                : ScorerRun.measure("vigie live on every text", full.texts(), 0, t -> new double[3],
                        (t, p) -> live.score(t, language, Map.of()).whole().label().ordinal()).predicted();
        if (judged != full && full.hasLabels()) {
            ConfusionMatrix m = ConfusionMatrix.of(full.labels(), fullLabels);
            System.out.printf(Locale.ROOT, "%nfor reference only, the live scorer on all %d texts, training texts "
                    + "included (not a fair figure): accuracy=%.4f macro_recall=%.4f macro_f1=%.4f%n",
                    full.size(), m.accuracy(), m.macroRecall(), m.macroF1());
        }
        if (predictions != null) {
            try (BufferedWriter w = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
                for (int label : fullLabels) {
                    w.write(Integer.toString(label));
                    w.newLine();
                }
            }
            System.out.printf(Locale.ROOT, "wrote %d live predictions to %s%n", fullLabels.length, predictions);
        }
        printBrandSentences(live);
        if (learningCurve) {
            printLearningCurve(dir, judged, linear);
        }
        System.out.printf(Locale.ROOT, "load=%s (mentions/s is wall clock on one thread; mentions/cpu_s per second of "
                + "that thread's CPU time)%n", BenchSentimentCommand.load());
        return 0;
    }

    private void printBrandSentences(MentionSentimentScorer live) {
        if ("none".equals(brandSet)) {
            return;
        }
        Path file = brandSet != null ? Path.of(brandSet)
                : SharedData.repositoryRoot().resolve("testdata/sentiment-brand/brand-sentences.tsv");
        if (brandSet == null && !Files.isRegularFile(file)) {
            return;
        }
        BrandSentences.Accuracy a = BrandSentences.read(file).inLanguage(language).accuracy(live);
        System.out.printf(Locale.ROOT, "%nbrand-targeted sentences (%s, %s): accuracy=%.4f (%d of %d)%n", file,
                language, a.value(), a.correct(), a.total());
        a.byKind().forEach((kind, c) -> System.out.printf(Locale.ROOT, "  %-14s %d of %d%n", kind, c[0], c[1]));
        a.misses().forEach(m -> System.out.println("  miss: " + m));
    }

    /** The validation figure of the linear model against the number of training texts it learnt from. */
    private void printLearningCurve(Path dir, LabelledTexts validation, LinearSentimentScorer shipped) {
        LabelledTexts training = SharedData.trainingData(dir, SharedData.extraTraining(extraTrain, data, language));
        double c = Double.parseDouble(shipped.model().header().getOrDefault("C", "0.1"));
        boolean grams = shipped.model().charGrams();
        System.out.printf(Locale.ROOT, "%nlearning curve on %s (C=%s charGrams=%s, seeded samples of %s):%n",
                validation.name(), c, grams, training.name());
        System.out.printf(Locale.ROOT, "%8s %9s %12s %9s%n", "texts", "accuracy", "macro_recall", "macro_f1");
        LinearModelTrainer trainer = new LinearModelTrainer(language, line -> { });
        for (int parts : new int[] {16, 8, 4, 2, 1}) {
            LabelledTexts sample = training.sample(training.size() / parts, 42);
            LinearSentimentScorer scorer = LinearSentimentScorer.of(trainer.fitOnly(sample, c, grams));
            int[] predicted = new int[validation.size()];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = label(scorer, scorer.probabilities(validation.texts().get(i)));
            }
            ConfusionMatrix m = ConfusionMatrix.of(validation.labels(), predicted);
            System.out.printf(Locale.ROOT, "%8d %9.4f %12.4f %9.4f%n", sample.size(), m.accuracy(), m.macroRecall(),
                    m.macroF1());
        }
    }

    private static int label(TextSentimentScorer scorer, double[] p) {
        Sentiment s = LinearSentimentScorer.fromProbabilities(p, scorer.name(), scorer.version());
        return s.label().ordinal();
    }

    private static void printTable(LabelledTexts set, List<ScorerRun> runs, int n) {
        System.out.printf(Locale.ROOT, "%n%-62s %6s %9s %12s %9s %12s %14s%n", "scorer", "texts", "accuracy",
                "macro_recall", "macro_f1", "mentions/s", "mentions/cpu_s");
        for (ScorerRun run : runs) {
            if (set.hasLabels()) {
                ConfusionMatrix m = ConfusionMatrix.of(set.labels().subList(0, n), run.predicted());
                System.out.printf(Locale.ROOT, "%-62s %6d %9.4f %12.4f %9.4f %12.1f %14.1f%n", run.scorer(), n,
                        m.accuracy(), m.macroRecall(), m.macroF1(), run.mentionsPerSecond(),
                        run.mentionsPerCpuSecond());
            } else {
                System.out.printf(Locale.ROOT, "%-62s %6d %9s %12s %9s %12.1f %14.1f%n", run.scorer(), n, "-", "-",
                        "-", run.mentionsPerSecond(), run.mentionsPerCpuSecond());
            }
        }
        if (!set.hasLabels()) {
            return;
        }
        for (ScorerRun run : runs) {
            ConfusionMatrix m = ConfusionMatrix.of(set.labels().subList(0, n), run.predicted());
            System.out.printf(Locale.ROOT, "%nconfusion %s (rows gold, columns predicted: neg neu pos)%n",
                    run.scorer());
            for (int g = 0; g < 3; g++) {
                System.out.printf(Locale.ROOT, "  %-8s %6d %6d %6d   recall=%.4f f1=%.4f%n",
                        ConfusionMatrix.LABELS.get(g), m.counts()[g][0], m.counts()[g][1], m.counts()[g][2],
                        m.recall(g), m.f1(g));
            }
        }
    }
}
