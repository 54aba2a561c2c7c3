package io.vigie.analyze.sentiment;

import io.vigie.model.Sentiment;

/**
 * Scores the sentiment of one text known to be in one language. The common shape of every scorer that
 * {@code vigie eval sentiment} compares (trained linear model, lexicon baseline, CoreNLP).
 */
public interface TextSentimentScorer {
    /** Model name as recorded in {@link Sentiment#model()}. */
    String name();

    String version();

    /** "fr" or "en". */
    String language();

    Sentiment score(String text);

    /** Probabilities of negative, neutral, positive (in that order), used to combine scorers. */
    double[] probabilities(String text);
}
