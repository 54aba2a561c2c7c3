package io.vigie.analyze.sentiment.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Umigon's French tone terms (Levallois, CC BY 4.0; NOTICE.md), one to three words long, found in a text as
 * features for the linear model: each term met ({@code um:} + term, {@code um:not_} + term after or before a
 * negator), and how many positive and negative ones. Only the term lists are used, not Umigon's conditions: the
 * model learns from the training data how much each term counts. Immutable, thread-safe.
 */
public final class UmigonTerms {
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Set<String> NEGATORS = Set.of("pas", "ne", "jamais", "plus", "sans", "aucun", "aucune");
    private static final int LONGEST_TERM_WORDS = 3;

    private final Set<String> positive;
    private final Set<String> negative;

    public UmigonTerms(Set<String> positive, Set<String> negative) {
        this.positive = Set.copyOf(positive);
        this.negative = Set.copyOf(negative);
    }

    /** The shipped French lists, from the classpath. */
    public static UmigonTerms french() {
        return new UmigonTerms(read("umigon-fr-positive.txt"), read("umigon-fr-negative.txt"));
    }

    /** Adds this lexicon's features for {@code text} to {@code features}. */
    public void addFeatures(String text, Map<String, Double> features) {
        String[] w = NON_LETTERS.split(fold(text));
        int pos = 0;
        int neg = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i].isEmpty()) {
                continue;
            }
            boolean negated = (i > 0 && NEGATORS.contains(w[i - 1])) || (i + 1 < w.length && w[i + 1].equals("pas"));
            String term = w[i];
            for (int n = 1; n <= LONGEST_TERM_WORDS && i + n <= w.length; n++) {
                if (n > 1) {
                    term = term + " " + w[i + n - 1];
                }
                boolean isPositive = positive.contains(term);
                boolean isNegative = negative.contains(term);
                if (isPositive || isNegative) {
                    features.merge("um:" + (negated ? "not_" : "") + term, 1.0, Double::sum);
                    if (isPositive != negated) {
                        pos++;
                    } else {
                        neg++;
                    }
                }
            }
        }
        if (pos > 0) {
            features.put("um:positive", Math.min(3, pos) / 3.0);
        }
        if (neg > 0) {
            features.put("um:negative", Math.min(3, neg) / 3.0);
        }
        if (pos > 0 && neg == 0) {
            features.put("um:only_positive", 1.0);
        }
        if (neg > 0 && pos == 0) {
            features.put("um:only_negative", 1.0);
        }
    }

    /** Lower case, accents and apostrophes gone: "à l'aise" and "a l aise" meet. */
    static String fold(String s) {
        return ACCENTS.matcher(Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    private static Set<String> read(String name) {
        String resource = "/io/vigie/analyze/sentiment/lexicon/" + name;
        try (InputStream in = UmigonTerms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon " + resource + " is not on the classpath");
            }
            Set<String> terms = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = String.join(" ", NON_LETTERS.split(fold(line).strip())).strip();
                if (!t.isEmpty()) {
                    terms.add(t);
                }
            }
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
