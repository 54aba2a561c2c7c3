package io.vigie.analyze.sentiment.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a comparison between two things turns in a sentence: "X is better than Y", "X est pire que Y",
 * "plus solides que", "rather than", "plutôt que". What follows the pivot is the thing compared against, whose
 * sentiment is the opposite of the sentence's. Thread-safe.
 *
 * <p>French "que" alone is far too common ("je pense que"), so it counts only after a comparative word
 * (plus, moins, meilleur, mieux, pire, plutôt, autant, aussi) at most three words before it.
 */
public final class Comparisons {
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(?:better|worse|more|less|fewer|rather|\\p{L}{2,}er)(?:\\s+\\p{L}+){0,3}?\\s+than\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FRENCH = Pattern.compile(
            "\\b(?:plus|moins|meilleure?s?|mieux|pire?s?|plutot|autant|aussi)(?:\\s+\\p{L}+){0,3}?\\s+qu(?:e\\b|['’])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    /**
     * The position in {@code sentence} just after the pivot ("than", "que"), or empty when the sentence compares
     * nothing. The text before that position holds the thing judged; the text after it, the thing compared against.
     */
    public OptionalInt pivotEnd(String sentence, String language) {
        Pattern p = "fr".equals(language) ? FRENCH : "en".equals(language) ? ENGLISH : null;
        if (p == null) {
            return OptionalInt.empty();
        }
        // Folding accents one character for one keeps positions valid in the original sentence.
        String folded = ACCENTS.matcher(Normalizer.normalize(sentence, Normalizer.Form.NFD)).replaceAll("");
        if (folded.length() != sentence.length()) {
            folded = foldPerChar(sentence);
        }
        Matcher m = p.matcher(folded.toLowerCase(Locale.ROOT));
        return m.find() ? OptionalInt.of(m.end()) : OptionalInt.empty();
    }

    private static String foldPerChar(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            String one = ACCENTS.matcher(Normalizer.normalize(String.valueOf(s.charAt(i)), Normalizer.Form.NFD))
                    .replaceAll("");
            b.append(one.length() == 1 ? one.charAt(0) : s.charAt(i));
        }
        return b.toString();
    }
}
