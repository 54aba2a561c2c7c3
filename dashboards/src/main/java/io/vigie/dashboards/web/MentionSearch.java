package io.vigie.dashboards.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The brand tiles of {@code /api/brands}, on the {@code vigie-mentions} alias. (The search of {@code /api/search} is
 * the analysts' search, {@code web.search.AnalystSearchPage}.)
 */
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
}
