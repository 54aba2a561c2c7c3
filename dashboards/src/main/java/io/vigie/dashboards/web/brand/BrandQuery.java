package io.vigie.dashboards.web.brand;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.SignificantStringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The brand page's figures in one Elasticsearch request. The query covers the range and its baseline (the 7 days
 * before, for the expected band), mentions scored before the cut only; aggregations split them.
 * Significant terms use {@code significant_text} on originals ({@code copyCount: 1}) with
 * {@code filter_duplicate_text: false}: near-copies are already left out by the filter, and de-duplicating the text
 * would hide the very words a crisis repeats.
 */
public final class BrandQuery {
    private static final long DAY = 86_400_000L;
    private final ElasticsearchClient client;
    private final String alias;
    private final ObjectMapper json = VigieJson.newMapper();

    public BrandQuery(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** @param competitors the competitor sets holding this brand, by name */
    public BrandFigures figures(String brand, Range range, long cutMillis, ZoneId zone, Map<String, List<String>> competitors)
            throws IOException {
        long from = range.from().toEpochMilli();
        long to = range.to().toEpochMilli();
        long length = to - from;
        long baseFrom = length <= DAY ? from - 7 * DAY : from - length;
        Range previous = range.previous();
        List<String> rivals = new ArrayList<>();
        competitors.values().forEach(set -> set.stream().filter(b -> !rivals.contains(b)).forEach(rivals::add));
        if (!rivals.contains(brand)) {
            rivals.add(brand);
        }
        String b = json.writeValueAsString(brand);
        String body = """
                {"size": 0, "track_total_hits": false,
                 "query": {"bool": {"filter": [
                   {"range": {"eventTime": {"gte": %2$d, "lt": %4$d, "format": "epoch_millis"}}},
                   {"range": {"scoredAt": {"lt": %5$d, "format": "epoch_millis"}}}]}},
                 "aggs": {
                   "cur": {"filter": {"bool": {"filter": [{"term": {"brands": %1$s}},
                       {"range": {"eventTime": {"gte": %3$d, "format": "epoch_millis"}}}]}}, "aggs": {
                     "hist": {"date_histogram": {"field": "eventTime", "fixed_interval": "%6$s", "time_zone": %7$s,
                         "min_doc_count": 0, "extended_bounds": {"min": %3$d, "max": %8$d}}, "aggs": {
                       "n": {"nested": {"path": "brandSentiments"}, "aggs": {
                         "b": {"filter": {"term": {"brandSentiments.brand": %1$s}}, "aggs": {
                           "label": {"terms": {"field": "brandSentiments.label", "size": 3}}}}}}}},
                     "languages": {"terms": {"field": "language", "size": 10}},
                     "sources": {"terms": {"field": "source", "size": 10}},
                     "hosts": {"terms": {"field": "sourceHost", "size": 10}},
                     "authors": {"terms": {"field": "author", "size": 10}, "aggs": {"reach": {"sum": {"field": "engagement.reach"}}}},
                     "reachAuthors": {"terms": {"field": "author", "size": 10, "order": {"reach": "desc"}},
                       "aggs": {"reach": {"sum": {"field": "engagement.reach"}}}},
                     "originals": {"filter": {"term": {"copyCount": 1}}, "aggs": {"sample": {"sampler": {"shard_size": 1000}, "aggs": {
                       "top": {"significant_text": {"field": "text", "size": 12, "filter_duplicate_text": false}},
                       "sig": {"significant_text": {"field": "text", "size": 12, "filter_duplicate_text": false,
                         "background_filter": {"bool": {"filter": [{"term": {"brands": %1$s}}, {"term": {"copyCount": 1}},
                           {"range": {"eventTime": {"gte": %9$d, "lt": %10$d, "format": "epoch_millis"}}}]}}}}}}}}}},
                   "base": {"filter": {"bool": {"filter": [{"term": {"brands": %1$s}},
                       {"range": {"eventTime": {"lt": %3$d, "format": "epoch_millis"}}}]}}, "aggs": {
                     "hist": {"date_histogram": {"field": "eventTime", "fixed_interval": "%6$s", "time_zone": %7$s,
                         "min_doc_count": 0, "extended_bounds": {"min": %2$d, "max": %11$d}}}}},
                   "sov": {"filter": {"range": {"eventTime": {"gte": %3$d, "format": "epoch_millis"}}}, "aggs": {
                     "brands": {"terms": {"field": "brands", "size": %12$d, "include": %13$s}}}}}}
                """.formatted(b, baseFrom, from, to, cutMillis, range.interval(), json.writeValueAsString(zone.getId()),
                to - 1, previous.from().toEpochMilli(), previous.to().toEpochMilli(), from - 1, rivals.size(),
                json.writeValueAsString(rivals));
        SearchResponse<Void> response = client.search(SearchRequest.of(s -> s.withJson(new StringReader(body))
                .index(alias).ignoreUnavailable(true).allowNoIndices(true)), Void.class);
        return read(brand, range, cutMillis, competitors, response);
    }

    private BrandFigures read(String brand, Range range, long cutMillis, Map<String, List<String>> competitors,
            SearchResponse<Void> response) {
        List<Long> times = new ArrayList<>();
        List<Long> volume = new ArrayList<>();
        List<Long> negative = new ArrayList<>();
        List<Long> neutral = new ArrayList<>();
        List<Long> positive = new ArrayList<>();
        Map<String, Aggregate> aggs = response.aggregations();
        if (aggs == null || aggs.get("cur") == null) {
            return empty(brand, range, cutMillis);
        }
        Map<String, Aggregate> cur = aggs.get("cur").filter().aggregations();
        long total = aggs.get("cur").filter().docCount();
        for (DateHistogramBucket h : cur.get("hist").dateHistogram().buckets().array()) {
            if (h.key() < range.from().toEpochMilli() - range.bucketMillis()) {
                continue;
            }
            times.add(h.key() / 1000);
            volume.add(h.docCount());
            Map<String, Long> labels = new HashMap<>();
            for (StringTermsBucket l : h.aggregations().get("n").nested().aggregations().get("b").filter().aggregations()
                    .get("label").sterms().buckets().array()) {
                labels.put(l.key().stringValue(), l.docCount());
            }
            negative.add(labels.getOrDefault("NEGATIVE", 0L));
            neutral.add(labels.getOrDefault("NEUTRAL", 0L));
            positive.add(labels.getOrDefault("POSITIVE", 0L));
        }
        Map<Long, List<Long>> baseBySlot = new HashMap<>();
        List<Long> baseAll = new ArrayList<>();
        boolean daily = range.bucketMillis() < DAY;
        for (DateHistogramBucket h : aggs.get("base").filter().aggregations().get("hist").dateHistogram().buckets().array()) {
            baseAll.add(h.docCount());
            baseBySlot.computeIfAbsent(Math.floorMod(h.key(), DAY), k -> new ArrayList<>()).add(h.docCount());
        }
        double flat = baseAll.stream().mapToLong(Long::longValue).average().orElse(0);
        List<Double> expected = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        for (Long t : times) {
            double mean = flat;
            if (daily) {
                List<Long> slot = baseBySlot.get(Math.floorMod(t * 1000, DAY));
                mean = slot == null ? flat : slot.stream().mapToLong(Long::longValue).average().orElse(flat);
            }
            expected.add(mean);
            low.add(Math.max(0, mean - 2 * Math.sqrt(mean)));
            high.add(mean + 2 * Math.sqrt(mean));
        }
        Map<String, Long> sovCounts = new HashMap<>();
        for (StringTermsBucket s : aggs.get("sov").filter().aggregations().get("brands").sterms().buckets().array()) {
            sovCounts.put(s.key().stringValue(), s.docCount());
        }
        List<BrandFigures.ShareOfVoice> sov = new ArrayList<>();
        competitors.forEach((name, members) -> {
            List<BrandFigures.Count> counts = new ArrayList<>();
            long sum = 0;
            for (String m : members) {
                long c = sovCounts.getOrDefault(m, 0L);
                counts.add(new BrandFigures.Count(m, c));
                sum += c;
            }
            counts.sort((x, y) -> Long.compare(y.count(), x.count()));
            sov.add(new BrandFigures.ShareOfVoice(name, counts, sum));
        });
        Map<String, Aggregate> sample = cur.get("originals").filter().aggregations().get("sample").sampler().aggregations();
        return new BrandFigures(brand, cutMillis, range.bucketMillis(), times, volume, expected, low, high, negative,
                neutral, positive, total, counts(cur.get("languages")), counts(cur.get("sources")), counts(cur.get("hosts")),
                authors(cur.get("authors")), authors(cur.get("reachAuthors")), terms(sample.get("top")),
                terms(sample.get("sig")), sov);
    }

    private static List<BrandFigures.Count> counts(Aggregate a) {
        List<BrandFigures.Count> out = new ArrayList<>();
        for (StringTermsBucket b : a.sterms().buckets().array()) {
            out.add(new BrandFigures.Count(b.key().stringValue(), b.docCount()));
        }
        return out;
    }

    private static List<BrandFigures.Author> authors(Aggregate a) {
        List<BrandFigures.Author> out = new ArrayList<>();
        for (StringTermsBucket b : a.sterms().buckets().array()) {
            out.add(new BrandFigures.Author(b.key().stringValue(), b.docCount(),
                    (long) b.aggregations().get("reach").sum().value()));
        }
        return out;
    }

    private static List<BrandFigures.Term> terms(Aggregate a) {
        List<BrandFigures.Term> out = new ArrayList<>();
        for (SignificantStringTermsBucket b : a.sigsterms().buckets().array()) {
            out.add(new BrandFigures.Term(b.key(), b.docCount(), b.bgCount(), b.score()));
        }
        return out;
    }

    static BrandFigures empty(String brand, Range range, long cutMillis) {
        return new BrandFigures(brand, cutMillis, range.bucketMillis(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), 0, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }
}
