/**
 * Scores the sentiment of a mention, for the whole text and for each brand it mentions, in French and English.
 * The live entry point is {@link io.vigie.analyze.sentiment.MentionSentimentScorer}, built by
 * {@link io.vigie.analyze.sentiment.SentimentModels#liveScorer()}; sub-packages hold the tokenizer, lexicons,
 * the trained linear model, CoreNLP's scorer and the evaluation tools.
 */
package io.vigie.analyze.sentiment;
