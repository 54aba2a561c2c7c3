package io.vigie.analyze.sentiment.text;

/** What a token is, as far as sentiment cares. */
public enum TokenKind { WORD, HASHTAG, USER, URL, EMOJI, EMOTICON, NUMBER, PUNCTUATION }
