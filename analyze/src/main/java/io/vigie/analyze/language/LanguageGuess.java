package io.vigie.analyze.language;

/**
 * The language of one text.
 *
 * @param language "fr", "en" or "other"
 * @param confidence in [0, 1]: how far the chosen language is ahead of the runner-up (0 when nothing was detectable)
 * @param fromHint true when the caller's hint decided because the text itself was too short or ambiguous
 */
public record LanguageGuess(String language, double confidence, boolean fromHint) {
    public static final String FRENCH = "fr";
    public static final String ENGLISH = "en";
    public static final String OTHER = "other";

    public LanguageGuess {
        if (!FRENCH.equals(language) && !ENGLISH.equals(language) && !OTHER.equals(language)) {
            throw new IllegalArgumentException("language must be fr, en or other, got " + language);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }
}
