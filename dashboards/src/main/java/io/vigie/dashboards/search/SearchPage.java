package io.vigie.dashboards.search;

import io.vigie.query.QueryField;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of a result set. Facets and histogram are those of the whole result set, computed with the first page
 * (empty on the following ones, which a page keeps from the first).
 *
 * @param next the cursor of the following page, null after the last
 */
public record SearchPage(long total, List<SearchHit> hits, Map<QueryField, List<FacetCount>> facets,
        List<HistogramBucket> histogram, SearchCursor next, int page) {

    /**
     * One mention found.
     *
     * @param highlight fragments of the (folded) title and text around the matches, HTML-escaped by Elasticsearch
     *     with the matches in {@code <mark>}: safe to insert as HTML
     */
    public record SearchHit(String id, Instant date, List<String> brands, String source, String host, String kind,
            String url, String author, String title, String text, List<String> highlight, String language,
            String sentiment, Double sentimentScore, Long views, Long reach) {}

    /** A value of a facet and how many mentions of the result set have it; a click adds {@code field:value}. */
    public record FacetCount(QueryField field, String value, long count) {
        public String clause() {
            return field.clause(value);
        }
    }

    /** Mentions of the result set in one interval of the histogram, by whole-text sentiment. */
    public record HistogramBucket(Instant start, long count, long positive, long neutral, long negative) {}
}
