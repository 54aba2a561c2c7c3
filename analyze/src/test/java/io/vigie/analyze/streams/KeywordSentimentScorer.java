package io.vigie.analyze.streams;

import io.vigie.analyze.sentiment.MentionSentiment;
import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.model.Sentiment;
import io.vigie.model.SentimentLabel;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Test double of the sentiment scorer: "broken", "nul" or "hate" make a sentence negative, "love" or "great"
 * positive. Per brand, only the sentences the brand predicate accepts are judged, as the real scorer does.
 */
final class KeywordSentimentScorer implements MentionSentimentScorer {
    @Override
    public MentionSentiment score(String text, String languageHint, Map<String, Predicate<String>> brandSentenceMatchers) {
        Map<String, Sentiment> byBrand = new HashMap<>();
        for (var e : brandSentenceMatchers.entrySet()) {
            StringBuilder about = new StringBuilder();
            for (String sentence : text.split("(?<=[.!?])\\s+")) {
                if (e.getValue().test(sentence)) {
                    about.append(sentence).append(' ');
                }
            }
            byBrand.put(e.getKey(), judge(about.toString()));
        }
        return new MentionSentiment(languageHint == null ? "en" : languageHint, 0.9, judge(text), byBrand);
    }

    static Sentiment judge(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("broken") || t.contains("nul") || t.contains("hate")) {
            return new Sentiment(SentimentLabel.NEGATIVE, -0.8, 0.9, "keywords", "test");
        }
        if (t.contains("love") || t.contains("great")) {
            return new Sentiment(SentimentLabel.POSITIVE, 0.8, 0.9, "keywords", "test");
        }
        return new Sentiment(SentimentLabel.NEUTRAL, 0, 0.9, "keywords", "test");
    }
}
