package io.vigie.model;

/**
 * A sentiment judgement and who made it.
 *
 * @param score polarity in [-1, 1]
 * @param confidence in [0, 1]: how sure the model is of {@code label}
 */
public record Sentiment(SentimentLabel label, double score, double confidence, String model, String modelVersion) {
    public Sentiment {
        Schema.required(label, "sentiment.label");
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("sentiment.score must be in [-1, 1], got " + score);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("sentiment.confidence must be in [0, 1], got " + confidence);
        }
    }
}
