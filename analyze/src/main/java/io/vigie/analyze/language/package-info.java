/**
 * Tells which language a mention is written in: "fr", "en" or "other", robust on tweet-length text.
 * Wraps Lingua (n-gram models, low-accuracy mode for speed) and weighs a source's language hint.
 */
package io.vigie.analyze.language;
