package io.vigie.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A watched brand's compiled query: the source text and its tree, matched against a mention's text in Java.
 * {@link #parse} refuses a query that does not parse with a {@link QueryParseException} giving the character position
 * of the problem. It takes every text operator of the language (see the module README) and refuses field filters
 * ({@code lang:}, {@code views>…}): a brand's query is judged on the text alone, and a brand's languages are its
 * {@code languages} setting.
 */
public final class BrandQuery {
    private final String source;
    private final QueryNode root;

    private BrandQuery(String source, QueryNode root) {
        this.source = source;
        this.root = root;
    }

    public static BrandQuery parse(String query) {
        return new BrandQuery(query, QueryParser.parse(query, false));
    }

    public String source() {
        return source;
    }

    public QueryNode root() {
        return root;
    }

    public boolean matches(TextTokens text) {
        return root.matches(text);
    }

    /** The leaves that name the brand (not under a NOT, first part of an AND, left side of a NEAR). */
    public List<QueryNode> names() {
        List<QueryNode> names = new ArrayList<>();
        root.collectNames(names);
        return names;
    }

    /** Every folded word the query names, excluded ones included (kept out of a brand's top terms). */
    public Set<String> words() {
        Set<String> out = new HashSet<>();
        collectWords(root, out);
        return out;
    }

    static void collectWords(QueryNode node, Set<String> out) {
        if (node instanceof QueryNode.Word w) {
            out.add(w.word());
        } else if (node instanceof QueryNode.Phrase p) {
            out.addAll(p.words());
        } else if (node instanceof QueryNode.Proximity p) {
            out.addAll(p.words());
        } else if (node instanceof QueryNode.AnyOf a) {
            a.options().forEach(o -> collectWords(o, out));
        } else if (node instanceof QueryNode.PositionalAnyOf a) {
            a.options().forEach(o -> collectWords(o, out));
        } else if (node instanceof QueryNode.AllOf a) {
            a.parts().forEach(o -> collectWords(o, out));
        } else if (node instanceof QueryNode.Not n) {
            collectWords(n.negated(), out);
        } else if (node instanceof QueryNode.Near n) {
            collectWords(n.left(), out);
            collectWords(n.right(), out);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
