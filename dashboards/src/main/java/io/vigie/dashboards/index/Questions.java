package io.vigie.dashboards.index;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a mention asks something, for the response desk's queue (negative mentions and questions need an
 * answer). A question mark, or a sentence opening with a French or English question word. Deliberately simple:
 * a false positive costs a teammate one "no answer needed", a missed question costs a customer.
 */
final class Questions {
    private static final Pattern OPENING = Pattern.compile(
            "(?:^|[.!\\n]\\s*)(?:how|why|what|when|where|who|which|can anyone|does anyone|is there|anyone know"
                    + "|comment|pourquoi|quand|où|qui|quel|quelle|quels|quelles|est-ce que|quelqu'un|quelqu’un)\\b",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);

    private Questions() {}

    static boolean asks(String title, String text) {
        String all = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
        if (all.indexOf('?') >= 0 || all.indexOf('？') >= 0) {
            return true;
        }
        return OPENING.matcher(all.toLowerCase(Locale.ROOT)).find();
    }
}
