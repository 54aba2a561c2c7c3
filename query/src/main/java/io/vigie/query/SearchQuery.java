package io.vigie.query;

import java.util.Optional;

/**
 * An analyst's search: the brand-query language plus field filters ({@code lang:fr}, {@code views>1000},
 * {@code date>=2026-11-01}). Blank means every mention, and a search may be only exclusions or only filters
 * ({@code -superman}, {@code lang:fr}), which a watched brand's query may not.
 */
public final class SearchQuery {
    private final String source;
    private final QueryNode root;

    private SearchQuery(String source, QueryNode root) {
        this.source = source;
        this.root = root;
    }

    public static SearchQuery parse(String query) {
        if (query == null || query.isBlank()) {
            return new SearchQuery("", null);
        }
        return new SearchQuery(query, QueryParser.parse(query, true));
    }

    public String source() {
        return source;
    }

    /** The tree; empty for a blank query, which matches everything. */
    public Optional<QueryNode> root() {
        return Optional.ofNullable(root);
    }

    /** This query narrowed by one more filter: what a click on a facet does. */
    public SearchQuery and(QueryField field, String value) {
        String clause = field.clause(value);
        return parse(root == null ? clause : "(" + source + ") " + clause);
    }

    @Override
    public String toString() {
        return source;
    }
}
