package io.vigie.analyze.sentiment;

import java.util.Map;
import java.util.function.Predicate;

/** Thread-safe. The scorer the live pipeline uses. */
public interface MentionSentimentScorer {
    /**
     * @param text the mention's text (title and body joined by the caller)
     * @param languageHint the source's declared language ("fr", "en", "fr-CA", ...) or null
     * @param brandSentenceMatchers brand id to a test of whether a sentence mentions that brand
     * @throws IllegalArgumentException when {@code text} is null
     */
    MentionSentiment score(String text, String languageHint, Map<String, Predicate<String>> brandSentenceMatchers);
}
