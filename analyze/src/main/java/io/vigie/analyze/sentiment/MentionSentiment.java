package io.vigie.analyze.sentiment;

import io.vigie.model.Sentiment;
import java.util.Map;

/** What {@link MentionSentimentScorer} says of one mention. */
public record MentionSentiment(String language, double languageConfidence, Sentiment whole, Map<String, Sentiment> byBrand) {}
