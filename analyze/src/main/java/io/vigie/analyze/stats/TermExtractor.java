package io.vigie.analyze.stats;

import io.vigie.query.TextTokens;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of a mention worth counting as "top terms": folded, at least 3 letters, not a number, not a French or
 * English stop word, not part of a link or handle, each counted once per mention.
 */
public final class TermExtractor {
    private static final Set<String> STOP_WORDS = new java.util.HashSet<>(List.of(
            // English
            "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
            "out", "has", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "who", "did", "get",
            "let", "say", "she", "too", "use", "that", "with", "have", "this", "will", "your", "from", "they", "been",
            "were", "what", "when", "where", "which", "their", "there", "them", "then", "than", "would", "could",
            "should", "about", "just", "like", "more", "some", "into", "only", "over", "also", "very", "after", "being",
            "because", "those", "these", "here", "does", "dont", "don", "doesn", "didn", "isn", "wasn", "aren", "can't",
            "via", "http", "https", "www", "com", "amp", "rt", "today", "tomorrow", "tonight", "going", "got", "gonna",
            "still", "even", "much", "many", "really", "want", "know", "think", "time", "day", "back", "make", "way",
            "well", "why", "yes", "off", "own", "same", "each", "both", "few", "most", "other", "such", "nor", "too",
            "than", "again", "further", "once", "while", "until", "against", "between", "through", "during", "before",
            "above", "below", "down", "under", "doing", "having", "itself", "myself", "yourself", "ourselves",
            // French
            "les", "des", "une", "est", "pas", "que", "qui", "dans", "pour", "sur", "avec", "par", "plus", "sont",
            "mais", "comme", "tout", "tous", "toute", "toutes", "elle", "ils", "elles", "nous", "vous", "leur", "leurs",
            "cette", "ces", "son", "ses", "mes", "tes", "nos", "vos", "aux", "ont", "etait", "ete", "etre", "avoir",
            "fait", "faire", "bien", "tres", "aussi", "encore", "meme", "sans", "sous", "entre", "donc", "alors", "car",
            "quand", "quoi", "dont", "ou", "lui", "moi", "toi", "eux", "ici", "peu", "peut", "deja", "apres", "avant",
            "depuis", "chez", "vers", "oui", "non", "rien", "quelque", "quel", "quelle", "celui", "celle", "ceux",
            "cela", "ceci", "suis", "es", "sommes", "etes", "ai", "as", "avons", "avez", "va", "vais", "vont", "aujourd",
            "hui", "demain", "soir", "trop", "jamais", "toujours", "juste", "faut", "fois", "jour", "chose"));

    private static final java.util.regex.Pattern LINKS_AND_HANDLES =
            java.util.regex.Pattern.compile("(?i)\\b(https?://|www\\.)\\S+|@\\w+");

    private final int maxTerms;

    public TermExtractor(int maxTerms) {
        this.maxTerms = maxTerms;
    }

    public List<String> terms(String text) {
        String withoutLinks = LINKS_AND_HANDLES.matcher(text).replaceAll(" ");
        Set<String> out = new LinkedHashSet<>();
        for (String w : TextTokens.words(withoutLinks)) {
            if (w.length() >= 3 && !STOP_WORDS.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                out.add(w);
                if (out.size() >= maxTerms) {
                    break;
                }
            }
        }
        return List.copyOf(out);
    }
}
