package io.vigie.dashboards.web.brand;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.dashboards.web.live.MentionCard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The newest mentions of a brand scored before the cut, for the stream's first screen. */
public final class RecentMentions {
    private final ElasticsearchClient client;
    private final String alias;

    public RecentMentions(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    public List<MentionCard> newest(String brand, Range range, long cutMillis, int size) throws IOException {
        SearchResponse<JsonNode> response = client.search(s -> s.index(alias).ignoreUnavailable(true).allowNoIndices(true)
                .size(size)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("brands").value(brand)))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("eventTime")
                                .gte(co.elastic.clients.json.JsonData.of(range.from().toEpochMilli()))
                                .lt(co.elastic.clients.json.JsonData.of(range.to().toEpochMilli())).format("epoch_millis"))))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("scoredAt")
                                .lt(co.elastic.clients.json.JsonData.of(cutMillis)).format("epoch_millis"))))))
                .sort(o -> o.field(f -> f.field("eventTime").order(SortOrder.Desc))), JsonNode.class);
        List<MentionCard> out = new ArrayList<>();
        for (Hit<JsonNode> h : response.hits().hits()) {
            if (h.source() != null) {
                out.add(MentionCard.ofDocument(h.source()));
            }
        }
        return out;
    }
}
