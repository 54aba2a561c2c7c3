/**
 * Cuts social text into tokens a sentiment model can use: words (lower-cased, elongations collapsed, French
 * elisions split), @user and URL placeholders, hashtags, emoji, emoticons and emphatic punctuation, and marks
 * the words under a negation or after a contrast ("but", "mais") with the language's own rules.
 */
package io.vigie.analyze.sentiment.text;
