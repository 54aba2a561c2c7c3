package io.vigie.analyze.sentiment.lexicon;

import io.vigie.analyze.sentiment.TextSentimentScorer;
import io.vigie.analyze.sentiment.text.LanguageRules;
import io.vigie.analyze.sentiment.text.SocialTokenizer;
import io.vigie.analyze.sentiment.text.Token;
import io.vigie.analyze.sentiment.text.TokenKind;
import io.vigie.model.Sentiment;
import io.vigie.model.SentimentLabel;
import java.util.List;
import java.util.Map;

/**
 * VADER's rules (Hutto and Gilbert 2014) over a lexicon: a negated valence flips and shrinks (x -0.74),
 * intensifiers and capitals add to it, words before "but"/"mais" count half and after it one and a half,
 * exclamation marks add emphasis, and the sum is squashed to [-1, 1]. Thread-safe.
 *
 * <p>Alone it is the lexicon-only baseline of {@code vigie eval sentiment}; its reading is also a feature set of
 * the trained linear models.
 */
public final class LexiconScorer implements TextSentimentScorer {
    private static final double NEGATION_FACTOR = -0.74;
    private static final double BOOST = 0.293;
    private static final double CAPS_BOOST = 0.733;
    private static final double NEUTRAL_BAND = 0.05;
    private static final Map<String, Double> EMOTICONS = Map.ofEntries(
            Map.entry(":)", 2.0), Map.entry(":-)", 2.0), Map.entry(":d", 2.5), Map.entry(":-d", 2.5),
            Map.entry(";)", 1.5), Map.entry(";-)", 1.5), Map.entry(":p", 1.0), Map.entry(";p", 1.0),
            Map.entry("=)", 2.0), Map.entry("xd", 2.0), Map.entry("<3", 2.5), Map.entry("^^", 1.5),
            Map.entry("^_^", 1.5), Map.entry(":(", -2.0), Map.entry(":-(", -2.0), Map.entry(":'(", -2.5),
            Map.entry("</3", -2.5), Map.entry(":/", -1.0), Map.entry(":-/", -1.0), Map.entry("-_-", -1.0),
            Map.entry("t_t", -2.0), Map.entry(":|", -0.5), Map.entry("d:", -2.0), Map.entry("):", -2.0));

    private final PolarityLexicon lexicon;
    private final LanguageRules rules;
    private final SocialTokenizer tokenizer;

    public LexiconScorer(PolarityLexicon lexicon, LanguageRules rules, SocialTokenizer tokenizer) {
        this.lexicon = lexicon;
        this.rules = rules;
        this.tokenizer = tokenizer;
    }

    public static LexiconScorer forLanguage(String language) {
        return new LexiconScorer(PolarityLexicon.forLanguage(language), LanguageRules.forLanguage(language),
                new SocialTokenizer());
    }

    @Override
    public String name() {
        return "lexicon-" + lexicon.name();
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String language() {
        return rules.code();
    }

    @Override
    public Sentiment score(String text) {
        return toSentiment(read(tokenizer.tokenize(text, rules)));
    }

    @Override
    public double[] probabilities(String text) {
        double c = read(tokenizer.tokenize(text, rules)).compound();
        // A lexicon has no probabilities; this maps the compound onto the three labels for combination only.
        double pos = Math.max(0, c);
        double neg = Math.max(0, -c);
        return new double[] {neg, 1 - pos - neg, pos};
    }

    public Sentiment toSentiment(LexiconReading reading) {
        double c = reading.compound();
        SentimentLabel label = c >= NEUTRAL_BAND ? SentimentLabel.POSITIVE
                : c <= -NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        double confidence = label == SentimentLabel.NEUTRAL ? 1 - Math.abs(c) / NEUTRAL_BAND * 0.5 : Math.abs(c);
        return new Sentiment(label, c, Math.max(0, Math.min(1, confidence)), name(), version());
    }

    /** Applies the rules to tokens already scoped by {@link SocialTokenizer}. */
    public LexiconReading read(List<Token> tokens) {
        double sum = 0;
        double positive = 0;
        double negative = 0;
        int polar = 0;
        int negatedPolar = 0;
        double afterContrast = 0;
        double symbols = 0;
        double last = 0;
        boolean sawContrast = false;
        int exclamations = 0;
        boolean textAllCaps = allCaps(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.PUNCTUATION) {
                if (t.text().startsWith("!")) {
                    exclamations += t.text().length();
                }
                continue;
            }
            if (t.afterContrast()) {
                sawContrast = true;
            }
            double v;
            if (t.kind() == TokenKind.EMOJI) {
                v = lexicon.emojiValence(t.text());
                symbols += v;
            } else if (t.kind() == TokenKind.EMOTICON) {
                v = EMOTICONS.getOrDefault(t.folded(), lexicon.word(t.folded()));
                symbols += v;
            } else if (t.isWord()) {
                v = wordValence(tokens, i);
                if (v == 0) {
                    continue;
                }
                if (t.allCaps() && !textAllCaps) {
                    v += Math.signum(v) * CAPS_BOOST;
                }
                if (t.elongated()) {
                    v += Math.signum(v) * BOOST;
                }
                v += Math.signum(v) * boosterBefore(tokens, i);
                if (t.negated()) {
                    v *= NEGATION_FACTOR;
                    negatedPolar++;
                }
            } else {
                continue;
            }
            if (v == 0) {
                continue;
            }
            polar++;
            last = v;
            if (t.afterContrast()) {
                v *= 1.5;
                afterContrast += v;
            }
            sum += v;
            if (v > 0) {
                positive += v;
            } else {
                negative -= v;
            }
        }
        if (sawContrast) {
            // VADER: what precedes "but" counts half.
            double before = sum - afterContrast;
            sum = before * 0.5 + afterContrast;
        }
        if (sum != 0 && exclamations > 0) {
            sum += Math.signum(sum) * Math.min(4, exclamations) * 0.292;
        }
        double compound = sum / Math.sqrt(sum * sum + 15);
        return new LexiconReading(compound, positive, negative, polar, negatedPolar, afterContrast, symbols, last);
    }

    private double wordValence(List<Token> tokens, int i) {
        String w = tokens.get(i).folded();
        if (rules.negators().contains(w) || rules.intensifiers().contains(w) || rules.dampeners().contains(w)) {
            return 0;
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).isWord()) {
            Double phrase = lexicon.words().get(w + " " + tokens.get(i + 1).folded());
            if (phrase != null) {
                return phrase;
            }
        }
        if (i > 0 && tokens.get(i - 1).isWord() && lexicon.contains(tokens.get(i - 1).folded() + " " + w)) {
            return 0;
        }
        return lexicon.word(w);
    }

    private double boosterBefore(List<Token> tokens, int i) {
        double boost = 0;
        double decay = 1;
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            Token b = tokens.get(k);
            if (!b.isWord()) {
                break;
            }
            if (rules.intensifiers().contains(b.folded())) {
                boost += BOOST * decay;
            } else if (rules.dampeners().contains(b.folded())) {
                boost -= BOOST * decay;
            }
            decay -= 0.05;
        }
        return boost;
    }

    private static boolean allCaps(List<Token> tokens) {
        int words = 0;
        int caps = 0;
        for (Token t : tokens) {
            if (t.kind() == TokenKind.WORD) {
                words++;
                if (t.allCaps()) {
                    caps++;
                }
            }
        }
        return words > 0 && caps == words;
    }
}
