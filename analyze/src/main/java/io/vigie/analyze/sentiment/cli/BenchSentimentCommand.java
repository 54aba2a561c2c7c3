package io.vigie.analyze.sentiment.cli;

import io.vigie.analyze.language.LanguageIdentifier;
import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.analyze.sentiment.SentimentModels;
import io.vigie.analyze.sentiment.corenlp.CoreNlpSentimentScorer;
import io.vigie.analyze.sentiment.evaluation.LabelledTexts;
import io.vigie.analyze.sentiment.evaluation.ScorerRun;
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
    @Option(names = "--seconds", defaultValue = "5",
            description = "CPU seconds of the measuring thread per measurement (default 5)")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "3",
            description = "CPU seconds of warm-up before each measurement, not timed (default 3)")
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
        // Worst case for brand targeting: every sentence of every text "mentions" a brand, so every text with
        // three sentences or more is split and scored again per brand.
        Map<String, Predicate<String>> everywhere = Map.of("brand-a", s -> true, "brand-b", s -> s.length() > 20);
        rate("live scorer, no hint, no brand", mixed, t -> live.score(t, null, Map.of()));
        rate("live scorer, no hint, 2 brands in every sentence", mixed, t -> live.score(t, null, everywhere));
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
            long cpuStart = ScorerRun.cpuNanos();
            long start = System.nanoTime();
            for (String t : subset) {
                coreNlp.score(t);
            }
            double s = (System.nanoTime() - start) / 1e9;
            double cpu = (ScorerRun.cpuNanos() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "%-52s mentions_per_cpu_s=%9.1f mentions_per_wall_s=%9.1f texts=%d "
                    + "cpu_seconds=%.1f wall_seconds=%.1f%n", "corenlp sentiment (en tweets, after 20 warm-up)",
                    subset.size() / cpu, subset.size() / s, subset.size(), cpu, s);
        }
        System.out.printf(Locale.ROOT, "load_after=%s%n", load());
        return 0;
    }

    /**
     * Warm-up and measurement are counted in this thread's CPU seconds, not wall seconds: on a shared machine the
     * thread may get a fraction of a core, and a wall-clock warm-up would end before the JIT has compiled anything.
     * Each phase is capped at 20 wall seconds per CPU second asked.
     */
    private void rate(String what, List<String> texts, Consumer<String> work) {
        int i = 0;
        long cpuWarm = ScorerRun.cpuNanos();
        long wallCap = System.nanoTime() + warmUpSeconds * 20_000_000_000L;
        while (ScorerRun.cpuNanos() - cpuWarm < warmUpSeconds * 1_000_000_000L && System.nanoTime() < wallCap) {
            for (int k = 0; k < 50; k++) {
                work.accept(texts.get(i++ % texts.size()));
            }
        }
        long cpuStart = ScorerRun.cpuNanos();
        long start = System.nanoTime();
        long cap = start + seconds * 20_000_000_000L;
        long done = 0;
        while (ScorerRun.cpuNanos() - cpuStart < seconds * 1_000_000_000L && System.nanoTime() < cap) {
            for (int k = 0; k < 50; k++) {
                work.accept(texts.get(i++ % texts.size()));
            }
            done += 50;
        }
        double s = (System.nanoTime() - start) / 1e9;
        double cpu = (ScorerRun.cpuNanos() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "%-52s mentions_per_cpu_s=%9.1f mentions_per_wall_s=%9.1f texts=%d "
                + "cpu_seconds=%.1f wall_seconds=%.1f%n", what, done / cpu, done / s, done, cpu, s);
    }

    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return fields[0] + "/" + fields[1] + "/" + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
