package io.vigie.analyze.sentiment;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Language and sentiment of one mention, whole and per brand (the sentences that mention each brand).
 * The streams topology only calls this interface; the sentiment part provides the models behind it.
 */
public interface MentionSentimentScorer {
    MentionSentiment score(String text, String languageHint, Map<String, Predicate<String>> brandSentenceMatchers);
}
