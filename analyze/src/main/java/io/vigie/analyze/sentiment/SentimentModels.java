package io.vigie.analyze.sentiment;

import io.vigie.analyze.language.LanguageIdentifier;
import io.vigie.analyze.sentiment.corenlp.CoreNlpSentenceSplitter;
import io.vigie.analyze.sentiment.lexicon.LexiconScorer;
import io.vigie.analyze.sentiment.lexicon.PolarityLexicon;
import io.vigie.analyze.sentiment.linear.LinearSentimentScorer;
import io.vigie.analyze.sentiment.text.LanguageRules;
import io.vigie.analyze.sentiment.text.SocialTokenizer;
import java.util.Map;

/** Builds the shipped scorers from the classpath. Each call builds new instances; share them, they are thread-safe. */
public final class SentimentModels {
    /** Texts of up to this many sentences count whole for every brand they mention. */
    public static final int WHOLE_TEXT_UP_TO_SENTENCES = 2;

    private SentimentModels() {}

    /**
     * The live scorer: Lingua language identification, the shipped linear models for French and English, CoreNLP's
     * sentence splitter for brand-targeted scores. Takes about two seconds and 150 MiB of heap to build; does not
     * touch the CoreNLP models jar.
     */
    public static MentionSentimentScorer liveScorer() {
        return new LiveMentionSentimentScorer(LanguageIdentifier.standard(),
                Map.of("fr", LinearSentimentScorer.shipped("fr"), "en", LinearSentimentScorer.shipped("en")),
                symbolsOnlyScorer(), new CoreNlpSentenceSplitter(), WHOLE_TEXT_UP_TO_SENTENCES);
    }

    /** Emoji and emoticons only: the fallback for languages without a model. */
    public static LexiconScorer symbolsOnlyScorer() {
        return new LexiconScorer(new PolarityLexicon("emoji-only", Map.of(), PolarityLexicon.emojiLexicon()),
                LanguageRules.ENGLISH, new SocialTokenizer());
    }
}
