package io.vigie.dashboards.desk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.model.IncidentEvent;
import io.vigie.model.MentionResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The desk's queue: mentions that need an answer (negative about one of their brands, or asking something),
 * not answered and not set aside, ranked first by the incident they belong to (a mention that drove an unresolved
 * incident, then any mention of a brand in crisis), then by reach; filtered by brand, language and source. The
 * candidates come from Elasticsearch ({@code response.status} filters out what is handled); the response state
 * shown is the desk's, which is fresher than the index.
 */
public final class DeskQueue {
    static final int CANDIDATES = 500;

    /** Filters of the queue; null or blank means any. {@code withHandled} also lists answered / set-aside ones. */
    public record Filter(String brand, String language, String source, Duration window, boolean withHandled) {}

    /**
     * One mention on the desk.
     *
     * @param incidentId the unresolved incident it belongs to, if any
     * @param drove true when it is one of the mentions that drove that incident
     * @param waited from the mention's event time to its first answer, or to now
     */
    public record Item(String mentionId, List<String> brands, String title, String text, String url,
            String replyUrl, String author, String source, String kind, String language, String sentiment,
            boolean question, long reach, Instant eventTime, String incidentId, boolean drove,
            MentionResponse response, Duration waited) {}

    private final ElasticsearchClient client;
    private final String alias;

    public DeskQueue(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    public List<Item> queue(Filter filter, Function<String, Optional<MentionResponse>> responses,
            Function<String, List<IncidentEvent>> unresolvedOfBrand, Instant now, int size) throws IOException {
        Duration window = filter.window() == null ? Duration.ofDays(7) : filter.window();
        Query query = Query.of(q -> q.bool(b -> {
            b.filter(f -> f.term(t -> t.field("backfill").value(false)));
            b.filter(f -> f.range(r -> r.date(d -> d.field("eventTime").gte(now.minus(window).toString()))));
            term(b, "brands", filter.brand());
            term(b, "language", filter.language());
            term(b, "source", filter.source());
            b.should(s -> s.term(t -> t.field("question").value(true)));
            b.should(s -> s.nested(n -> n.path("brandSentiments").query(nq -> nq.bool(nb -> {
                nb.filter(f -> f.term(t -> t.field("brandSentiments.label").value("NEGATIVE")));
                if (present(filter.brand())) {
                    nb.filter(f -> f.term(t -> t.field("brandSentiments.brand").value(filter.brand())));
                }
                return nb;
            }))));
            b.minimumShouldMatch("1");
            if (!filter.withHandled()) {
                b.mustNot(m -> m.terms(t -> t.field("response.status").terms(v -> v.value(List.of(
                        FieldValue.of("ANSWERED"), FieldValue.of("NO_ANSWER_NEEDED"))))));
            }
            return b;
        }));
        SearchResponse<JsonNode> found = client.search(s -> s.index(alias).ignoreUnavailable(true)
                .allowNoIndices(true).query(query).size(CANDIDATES)
                .sort(o -> o.field(f -> f.field("engagement.reach").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("eventTime").order(SortOrder.Desc))), JsonNode.class);
        List<Item> items = new ArrayList<>();
        for (Hit<JsonNode> hit : found.hits().hits()) {
            JsonNode d = hit.source();
            if (d == null) {
                continue;
            }
            String id = d.path("id").asText(hit.id());
            MentionResponse response = responses.apply(id).orElse(null);
            if (!filter.withHandled() && response != null && !response.isWaiting()) {
                continue; // answered on this desk since the index was last refreshed
            }
            List<String> brands = new ArrayList<>();
            d.path("brands").forEach(n -> brands.add(n.asText()));
            IncidentEvent incident = null;
            boolean drove = false;
            for (String brand : brands) {
                for (IncidentEvent i : unresolvedOfBrand.apply(brand)) {
                    boolean drives = i.topMentionIds().contains(id);
                    if (incident == null || drives && !drove) {
                        incident = i;
                        drove = drives;
                    }
                }
            }
            Instant eventTime = d.hasNonNull("eventTime") ? Instant.parse(d.get("eventTime").asText()) : null;
            Instant waitEnd = response != null && response.firstAnsweredAt() != null ? response.firstAnsweredAt() : now;
            items.add(new Item(id, brands, d.path("title").asText(""), d.path("text").asText(""),
                    d.path("url").asText(null), ReplyLinks.replyLink(d), d.path("author").asText(null),
                    d.path("source").asText(""), d.path("kind").asText(""), d.path("language").asText(""),
                    d.path("sentiment").path("label").asText(""), d.path("question").asBoolean(),
                    d.path("engagement").path("reach").asLong(0), eventTime,
                    incident == null ? null : incident.incidentId(), drove, response,
                    eventTime == null ? null : Duration.between(eventTime, waitEnd)));
        }
        items.sort(Comparator.comparing((Item i) -> i.drove() ? 0 : i.incidentId() != null ? 1 : 2)
                .thenComparing(Item::reach, Comparator.reverseOrder())
                .thenComparing(Item::eventTime, Comparator.nullsLast(Comparator.reverseOrder())));
        return items.size() > size ? List.copyOf(items.subList(0, size)) : items;
    }

    private static void term(co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder b, String field,
            String value) {
        if (present(value)) {
            b.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
