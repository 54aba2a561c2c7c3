package io.vigie.query;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A query that does not parse. {@link #position()} is the 0-based character offset of the problem, {@link #key()}
 * names the problem in {@code io/vigie/query/messages*.properties} so a page can say it in the user's language
 * ({@link #problem(Locale)}); {@link #getMessage()} is the English text for logs and configuration errors.
 */
public final class QueryParseException extends IllegalArgumentException {
    private static final String BUNDLE = "io.vigie.query.messages";

    private final int position;
    private final String key;
    private final Object[] args;

    public QueryParseException(String key, int position, Object... args) {
        super("at position " + position + ": " + format(key, Locale.ROOT, args));
        this.position = position;
        this.key = key;
        this.args = args.clone();
    }

    public int position() {
        return position;
    }

    /** The message key, e.g. {@code query.near.distance}. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The problem in English. */
    public String problem() {
        return problem(Locale.ROOT);
    }

    /** The problem in the given language (French or English; English for any other). */
    public String problem(Locale locale) {
        return format(key, locale, args);
    }

    /** The query with a caret under the faulty position, for terminals. */
    public String pointAt(String query) {
        return query + "\n" + " ".repeat(Math.max(0, Math.min(position, query.length()))) + "^ " + problem();
    }

    private static String format(String key, Locale locale, Object[] args) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message for query error key " + key, e);
        }
    }
}
