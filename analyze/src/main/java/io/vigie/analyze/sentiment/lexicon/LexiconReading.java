package io.vigie.analyze.sentiment.lexicon;

/**
 * What the lexicon rules make of one text.
 *
 * @param compound VADER's normalised sum in [-1, 1]
 * @param positive sum of the positive valences after the rules
 * @param negative sum of the negative valences after the rules (a positive number)
 * @param polarTokens how many tokens carried a valence
 * @param negatedPolar how many of them were under a negation
 * @param afterContrast sum of the valences after a contrast word
 * @param symbols sum of emoji and emoticon valences
 * @param last the valence of the last polar token (0 when none)
 */
public record LexiconReading(double compound, double positive, double negative, int polarTokens,
                             int negatedPolar, double afterContrast, double symbols, double last) {
}
