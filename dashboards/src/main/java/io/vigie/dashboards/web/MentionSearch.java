package io.vigie.dashboards.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.dashboards.index.FoldedText;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The queries behind the live page, on the {@code vigie-mentions} alias. */
public final class MentionSearch {
    private static final String BRAND_TILES = """
            {"size": 0,
             "query": {"bool": {"filter": [
               {"range": {"eventTime": {"gte": "now-24h"}}},
               {"term": {"backfill": false}}]}},
             "aggs": {"per_brand": {"nested": {"path": "brandSentiments"},
               "aggs": {"brand": {"terms": {"field": "brandSentiments.brand", "size": 500},
                 "aggs": {
                   "negative": {"filter": {"term": {"brandSentiments.label": "NEGATIVE"}}},
                   "mentions": {"reverse_nested": {}, "aggs": {
                     "last_hour": {"filter": {"range": {"eventTime": {"gte": "now-1h"}}}},
                     "latest": {"max": {"field": "eventTime"}}}}}}}}}}""";

    private final ElasticsearchClient client;
    private final String alias;

    public MentionSearch(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Every brand with a live mention in the last 24 hours, the busiest first. */
    public List<BrandTile> brandTiles() throws IOException {
        SearchResponse<Void> response = client.search(SearchRequest.of(s -> s
                .withJson(new StringReader(BRAND_TILES))
                .index(alias)
                .ignoreUnavailable(true)
                .allowNoIndices(true)), Void.class);
        List<BrandTile> tiles = new ArrayList<>();
        Aggregate perBrand = response.aggregations().get("per_brand");
        if (perBrand == null) {
            return tiles;
        }
        for (StringTermsBucket b : perBrand.nested().aggregations().get("brand").sterms().buckets().array()) {
            var mentions = b.aggregations().get("mentions").reverseNested();
            double latest = mentions.aggregations().get("latest").max().value();
            tiles.add(new BrandTile(
                    b.key().stringValue(),
                    mentions.docCount(),
                    mentions.aggregations().get("last_hour").filter().docCount(),
                    b.aggregations().get("negative").filter().docCount(),
                    Double.isFinite(latest) ? Instant.ofEpochMilli((long) latest) : null));
        }
        return tiles;
    }

    /**
     * Mentions matching the words of {@code text} in any language field or, accent-blind, in {@code foldedText};
     * the newest first when {@code text} is blank, the best matches first otherwise.
     *
     * @param brand a brand id to keep only its mentions, or null
     */
    public SearchResult search(String text, String brand, int size) throws IOException {
        boolean hasText = text != null && !text.isBlank();
        Query query = Query.of(q -> q.bool(b -> {
            if (hasText) {
                b.should(s -> s.multiMatch(m -> m.query(text)
                        .fields("title^2", "text", "title.fr^2", "text.fr", "title.en^2", "text.en", "author.text")));
                b.should(s -> s.match(m -> m.field("foldedText").query(FoldedText.of(text))));
                b.minimumShouldMatch("1");
            }
            if (brand != null && !brand.isBlank()) {
                b.filter(f -> f.term(t -> t.field("brands").value(brand)));
            }
            return b;
        }));
        SearchResponse<JsonNode> response = client.search(s -> {
            s.index(alias).ignoreUnavailable(true).allowNoIndices(true).query(query).size(size).trackTotalHits(t -> t.enabled(true));
            if (!hasText) {
                s.sort(o -> o.field(f -> f.field("eventTime").order(SortOrder.Desc)));
            }
            return s;
        }, JsonNode.class);
        List<MentionHit> hits = new ArrayList<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            JsonNode d = hit.source();
            if (d == null) {
                continue;
            }
            List<String> brands = new ArrayList<>();
            d.path("brands").forEach(n -> brands.add(n.asText()));
            String title = d.path("title").asText("");
            hits.add(new MentionHit(
                    d.path("id").asText(hit.id()),
                    title.isBlank() ? MentionHit.excerptOf(d.path("text").asText("")) : title,
                    MentionHit.excerptOf(d.path("text").asText("")),
                    MentionHit.linkOf(d.path("url").asText(null)),
                    d.path("source").asText(""),
                    d.path("kind").asText(""),
                    d.hasNonNull("eventTime") ? Instant.parse(d.get("eventTime").asText()) : null,
                    d.path("sentiment").path("label").asText(""),
                    brands,
                    d.path("language").asText("")));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(total, hits);
    }
}
