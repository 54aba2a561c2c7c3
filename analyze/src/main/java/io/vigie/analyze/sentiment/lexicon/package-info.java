/**
 * Published polarity lexicons shipped by registry packages (VADER for English, AFINN-165 French for French, the
 * Emoji Sentiment Ranking for emoji) and a VADER-style rule scorer over them: the lexicon-only baseline, and the
 * lexicon features of the trained models.
 */
package io.vigie.analyze.sentiment.lexicon;
