package io.vigie.dashboards.desk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An author's history in Vigie, so the team answers where that person actually speaks: how many mentions, on
 * which sources and kinds (posts, comments, videos), and their sentiment week by week. One Elasticsearch
 * aggregation on {@code author} (exact), optionally within one source (the same name on two sites may be two
 * people: the page shows the sources so the reader judges).
 */
public final class AuthorHistory {
    /** @param weeks week start → sentiment label → count, oldest first */
    public record History(String author, long mentions, Map<String, Long> sources, Map<String, Long> kinds,
            Map<Instant, Map<String, Long>> weeks) {}

    private final ElasticsearchClient client;
    private final String alias;

    public AuthorHistory(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    public History of(String author, String source) throws IOException {
        SearchResponse<Void> r = client.search(s -> s.index(alias).ignoreUnavailable(true).allowNoIndices(true)
                .size(0).trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.term(t -> t.field("author").value(author)));
                    if (source != null && !source.isBlank()) {
                        b.filter(f -> f.term(t -> t.field("source").value(source)));
                    }
                    return b;
                }))
                .aggregations("sources", a -> a.terms(t -> t.field("source").size(20)))
                .aggregations("kinds", a -> a.terms(t -> t.field("kind").size(5)))
                .aggregations("weeks", a -> a.dateHistogram(h -> h.field("eventTime")
                                .calendarInterval(CalendarInterval.Week).minDocCount(1))
                        .aggregations("sentiment", s2 -> s2.terms(t -> t.field("sentiment.label").size(3)))),
                Void.class);
        long total = r.hits().total() == null ? 0 : r.hits().total().value();
        Map<Instant, Map<String, Long>> weeks = new LinkedHashMap<>();
        Aggregate weekAgg = r.aggregations().get("weeks");
        if (weekAgg != null) {
            for (var week : weekAgg.dateHistogram().buckets().array()) {
                weeks.put(Instant.ofEpochMilli(week.key()), counts(week.aggregations().get("sentiment")));
            }
        }
        return new History(author, total, counts(r.aggregations().get("sources")),
                counts(r.aggregations().get("kinds")), weeks);
    }

    private static Map<String, Long> counts(Aggregate terms) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (terms == null) {
            return out;
        }
        List<StringTermsBucket> buckets = new ArrayList<>(terms.sterms().buckets().array());
        for (StringTermsBucket b : buckets) {
            out.put(b.key().stringValue(), b.docCount());
        }
        return out;
    }
}
