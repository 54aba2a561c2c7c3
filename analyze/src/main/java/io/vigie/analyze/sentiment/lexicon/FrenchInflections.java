package io.vigie.analyze.sentiment.lexicon;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates the regular feminine and plural forms of a French word, so a hand-written list names each word once
 * ("déçu" gives "déçue", "déçus", "déçues"). Regular rules only; a form the rules get wrong is a harmless extra
 * key (nobody writes "nule"), and an irregular form is listed by hand in the resource. Works on accent-folded words.
 */
final class FrenchInflections {
    private FrenchInflections() {}

    /**
     * @param word accent-folded, lower case
     * @param kind "a" adjective or participle (gender and number), "n" noun (number), "-" the word only
     */
    static List<String> forms(String word, String kind) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        switch (kind) {
            case "-" -> { }
            case "n" -> {
                if (word.endsWith("al")) {
                    forms.add(word.substring(0, word.length() - 2) + "aux");
                } else if (word.endsWith("eau") || word.endsWith("eu")) {
                    forms.add(word + "x");
                }
                if (!word.endsWith("s") && !word.endsWith("x") && !word.endsWith("z")) {
                    forms.add(word + "s");
                }
            }
            case "a" -> {
                for (String feminine : feminines(word)) {
                    forms.add(feminine);
                    forms.add(feminine + "s");
                }
                if (word.endsWith("al")) {
                    forms.add(word.substring(0, word.length() - 2) + "aux");
                }
                if (!word.endsWith("s") && !word.endsWith("x")) {
                    forms.add(word + "s");
                }
            }
            default -> throw new IllegalArgumentException("unknown inflection kind '" + kind + "' for " + word
                    + " (expected a, n or -)");
        }
        return List.copyOf(forms);
    }

    private static List<String> feminines(String w) {
        if (w.endsWith("e")) {
            return List.of(w);
        }
        if (w.endsWith("eux")) {
            return List.of(w.substring(0, w.length() - 1) + "se");
        }
        if (w.endsWith("eur")) {
            // menteur -> menteuse, meilleur -> meilleure: both kept, the wrong one is never written.
            return List.of(w.substring(0, w.length() - 1) + "se", w + "e");
        }
        if (w.endsWith("if")) {
            return List.of(w.substring(0, w.length() - 1) + "ve");
        }
        if (w.endsWith("er")) {
            return List.of(w.substring(0, w.length() - 2) + "ere");
        }
        if (w.endsWith("el") || w.endsWith("ul") || w.endsWith("il") || w.endsWith("en") || w.endsWith("on")) {
            return List.of(w + w.charAt(w.length() - 1) + "e", w + "e");
        }
        return List.of(w + "e");
    }
}
