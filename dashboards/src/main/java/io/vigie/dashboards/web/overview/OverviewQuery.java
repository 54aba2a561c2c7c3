package io.vigie.dashboards.web.overview;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of every tile in one Elasticsearch request over the last 8 days of mentions, counted at their publication
 * time whether they were read live or late (backfill): a history loaded when a brand or a source is added is the
 * brand's usual volume, as it is for the detectors.
 */
public final class OverviewQuery {
    /**
     * Per brand, the raw counts; the tile adds names and incidents.
     *
     * @param weekBefore mentions in the 7 days before the last 24 hours
     * @param historyHours how many hours of those 7 days the brand has mentions for: from its first mention (or the
     *     start of the 7 days) to the start of the last 24 hours; 0 when its first mention is in the last 24 hours
     */
    public record Counts(long lastHour, long lastDay, long weekBefore, double historyHours, long negativeDay,
            List<Long> sparkline) {
        public static Counts none() {
            return new Counts(0, 0, 0, 0, 0, java.util.Collections.nCopies(24, 0L));
        }

        /** The usual volume of an hour over the history there is; 0 without history. */
        public double expectedHour() {
            return historyHours <= 0 ? 0 : weekBefore / historyHours;
        }
    }

    private final ElasticsearchClient client;
    private final String alias;

    public OverviewQuery(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /**
     * Hours of history before the last 24 hours: from the brand's first mention (epoch millis, null or NaN without
     * one) or the start of the 8 days, whichever is later, to the start of the last 24 hours; 0 when the first
     * mention is within the last 24 hours.
     */
    static double historyHours(Double firstMention, long nowMillis) {
        long dayStart = nowMillis - 86_400_000L;
        if (firstMention == null || firstMention.isNaN() || firstMention >= dayStart) {
            return 0;
        }
        return (dayStart - Math.max(firstMention, nowMillis - 8 * 86_400_000.0)) / 3_600_000.0;
    }

    public Map<String, Counts> counts(Instant now) throws IOException {
        Instant hourEnd = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant sparkFrom = hourEnd.minus(24, ChronoUnit.HOURS);
        long n = now.toEpochMilli();
        String body = """
                {"size": 0,
                 "query": {"bool": {"filter": [
                   {"range": {"eventTime": {"gte": %1$d, "lte": %2$d, "format": "epoch_millis"}}}]}},
                 "aggs": {
                   "brand": {"terms": {"field": "brands", "size": 1000}, "aggs": {
                     "hour": {"filter": {"range": {"eventTime": {"gte": %3$d, "format": "epoch_millis"}}}},
                     "day": {"filter": {"range": {"eventTime": {"gte": %4$d, "format": "epoch_millis"}}}},
                     "week": {"filter": {"range": {"eventTime": {"lt": %4$d, "format": "epoch_millis"}}}},
                     "first": {"min": {"field": "eventTime"}},
                     "spark": {"filter": {"range": {"eventTime": {"gte": %5$d, "format": "epoch_millis"}}}, "aggs": {
                       "h": {"date_histogram": {"field": "eventTime", "fixed_interval": "1h",
                         "min_doc_count": 0, "extended_bounds": {"min": %5$d, "max": %6$d}}}}}}},
                   "day": {"filter": {"range": {"eventTime": {"gte": %4$d, "format": "epoch_millis"}}}, "aggs": {
                     "nested": {"nested": {"path": "brandSentiments"}, "aggs": {
                       "brand": {"terms": {"field": "brandSentiments.brand", "size": 1000}, "aggs": {
                         "negative": {"filter": {"term": {"brandSentiments.label": "NEGATIVE"}}}}}}}}}}}
                """.formatted(n - 8 * 86_400_000L, n, n - 3_600_000L, n - 86_400_000L, sparkFrom.toEpochMilli(),
                hourEnd.toEpochMilli() - 3_600_000L);
        SearchResponse<Void> response = client.search(SearchRequest.of(s -> s.withJson(new StringReader(body))
                .index(alias).ignoreUnavailable(true).allowNoIndices(true)), Void.class);
        Map<String, Long> negative = new HashMap<>();
        Aggregate day = response.aggregations().get("day");
        if (day != null) {
            for (StringTermsBucket b : day.filter().aggregations().get("nested").nested().aggregations().get("brand")
                    .sterms().buckets().array()) {
                negative.put(b.key().stringValue(), b.aggregations().get("negative").filter().docCount());
            }
        }
        Map<String, Counts> out = new HashMap<>();
        Aggregate brands = response.aggregations().get("brand");
        if (brands == null) {
            return out;
        }
        for (StringTermsBucket b : brands.sterms().buckets().array()) {
            List<Long> spark = new ArrayList<>();
            for (DateHistogramBucket h : b.aggregations().get("spark").filter().aggregations().get("h").dateHistogram()
                    .buckets().array()) {
                spark.add(h.docCount());
            }
            String brand = b.key().stringValue();
            double historyHours = historyHours(b.aggregations().get("first").min().value(), n);
            out.put(brand, new Counts(b.aggregations().get("hour").filter().docCount(),
                    b.aggregations().get("day").filter().docCount(), b.aggregations().get("week").filter().docCount(),
                    historyHours, negative.getOrDefault(brand, 0L), spark));
        }
        return out;
    }
}
