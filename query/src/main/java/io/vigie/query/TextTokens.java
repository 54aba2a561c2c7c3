package io.vigie.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A text cut into folded words: lower case, accents removed ("Été" and "ete" are the same word), split on
 * anything that is not a letter or a digit, so "l'antivol" is "l" "antivol" and "coca-cola" is "coca" "cola".
 * Queries are folded the same way, which is what makes matching case- and accent-insensitive.
 */
public final class TextTokens {
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private final List<String> words;
    private final Map<String, List<Integer>> positions;

    private TextTokens(List<String> words) {
        this.words = List.copyOf(words);
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            index.computeIfAbsent(words.get(i), w -> new ArrayList<>(2)).add(i);
        }
        this.positions = index;
    }

    public static TextTokens of(String text) {
        return new TextTokens(words(text));
    }

    /** Lower case without accents; "Œ" becomes "oe" and "ß" "ss" so French and German spellings meet. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return bare.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
    }

    /** The folded words of a text, in order. */
    public static List<String> words(String text) {
        String folded = fold(text == null ? "" : text);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                out.add(folded.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(folded.substring(start));
        }
        return out;
    }

    public List<String> words() {
        return words;
    }

    public int size() {
        return words.size();
    }

    /** Positions of an exact word, ascending. */
    List<Integer> positionsOf(String word) {
        return positions.getOrDefault(word, List.of());
    }

    /** Positions of every word starting with a prefix, ascending. */
    List<Integer> positionsOfPrefix(String prefix) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).startsWith(prefix)) {
                out.add(i);
            }
        }
        return out;
    }
}
