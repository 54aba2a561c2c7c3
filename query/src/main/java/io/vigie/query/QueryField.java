package io.vigie.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The field operators of the search language ({@code lang:fr}, {@code views>1000}, {@code date>=2026-11-01}).
 * They filter on what a mention is, not on its words, so only search accepts them: a watched brand's query is
 * matched against the text alone (see {@link BrandQuery}). Which index field each one reads is the search
 * translator's business; this enum only says how its value is written.
 */
public enum QueryField {
    BRAND(Type.TERM, "brand"),
    LANG(Type.TERM, "lang", "language"),
    SENTIMENT(Type.TERM, "sentiment"),
    SOURCE(Type.TERM, "source"),
    HOST(Type.TERM, "site", "host"),
    AUTHOR(Type.TEXT, "author"),
    KIND(Type.TERM, "kind"),
    STATUS(Type.TERM, "status"),
    VIEWS(Type.NUMBER, "views"),
    LIKES(Type.NUMBER, "likes"),
    COMMENTS(Type.NUMBER, "comments"),
    SHARES(Type.NUMBER, "shares"),
    REACH(Type.NUMBER, "reach"),
    COPIES(Type.NUMBER, "copies"),
    DATE(Type.DATE, "date");

    /** How a value is compared: a keyword, words of a name, or an ordered value that takes ranges. */
    public enum Type { TERM, TEXT, NUMBER, DATE }

    private final Type type;
    private final List<String> names;

    QueryField(Type type, String... names) {
        this.type = type;
        this.names = List.of(names);
    }

    public Type type() {
        return type;
    }

    /** The name written in queries (the first one; {@code host:} is also {@code site:}). */
    public String queryName() {
        return names.get(0);
    }

    public List<String> names() {
        return names;
    }

    public boolean ranged() {
        return type == Type.NUMBER || type == Type.DATE;
    }

    public static Optional<QueryField> named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.names.contains(n)).findFirst();
    }

    /** Every name, for error messages. */
    static String allNames() {
        return Arrays.stream(values()).flatMap(f -> f.names.stream()).collect(Collectors.joining(", "));
    }

    /**
     * The clause that filters on one value, quoted when the value has spaces or brackets: what a facet click appends
     * to the query, so the filter is in the query text the analyst can read, edit, save and share.
     */
    public String clause(String value) {
        boolean plain = !value.isEmpty() && value.chars().noneMatch(c -> Character.isWhitespace(c) || "()\"“”«»".indexOf(c) >= 0);
        if (plain) {
            return queryName() + ":" + value;
        }
        return queryName() + ":" + (value.indexOf('"') < 0 ? "\"" + value + "\"" : "«" + value + "»");
    }
}
