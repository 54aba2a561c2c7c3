package io.vigie.analyze.sentiment.text;

import java.util.Set;

/**
 * The words of one language that change the meaning of their neighbours.
 *
 * @param code "fr" or "en"
 * @param negators words that open a negation scope ("not", "never", "ne", "pas", "jamais")
 * @param negatorsNeedingNe French words that negate only after "ne" ("plus", "personne"): bare, they mean
 *     "more" and "person"
 * @param postVerbNegators words that, without a "ne" before them, also negate the word just before
 *     ("j'aime pas", "ça marche plus")
 * @param contrasts words after which the clause outweighs what came before ("but", "mais")
 * @param intensifiers words that strengthen the next polar word ("very", "trop")
 * @param dampeners words that weaken it ("slightly", "peu")
 * @param elisions French elided prefixes split off a word ("l'", "qu'"), mapped to their full form
 */
public record LanguageRules(String code, Set<String> negators, Set<String> negatorsNeedingNe,
                            Set<String> postVerbNegators, Set<String> contrasts, Set<String> intensifiers,
                            Set<String> dampeners, java.util.Map<String, String> elisions) {

    public static final LanguageRules ENGLISH = new LanguageRules("en",
            Set.of("not", "no", "never", "nothing", "nobody", "none", "nowhere", "neither", "nor", "without",
                    "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont",
                    "wouldnt", "shouldnt", "couldnt", "havent", "hasnt", "hadnt", "aint", "hardly", "barely",
                    "rarely", "seldom", "nope", "nah", "nt"),
            Set.of(), Set.of(),
            Set.of("but", "however", "yet", "nevertheless", "except"),
            Set.of("very", "really", "so", "too", "extremely", "absolutely", "totally", "completely", "utterly",
                    "incredibly", "super", "highly", "most", "such", "truly", "fucking", "freaking", "damn",
                    "seriously", "especially", "particularly", "quite", "mega", "hella", "way", "more"),
            Set.of("slightly", "somewhat", "barely", "little", "bit", "kinda", "sorta", "kind", "sort", "less",
                    "marginally", "occasionally", "partly", "almost", "hardly"),
            java.util.Map.of());

    // "nul"/"nulle" are not negators: in social text they mean "worthless" ("service client nul") far more
    // often than "no one" ("nul ne sait"), and that "ne" negates anyway.
    public static final LanguageRules FRENCH = new LanguageRules("fr",
            Set.of("ne", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "guere", "nullement", "non"),
            Set.of("plus", "personne", "point"),
            Set.of("pas", "jamais", "rien", "plus"),
            Set.of("mais", "cependant", "pourtant", "toutefois", "neanmoins", "sauf"),
            Set.of("tres", "trop", "vraiment", "tellement", "super", "hyper", "ultra", "extremement",
                    "absolument", "totalement", "completement", "si", "grave", "carrement", "archi", "fort",
                    "particulierement", "tout", "bien", "plus", "vachement", "franchement", "terriblement"),
            Set.of("peu", "legerement", "assez", "plutot", "moins", "presque", "quasi", "guere"),
            java.util.Map.ofEntries(
                    java.util.Map.entry("l", "le"), java.util.Map.entry("d", "de"),
                    java.util.Map.entry("j", "je"), java.util.Map.entry("m", "me"),
                    java.util.Map.entry("t", "te"), java.util.Map.entry("s", "se"),
                    java.util.Map.entry("c", "ce"), java.util.Map.entry("n", "ne"),
                    java.util.Map.entry("qu", "que"), java.util.Map.entry("jusqu", "jusque"),
                    java.util.Map.entry("lorsqu", "lorsque"), java.util.Map.entry("puisqu", "puisque"),
                    java.util.Map.entry("quoiqu", "quoique")));

    public static LanguageRules forLanguage(String code) {
        return switch (code) {
            case "fr" -> FRENCH;
            case "en" -> ENGLISH;
            default -> throw new IllegalArgumentException("no sentiment rules for language " + code
                    + " (fr and en are supported)");
        };
    }
}
