package io.vigie.analyze.sentiment;

import io.vigie.model.Sentiment;
import java.util.Map;

/**
 * The sentiment of one mention.
 *
 * @param language "fr", "en" or "other"
 * @param languageConfidence in [0, 1]
 * @param whole the sentiment of the whole text
 * @param byBrand for each brand id whose predicate matched at least one sentence, the sentiment of the sentences
 *     that mention it (the score that counts for that brand); for a text of one or two sentences, the whole
 *     text's sentiment
 */
public record MentionSentiment(String language, double languageConfidence, Sentiment whole,
                               Map<String, Sentiment> byBrand) {
    public MentionSentiment {
        if (language == null || whole == null) {
            throw new IllegalArgumentException("language and whole are required");
        }
        byBrand = Map.copyOf(byBrand);
    }
}
