package io.vigie.dashboards.index;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text folded for accent-blind search: lower case, diacritics removed, French elisions split ({@code l’équipe}
 * becomes {@code l equipe}). The Elasticsearch distribution Vigie starts locally has no {@code asciifolding} nor
 * {@code elision} filter (they live in the analysis-common module it lacks), so the indexer folds in Java and a
 * query folds its words the same way with {@link #of}.
 */
public final class FoldedText {
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern ELISION =
            Pattern.compile("\\b(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ]", Pattern.CASE_INSENSITIVE);

    private FoldedText() {}

    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String split = ELISION.matcher(text).replaceAll("$1 ");
        String decomposed = Normalizer.normalize(split, Normalizer.Form.NFKD);
        String folded = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        // Ligatures NFKD leaves whole.
        folded = folded.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss");
        return folded.toLowerCase(Locale.ROOT);
    }
}
