/**
 * The sentiment part of the {@code vigie} command: {@code train sentiment}, {@code eval sentiment} and
 * {@code bench sentiment}. The app module only registers them.
 */
package io.vigie.analyze.sentiment.cli;
