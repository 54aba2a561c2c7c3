package io.vigie.analyze.sentiment.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Explicit irony markers: the hashtags people add to say they mean the opposite (#sarcasm, #not, #ironie) and set
 * phrases that only exist ironically ("thanks for nothing", "merci pour rien", "yeah right"). A statistical model
 * reads the praise words around them and calls such a text positive; the marker says it is a complaint. Implicit
 * irony, without a marker, is left to the model (it mostly misses it). Thread-safe.
 */
public final class IronyMarkers {
    private static final Pattern MARKERS = Pattern.compile(String.join("|",
            "#(?:sarcasm|sarcastic|irony|ironic|not|notreally|sarcasme|ironie|ironique|oupas)\\b",
            "\\bthanks? (?:a lot )?for nothing\\b", "\\byeah,? right\\b", "\\bmerci pour rien\\b",
            "\\bmerci du cadeau\\b", "\\bc'est ca oui\\b", "\\bou pas\\b\\s*[.!?…]*\\s*$"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    public boolean isMarkedIronic(String text) {
        String folded = ACCENTS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('’', '\'').toLowerCase(Locale.ROOT);
        return MARKERS.matcher(folded).find();
    }
}
