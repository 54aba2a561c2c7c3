package io.vigie.analyze.sentiment.text;

/**
 * One token of a social text.
 *
 * @param kind what it is
 * @param text the normalised form: lower case, elongations cut to two letters, accents kept; "@user" and "<url>"
 *     for placeholders; the hashtag without its sign; the emoji or emoticon as written
 * @param folded {@code text} without accents (French tweets often drop them), used for lookups and features
 * @param allCaps the word was written in capitals (3 letters or more), a sign of emphasis
 * @param elongated the word had a letter repeated three times or more ("sooo", "nuuul")
 * @param negated the token lies inside a negation's scope
 * @param afterContrast the token follows a contrast word ("but", "mais") in its sentence
 */
public record Token(TokenKind kind, String text, String folded, boolean allCaps, boolean elongated,
                    boolean negated, boolean afterContrast) {
    Token withScope(boolean negated, boolean afterContrast) {
        return new Token(kind, text, folded, allCaps, elongated, negated, afterContrast);
    }

    public boolean isWord() {
        return kind == TokenKind.WORD || kind == TokenKind.HASHTAG;
    }

    /** Sentence-ending or clause-ending punctuation closes a negation's scope. */
    public boolean closesClause() {
        return kind == TokenKind.PUNCTUATION && !text.startsWith("\"") && !text.equals("'");
    }
}
