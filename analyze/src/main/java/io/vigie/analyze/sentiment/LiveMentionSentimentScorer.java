package io.vigie.analyze.sentiment;

import io.vigie.analyze.language.LanguageGuess;
import io.vigie.analyze.language.LanguageIdentifier;
import io.vigie.analyze.sentiment.lexicon.LexiconReading;
import io.vigie.analyze.sentiment.lexicon.LexiconScorer;
import io.vigie.analyze.sentiment.text.Comparisons;
import io.vigie.analyze.sentiment.text.LanguageRules;
import io.vigie.analyze.sentiment.text.SocialTokenizer;
import io.vigie.model.Sentiment;
import io.vigie.model.SentimentLabel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Language identification, then the language's trained scorer on the whole text and on the sentences that
 * mention each brand. Thread-safe when its parts are (all shipped ones are).
 *
 * <p>A brand named only as the thing compared against ("X is better than Y", "X est pire que Y": Y) gets the
 * reverse of its sentences' sentiment, since the sentence praises or blames the other one.
 *
 * <p>Texts in another language get only their emoji and emoticons read (the one signal that crosses languages),
 * and a zero confidence when they have none, so that dashboards can leave them out rather than count them
 * neutral.
 */
public final class LiveMentionSentimentScorer implements MentionSentimentScorer {
    private final LanguageIdentifier languages;
    private final Map<String, TextSentimentScorer> byLanguage;
    private final LexiconScorer symbolsOnly;
    private final SentenceSplitter splitter;
    private final int wholeTextUpToSentences;
    private final Comparisons comparisons = new Comparisons();

    /**
     * @param byLanguage the scorer for "fr" and for "en"
     * @param symbolsOnly the scorer for other languages (emoji and emoticons only)
     * @param wholeTextUpToSentences texts with at most this many sentences count whole for every brand in them
     */
    public LiveMentionSentimentScorer(LanguageIdentifier languages, Map<String, TextSentimentScorer> byLanguage,
                                      LexiconScorer symbolsOnly, SentenceSplitter splitter,
                                      int wholeTextUpToSentences) {
        this.languages = languages;
        this.byLanguage = Map.copyOf(byLanguage);
        this.symbolsOnly = symbolsOnly;
        this.splitter = splitter;
        this.wholeTextUpToSentences = wholeTextUpToSentences;
    }

    @Override
    public MentionSentiment score(String text, String languageHint,
                                  Map<String, Predicate<String>> brandSentenceMatchers) {
        if (text == null) {
            throw new IllegalArgumentException("mention text must not be null");
        }
        LanguageGuess guess = languages.identify(text, languageHint);
        Sentiment whole = scoreText(text, guess.language());
        Map<String, Sentiment> byBrand = new LinkedHashMap<>();
        if (brandSentenceMatchers != null && !brandSentenceMatchers.isEmpty()
                && brandSentenceMatchers.values().stream().anyMatch(p -> p.test(text))) {
            // Only a text that mentions some brand and may be long is worth the sentence splitter.
            List<String> sentences = mayHaveMoreSentencesThan(text, wholeTextUpToSentences)
                    ? splitter.sentences(text, guess.language()) : List.of(text);
            for (Map.Entry<String, Predicate<String>> brand : brandSentenceMatchers.entrySet()) {
                StringBuilder mentioning = new StringBuilder();
                boolean onlyComparedAgainst = true;
                for (String sentence : sentences) {
                    if (brand.getValue().test(sentence)) {
                        if (mentioning.length() > 0) {
                            mentioning.append(' ');
                        }
                        mentioning.append(sentence);
                        onlyComparedAgainst &= comparedAgainst(sentence, brand.getValue(), guess.language());
                    }
                }
                if (mentioning.length() == 0) {
                    continue;
                }
                boolean scoreWhole = sentences.size() <= wholeTextUpToSentences
                        && !(onlyComparedAgainst && sentences.size() > 1);
                Sentiment s = scoreWhole ? whole : scoreText(mentioning.toString(), guess.language());
                byBrand.put(brand.getKey(), onlyComparedAgainst ? reversed(s) : s);
            }
        }
        return new MentionSentiment(guess.language(), guess.confidence(), whole, byBrand);
    }

    /** "X is better than Y", "X est pire que Y": true for Y, named only after the comparison's pivot. */
    private boolean comparedAgainst(String sentence, Predicate<String> brand, String language) {
        OptionalInt pivot = comparisons.pivotEnd(sentence, language);
        return pivot.isPresent() && !brand.test(sentence.substring(0, pivot.getAsInt()))
                && brand.test(sentence.substring(pivot.getAsInt()));
    }

    private static Sentiment reversed(Sentiment s) {
        SentimentLabel label = switch (s.label()) {
            case POSITIVE -> SentimentLabel.NEGATIVE;
            case NEGATIVE -> SentimentLabel.POSITIVE;
            default -> s.label();
        };
        return new Sentiment(label, -s.score(), s.confidence(), s.model(), s.modelVersion());
    }

    private Sentiment scoreText(String text, String language) {
        TextSentimentScorer scorer = byLanguage.get(language);
        if (scorer != null) {
            return scorer.score(text);
        }
        LexiconReading reading = symbolsOnly.read(new SocialTokenizer().tokenize(text, LanguageRules.ENGLISH));
        if (reading.polarTokens() == 0) {
            return new Sentiment(SentimentLabel.NEUTRAL, 0, 0, symbolsOnly.name(), symbolsOnly.version());
        }
        Sentiment s = symbolsOnly.toSentiment(reading);
        // Emoji alone are a weak signal: cap the confidence.
        return new Sentiment(s.label(), s.score(), Math.min(0.5, s.confidence()), s.model(), s.modelVersion());
    }

    /** A cheap test that spares the sentence splitter on tweet-length texts. */
    static boolean mayHaveMoreSentencesThan(String text, int sentences) {
        int ends = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '…' || c == '\n')
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                ends++;
                if (ends >= sentences) {
                    return true;
                }
            }
        }
        return false;
    }
}
