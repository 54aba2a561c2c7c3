package io.vigie.dashboards.search;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.util.List;
import java.util.Locale;

/**
 * The orders a result set can be read in. Every one ends on the date, then on the point-in-time's
 * {@code _shard_doc} that Elasticsearch appends to a PIT search, so the order is total and stable: paging with
 * {@code search_after} never shows a hit twice nor skips one.
 */
public enum SearchSort {
    /** Newest first. */
    DATE,
    /** Best match first. */
    RELEVANCE,
    /** Most viewed first ({@code engagement.views}, the engagement figure most sources give). */
    ENGAGEMENT,
    /** Widest reach first ({@code engagement.reach}). */
    REACH;

    public static SearchSort named(String name) {
        if (name == null || name.isBlank()) {
            return DATE;
        }
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    List<SortOptions> options() {
        SortOptions newest = SortOptions.of(s -> s.field(f -> f.field(SearchTranslator.DATE_FIELD).order(SortOrder.Desc)));
        return switch (this) {
            case DATE -> List.of(newest);
            case RELEVANCE -> List.of(SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc))), newest);
            case ENGAGEMENT -> List.of(byMost("engagement.views"), newest);
            case REACH -> List.of(byMost("engagement.reach"), newest);
        };
    }

    private static SortOptions byMost(String field) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(SortOrder.Desc).missing("_last")));
    }
}
