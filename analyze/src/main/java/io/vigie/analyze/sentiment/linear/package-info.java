/**
 * The live sentiment model: a regularised multinomial linear model (logistic regression trained with
 * LIBLINEAR) over word and word-pair features with negation marks, character n-grams, social markers and
 * lexicon readings. Trained by {@code vigie train sentiment}, shipped as a small text file, scored in
 * microseconds.
 */
package io.vigie.analyze.sentiment.linear;
