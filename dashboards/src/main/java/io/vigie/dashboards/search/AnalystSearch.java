package io.vigie.dashboards.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.query.QueryField;
import io.vigie.query.SearchQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysts' search on the mention alias: a first page opens a point-in-time and brings the facets and
 * histogram of the whole result set; the following pages read the same frozen result set with {@code search_after},
 * so new mentions arriving meanwhile neither shift nor repeat hits.
 */
public final class AnalystSearch {
    /** The facets a result set shows, in the order of the page. */
    public static final List<QueryField> FACETS = List.of(QueryField.BRAND, QueryField.SENTIMENT, QueryField.LANG,
            QueryField.SOURCE, QueryField.HOST, QueryField.KIND, QueryField.AUTHOR);
    static final String KEEP_ALIVE = "5m";
    static final int FACET_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 200;

    private final ElasticsearchClient client;
    private final String alias;

    public AnalystSearch(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** The first page of a search, with the result set's facets and histogram. */
    public SearchPage first(SearchQuery query, SearchSort sort, int size) throws IOException {
        String pit = openPit();
        return read(new SearchCursor(pit, query.source(), sort, clamp(size), List.of(), 0), true);
    }

    /** The page after a cursor: the same query on the same point-in-time (whose life it extends). */
    public SearchPage next(SearchCursor cursor) throws IOException {
        try {
            return read(cursor, false);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                throw new ExpiredResultSetException(e);
            }
            throw e;
        }
    }

    /** Frees a point-in-time now rather than at the end of its keep-alive (when a reader leaves). */
    public void close(SearchCursor cursor) throws IOException {
        client.closePointInTime(c -> c.id(cursor.pitId()));
    }

    String openPit() throws IOException {
        return client.openPointInTime(p -> p.index(alias).keepAlive(t -> t.time(KEEP_ALIVE))
                .ignoreUnavailable(true).allowPartialSearchResults(false)).id();
    }

    private SearchPage read(SearchCursor cursor, boolean withAggregations) throws IOException {
        Query query = SearchTranslator.toQuery(SearchQuery.parse(cursor.query()));
        CalendarInterval interval = withAggregations ? histogramInterval(cursor.pitId(), query) : null;
        SearchRequest request = SearchRequest.of(s -> {
            s.pit(p -> p.id(cursor.pitId()).keepAlive(t -> t.time(KEEP_ALIVE)))
                    .query(query)
                    .size(cursor.size())
                    .sort(cursor.sort().options())
                    .trackTotalHits(t -> t.enabled(withAggregations))
                    .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>")
                            .fields(SearchTranslator.TEXT_FIELD, f -> f.fragmentSize(160).numberOfFragments(2)))
                    .source(src -> src.filter(f -> f.excludes("safeHtml", "foldedText", "media", "provenance")));
            if (!cursor.after().isEmpty()) {
                s.searchAfter(cursor.searchAfter());
            }
            if (withAggregations) {
                s.aggregations(aggregations(interval));
            }
            return s;
        });
        SearchResponse<JsonNode> response = client.search(request, JsonNode.class);
        List<SearchPage.SearchHit> hits = new ArrayList<>();
        List<Object> last = cursor.after();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            hits.add(hitOf(hit));
            last = SearchCursor.valuesOf(hit.sort());
        }
        String pit = response.pitId() == null ? cursor.pitId() : response.pitId();
        int page = cursor.page() + 1;
        SearchCursor next = hits.size() < cursor.size()
                ? null : new SearchCursor(pit, cursor.query(), cursor.sort(), cursor.size(), last, page);
        long total = withAggregations && response.hits().total() != null ? response.hits().total().value() : -1;
        return new SearchPage(total, hits, withAggregations ? facets(response) : Map.of(),
                withAggregations ? histogram(response) : List.of(), next, page);
    }

    /**
     * The histogram's step for the result set's time span, at most about 100 bars. The local Elasticsearch has no
     * {@code auto_date_histogram} (aggregations module), so the span is asked first: a min/max of the matches.
     */
    private CalendarInterval histogramInterval(String pit, Query query) throws IOException {
        SearchResponse<Void> span = client.search(s -> s.pit(p -> p.id(pit)).query(query).size(0)
                .trackTotalHits(t -> t.enabled(false))
                .aggregations("first", a -> a.min(m -> m.field(SearchTranslator.DATE_FIELD)))
                .aggregations("last", a -> a.max(m -> m.field(SearchTranslator.DATE_FIELD))), Void.class);
        double first = span.aggregations().get("first").min().value();
        double last = span.aggregations().get("last").max().value();
        return intervalFor(Double.isFinite(first) && Double.isFinite(last) ? Duration.ofMillis((long) (last - first)) : Duration.ZERO);
    }

    static CalendarInterval intervalFor(Duration span) {
        if (span.compareTo(Duration.ofDays(4)) <= 0) {
            return CalendarInterval.Hour;
        }
        if (span.compareTo(Duration.ofDays(100)) <= 0) {
            return CalendarInterval.Day;
        }
        if (span.compareTo(Duration.ofDays(700)) <= 0) {
            return CalendarInterval.Week;
        }
        return CalendarInterval.Month;
    }

    static Map<String, Aggregation> aggregations(CalendarInterval interval) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        for (QueryField f : FACETS) {
            String field = f == QueryField.AUTHOR ? "author" : SearchTranslator.indexField(f);
            aggs.put(f.queryName(), Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE))));
        }
        aggs.put("histogram", Aggregation.of(a -> a
                .dateHistogram(h -> h.field(SearchTranslator.DATE_FIELD).calendarInterval(interval).minDocCount(0))
                .aggregations("sentiment", s -> s.terms(t -> t.field("sentiment.label").size(3)))));
        return aggs;
    }

    private static Map<QueryField, List<SearchPage.FacetCount>> facets(SearchResponse<JsonNode> response) {
        Map<QueryField, List<SearchPage.FacetCount>> out = new LinkedHashMap<>();
        for (QueryField f : FACETS) {
            Aggregate agg = response.aggregations().get(f.queryName());
            List<SearchPage.FacetCount> counts = new ArrayList<>();
            if (agg != null && agg.isSterms()) {
                for (StringTermsBucket b : agg.sterms().buckets().array()) {
                    counts.add(new SearchPage.FacetCount(f, b.key().stringValue(), b.docCount()));
                }
            }
            out.put(f, counts);
        }
        return out;
    }

    private static List<SearchPage.HistogramBucket> histogram(SearchResponse<JsonNode> response) {
        List<SearchPage.HistogramBucket> out = new ArrayList<>();
        Aggregate agg = response.aggregations().get("histogram");
        if (agg == null) {
            return out;
        }
        for (DateHistogramBucket b : agg.dateHistogram().buckets().array()) {
            Map<String, Long> bySentiment = new LinkedHashMap<>();
            Aggregate s = b.aggregations().get("sentiment");
            if (s != null && s.isSterms()) {
                s.sterms().buckets().array().forEach(x -> bySentiment.put(x.key().stringValue(), x.docCount()));
            }
            out.add(new SearchPage.HistogramBucket(Instant.ofEpochMilli(b.key()), b.docCount(),
                    bySentiment.getOrDefault("POSITIVE", 0L), bySentiment.getOrDefault("NEUTRAL", 0L),
                    bySentiment.getOrDefault("NEGATIVE", 0L)));
        }
        return out;
    }

    static SearchPage.SearchHit hitOf(Hit<JsonNode> hit) {
        JsonNode d = hit.source();
        List<String> brands = new ArrayList<>();
        d.path("brands").forEach(n -> brands.add(n.asText()));
        List<String> highlight = hit.highlight().getOrDefault(SearchTranslator.TEXT_FIELD, List.of());
        return new SearchPage.SearchHit(
                d.path("id").asText(hit.id()),
                d.hasNonNull("eventTime") ? Instant.parse(d.get("eventTime").asText()) : null,
                brands,
                text(d, "source"),
                text(d, "sourceHost"),
                text(d, "kind"),
                text(d, "url"),
                text(d, "author"),
                text(d, "title"),
                text(d, "text"),
                highlight,
                text(d, "language"),
                d.path("sentiment").path("label").asText(null),
                d.path("sentiment").hasNonNull("score") ? d.path("sentiment").get("score").asDouble() : null,
                d.path("engagement").hasNonNull("views") ? d.path("engagement").get("views").asLong() : null,
                d.path("engagement").hasNonNull("reach") ? d.path("engagement").get("reach").asLong() : null);
    }

    private static String text(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }

    private static int clamp(int size) {
        return Math.max(1, Math.min(MAX_PAGE_SIZE, size));
    }

    /** The point-in-time of a cursor has expired (its reader left for longer than the keep-alive): search again. */
    public static final class ExpiredResultSetException extends IOException {
        ExpiredResultSetException(Throwable cause) {
            super("the result set has expired; run the search again", cause);
        }
    }
}
