package io.vigie.analyze.sentiment.linear;

import io.vigie.analyze.sentiment.lexicon.LexiconReading;
import io.vigie.analyze.sentiment.lexicon.LexiconScorer;
import io.vigie.analyze.sentiment.lexicon.UmigonTerms;
import io.vigie.analyze.sentiment.text.LanguageRules;
import io.vigie.analyze.sentiment.text.SocialTokenizer;
import io.vigie.analyze.sentiment.text.Token;
import io.vigie.analyze.sentiment.text.TokenKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a text into named feature values. Thread-safe. The same code builds training rows and live rows, so
 * what the model learnt is exactly what it sees.
 *
 * <ul>
 *   <li>{@code w:} words (accent-folded), prefixed {@code not_} inside a negation scope; {@code c:} marks words
 *       after a contrast word again, so the clause that counts weighs twice;</li>
 *   <li>{@code b:} pairs of adjacent words; {@code g:} character 3- to 5-grams inside words (French morphology,
 *       misspellings), given a lower weight;</li>
 *   <li>{@code e:} emoji, {@code o:} emoticons, {@code p:} emphatic punctuation, placeholders for @user and URLs,
 *       counts of capitals and elongations;</li>
 *   <li>{@code lex:} the {@link LexiconScorer} reading: compound, positive and negative sums, after-contrast
 *       sum, symbols, last polar word;</li>
 *   <li>{@code um:} (French models) Umigon's tone terms met, negated or not, and their counts.</li>
 * </ul>
 */
public final class FeatureExtractor {
    private final SocialTokenizer tokenizer;
    private final LanguageRules rules;
    private final LexiconScorer lexicon;
    private final boolean charGrams;
    private final UmigonTerms umigon;

    public FeatureExtractor(SocialTokenizer tokenizer, LanguageRules rules, LexiconScorer lexicon, boolean charGrams) {
        this(tokenizer, rules, lexicon, charGrams, null);
    }

    /** @param umigon Umigon's tone terms as extra features ({@code um:}), or null for none */
    public FeatureExtractor(SocialTokenizer tokenizer, LanguageRules rules, LexiconScorer lexicon, boolean charGrams,
                            UmigonTerms umigon) {
        this.tokenizer = tokenizer;
        this.rules = rules;
        this.lexicon = lexicon;
        this.charGrams = charGrams;
        this.umigon = umigon;
    }

    public boolean charGrams() {
        return charGrams;
    }

    public Map<String, Double> features(String text) {
        List<Token> tokens = tokenizer.tokenize(text, rules);
        Map<String, Double> f = new HashMap<>(128);
        String previous = "<s>";
        int caps = 0;
        int elongated = 0;
        for (Token t : tokens) {
            switch (t.kind()) {
                case WORD, HASHTAG -> {
                    String w = t.folded();
                    add(f, (t.negated() ? "w:not_" : "w:") + w, 1);
                    if (t.afterContrast()) {
                        add(f, "c:" + w, 1);
                    }
                    if (t.kind() == TokenKind.HASHTAG) {
                        add(f, "h:" + w, 1);
                    }
                    add(f, "b:" + previous + "_" + w, 1);
                    previous = w;
                    if (charGrams && w.length() > 3) {
                        String padded = "<" + w + ">";
                        for (int n = 3; n <= 5; n++) {
                            for (int i = 0; i + n <= padded.length(); i++) {
                                add(f, "g:" + padded.substring(i, i + n), 0.3);
                            }
                        }
                    }
                    if (t.allCaps()) {
                        caps++;
                    }
                    if (t.elongated()) {
                        elongated++;
                    }
                }
                case EMOJI -> {
                    add(f, "e:" + t.text(), 1);
                    previous = "<emoji>";
                }
                case EMOTICON -> {
                    add(f, "o:" + t.folded(), 1);
                    previous = "<emoticon>";
                }
                case USER -> {
                    add(f, "u:@user", 1);
                    previous = "@user";
                }
                case URL -> add(f, "u:<url>", 1);
                case NUMBER -> {
                    add(f, "n:<num>", 1);
                    previous = "<num>";
                }
                case PUNCTUATION -> {
                    if (t.text().contains("!") || t.text().contains("?") || t.text().equals("...")) {
                        add(f, "p:" + t.text(), 1);
                    }
                    previous = "<p>";
                }
                default -> throw new IllegalStateException("unknown token kind " + t.kind());
            }
        }
        if (caps > 0) {
            f.put("s:caps", Math.min(3, caps) / 3.0);
        }
        if (elongated > 0) {
            f.put("s:elongated", 1.0);
        }
        LexiconReading r = lexicon.read(tokens);
        f.put("lex:compound", r.compound());
        f.put("lex:positive", Math.min(8, r.positive()) / 4);
        f.put("lex:negative", Math.min(8, r.negative()) / 4);
        f.put("lex:polar", Math.min(5, r.polarTokens()) / 5.0);
        f.put("lex:negated", Math.min(3, r.negatedPolar()) / 3.0);
        f.put("lex:contrast", Math.max(-1, Math.min(1, r.afterContrast() / 4)));
        f.put("lex:symbols", Math.max(-1, Math.min(1, r.symbols() / 4)));
        f.put("lex:last", r.last() / 4);
        if (r.positive() > 0 && r.negative() == 0) {
            f.put("lex:only_positive", 1.0);
        }
        if (r.negative() > 0 && r.positive() == 0) {
            f.put("lex:only_negative", 1.0);
        }
        if (r.polarTokens() == 0) {
            f.put("lex:none", 1.0);
        }
        if (umigon != null) {
            umigon.addFeatures(text, f);
        }
        return f;
    }

    private static void add(Map<String, Double> f, String key, double value) {
        f.merge(key, value, Double::sum);
    }
}
