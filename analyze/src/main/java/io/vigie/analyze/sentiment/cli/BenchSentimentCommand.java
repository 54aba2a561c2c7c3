package io.vigie.analyze.sentiment.cli;

import io.vigie.analyze.language.LanguageIdentifier;
import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.analyze.sentiment.SentimentModels;
import io.vigie.analyze.sentiment.corenlp.CoreNlpSentimentScorer;
import io.vigie.analyze.sentiment.evaluation.LabelledTexts;
import io.vigie.analyze.sentiment.linear.LinearSentimentScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigie bench sentiment}: single-thread throughput of the live scorer on tweet-length mentions of both
 * languages (so mentions/s per core), warm-up excluded, with CoreNLP's sentiment rate beside it. Prints figures
 * and the machine's load; it asserts nothing.
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Throughput per core of the live sentiment scorer (language id + model + brand sentences) "
                + "and of CoreNLP's sentiment model, on the shared validation tweets.")
public final class BenchSentimentCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "10", description = "timed seconds per measurement (default 10)")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "warm-up seconds, not timed (default 5)")
    int warmUpSeconds;

    @Option(names = "--corenlp-texts", defaultValue = "200",
            description = "English tweets for the CoreNLP measurement; 0 to skip (default 200)")
    int coreNlpTexts;

    @Override
    public Integer call() throws Exception {
        List<String> en = LabelledTexts.read(SharedData.sentimentSet("en"), "val").texts();
        List<String> fr = LabelledTexts.read(SharedData.sentimentSet("fr"), "val").texts();
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < Math.max(en.size(), fr.size()); i++) {
            if (i < en.size()) {
                mixed.add(en.get(i));
            }
            if (i < fr.size()) {
                mixed.add(fr.get(i));
            }
        }
        double meanChars = mixed.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(Locale.ROOT, "load_before=%s cores=%d texts=%d mean_chars=%.0f threads=1%n", load(),
                Runtime.getRuntime().availableProcessors(), mixed.size(), meanChars);

        MentionSentimentScorer live = SentimentModels.liveScorer();
        Map<String, Predicate<String>> brands = Map.of(
                "apple", s -> s.toLowerCase(Locale.ROOT).contains("apple"),
                "macron", s -> s.toLowerCase(Locale.ROOT).contains("macron"));
        rate("live scorer, no hint, 2 brand matchers", mixed, t -> live.score(t, null, brands));
        rate("live scorer, language hint given", mixed, t -> live.score(t, t.length() % 2 == 0 ? "en" : "fr", Map.of()));
        LanguageIdentifier languages = LanguageIdentifier.standard();
        rate("language identification alone", mixed, t -> languages.identify(t, null));
        LinearSentimentScorer linearEn = LinearSentimentScorer.shipped("en");
        LinearSentimentScorer linearFr = LinearSentimentScorer.shipped("fr");
        rate("linear model alone (en tweets)", en, linearEn::score);
        rate("linear model alone (fr tweets)", fr, linearFr::score);
        if (coreNlpTexts > 0) {
            CoreNlpSentimentScorer coreNlp = new CoreNlpSentimentScorer();
            List<String> subset = en.subList(0, Math.min(coreNlpTexts, en.size()));
            for (int i = 0; i < Math.min(20, subset.size()); i++) {
                coreNlp.score(subset.get(i));
            }
            long start = System.nanoTime();
            for (String t : subset) {
                coreNlp.score(t);
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-45s mentions_per_s=%10.1f texts=%d seconds=%.1f%n",
                    "corenlp sentiment (en tweets)", subset.size() / s, subset.size(), s);
        }
        System.out.printf(Locale.ROOT, "load_after=%s%n", load());
        return 0;
    }

    private void rate(String what, List<String> texts, Consumer<String> work) {
        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmUpEnd) {
            work.accept(texts.get(i++ % texts.size()));
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long done = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 100; k++) {
                work.accept(texts.get(i++ % texts.size()));
            }
            done += 100;
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-45s mentions_per_s=%10.1f texts=%d seconds=%.1f%n", what, done / s, done, s);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().replace(' ', '/');
        } catch (Exception e) {
            return "unknown";
        }
    }
}
