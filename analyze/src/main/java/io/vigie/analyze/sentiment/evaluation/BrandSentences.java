package io.vigie.analyze.sentiment.evaluation;

import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.model.SentimentLabel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Brand-targeted sentences labelled by hand ({@code testdata/sentiment-brand/brand-sentences.tsv}): the sentiment
 * toward one brand of a mention that may name others, and how often a scorer's brand score agrees with it.
 *
 * @param sentences the labelled rows, in file order
 */
public record BrandSentences(List<Sentence> sentences) {

    /**
     * @param language "fr" or "en"
     * @param brand the brand the expected label is about; a sentence names it when it contains it, case-insensitively
     * @param expected the sentiment toward that brand
     * @param kind complaint, praise, irony, comparison, …: accuracy is reported per kind
     */
    public record Sentence(String language, String brand, SentimentLabel expected, String kind, String text) {}

    /** Agreement counts, overall and per kind. */
    public record Accuracy(int correct, int total, Map<String, int[]> byKind, List<String> misses) {
        public double value() {
            return total == 0 ? 0 : (double) correct / total;
        }
    }

    public BrandSentences {
        sentences = List.copyOf(sentences);
    }

    /** Reads the tab-separated file: language, brand, expected, kind, text; lines starting with # are comments. */
    public static BrandSentences read(Path file) {
        List<Sentence> out = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 5) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": expected 5 tab-separated "
                            + "columns (language, brand, expected, kind, text), got " + cols.length);
                }
                SentimentLabel expected;
                try {
                    expected = SentimentLabel.valueOf(cols[2].toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": expected must be negative, "
                            + "neutral or positive, got '" + cols[2] + "'", e);
                }
                out.add(new Sentence(cols[0], cols[1], expected, cols[3], cols[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new BrandSentences(out);
    }

    public BrandSentences inLanguage(String language) {
        return new BrandSentences(sentences.stream().filter(s -> s.language().equals(language)).toList());
    }

    /** Scores each sentence for its brand with {@code scorer} (language hint given) and counts agreements. */
    public Accuracy accuracy(MentionSentimentScorer scorer) {
        int correct = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Sentence s : sentences) {
            String needle = s.brand().toLowerCase(Locale.ROOT);
            Predicate<String> names = sentence -> sentence.toLowerCase(Locale.ROOT).contains(needle);
            var scored = scorer.score(s.text(), s.language(), Map.of(s.brand(), names)).byBrand().get(s.brand());
            SentimentLabel got = scored == null ? null : scored.label();
            int[] k = byKind.computeIfAbsent(s.kind(), x -> new int[2]);
            k[1]++;
            if (got == s.expected()) {
                correct++;
                k[0]++;
            } else {
                misses.add(s.language() + " " + s.brand() + " expected=" + s.expected() + " got=" + got + ": "
                        + s.text());
            }
        }
        return new Accuracy(correct, sentences.size(), byKind, misses);
    }
}
