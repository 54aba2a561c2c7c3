package io.vigie.dashboards.web.mention;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.vigie.dashboards.index.EngagementIndexer;
import io.vigie.dashboards.web.PageServices;
import io.vigie.dashboards.web.WebContext;
import io.vigie.dashboards.web.live.MentionCard;
import io.vigie.model.VigieJson;
import io.vigie.model.WatchedBrand;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /mentions/{id}}: the mention as indexed. Its {@code safeHtml} is the HTML ingest sanitised (jsoup
 * safelist) and the only markup a page ever renders from a mention, under a CSP that runs no inline script anyway.
 * The brand's sentences come from Elasticsearch's highlighter (sentence boundaries, HTML-encoded text, {@code <mark>}
 * around the brand's words). {@code POST /mentions/{id}/flags} (responders) records a flag in
 * {@code <alias>.flags}, one document per flag, so any instance shows it.
 */
public final class MentionPage {
    private static final Set<String> FLAG_KINDS = Set.of("important", "false-positive", "handled");
    private final PageServices services;
    private final ElasticsearchClient client;
    private final String alias;
    private final ObjectMapper json = VigieJson.newMapper();

    public MentionPage(PageServices services) {
        this.services = services;
        this.client = services.elasticsearch();
        this.alias = services.alias();
    }

    /**
     * Dynamically mapped: {@code mentionId} is text with a {@code .keyword} field, which the exact lookup uses.
     * Not {@code <alias>-...}: that pattern is the mention template's, whose strict mapping would refuse a flag.
     */
    private String flagsIndex() {
        return alias + ".flags";
    }

    private Map<String, Object> model(String id) throws IOException {
        SearchResponse<JsonNode> found = client.search(s -> s.index(alias).ignoreUnavailable(true).allowNoIndices(true)
                .size(1).query(q -> q.term(t -> t.field("id").value(id))), JsonNode.class);
        if (found.hits().hits().isEmpty() || found.hits().hits().get(0).source() == null) {
            throw new NotFoundResponse("no mention " + id);
        }
        JsonNode doc = found.hits().hits().get(0).source();
        Map<String, Object> m = new HashMap<>();
        m.put("doc", doc);
        m.put("card", MentionCard.ofDocument(doc));
        m.put("link", MentionCard.linkOf(doc.path("url").asText(null)));
        m.put("safeHtml", SafeHtml.clean(doc.path("safeHtml").asText("")));
        m.put("sentences", brandSentences(id, doc));
        m.put("copies", copies(doc));
        m.put("parent", byField("url", doc.path("parentUrl").asText(null), id, 1));
        List<MentionCard> thread = new ArrayList<>();
        String threadUrl = doc.path("threadUrl").asText(null);
        if (threadUrl != null && !threadUrl.isBlank()) {
            thread.addAll(byField("threadUrl", threadUrl, id, 50));
        }
        for (MentionCard c : byField("parentUrl", doc.path("url").asText(null), id, 50)) {
            if (thread.stream().noneMatch(t -> t.id().equals(c.id()))) {
                thread.add(c);
            }
        }
        m.put("thread", thread);
        m.put("engagement", doc.path("engagement"));
        List<EngagementIndexer.Point> history = engagementHistory(id);
        m.put("history", history);
        m.put("historyLine", EngagementLine.of(history));
        m.put("flags", flags(id));
        return m;
    }

    /** Every version's figures, oldest first (the engagement indexer's documents); empty when none were kept. */
    private List<EngagementIndexer.Point> engagementHistory(String id) throws IOException {
        SearchResponse<JsonNode> r = client.search(s -> s.index(EngagementIndexer.indexOf(alias))
                .ignoreUnavailable(true).allowNoIndices(true).size(500)
                .query(q -> q.term(t -> t.field("mentionId").value(id)))
                .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("version").order(SortOrder.Asc))), JsonNode.class);
        List<EngagementIndexer.Point> out = new ArrayList<>();
        for (Hit<JsonNode> h : r.hits().hits()) {
            JsonNode d = h.source();
            out.add(new EngagementIndexer.Point(id, d.path("version").asLong(), Instant.parse(d.path("at").asText()),
                    longOrNull(d, "views"), longOrNull(d, "likes"), longOrNull(d, "dislikes"), longOrNull(d, "comments"),
                    longOrNull(d, "shares"), d.path("reach").asLong()));
        }
        return out;
    }

    private static Long longOrNull(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asLong() : null;
    }

    /** Highlighted sentences per brand: the brand's name and id as the highlight query. */
    private List<Map<String, Object>> brandSentences(String id, JsonNode doc) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, WatchedBrand> watched = services.feed() == null ? Map.of() : services.feed().brands();
        for (JsonNode b : doc.path("brands")) {
            String brand = b.asText();
            WatchedBrand w = watched.get(brand);
            String words = brand + (w != null && w.name() != null ? " " + w.name() : "");
            SearchResponse<JsonNode> r = client.search(s -> s.index(alias).ignoreUnavailable(true).size(1)
                    .query(q -> q.term(t -> t.field("id").value(id)))
                    .source(src -> src.fetch(false))
                    .highlight(h -> h.encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
                            .preTags("<mark>").postTags("</mark>")
                            .fields("text", f -> f.type("unified").boundaryScanner(
                                    co.elastic.clients.elasticsearch.core.search.BoundaryScanner.Sentence)
                                    .fragmentSize(1).numberOfFragments(10)
                                    .highlightQuery(q -> q.match(mt -> mt.field("text").query(words))))), JsonNode.class);
            List<String> fragments = new ArrayList<>();
            for (Hit<JsonNode> h : r.hits().hits()) {
                fragments.addAll(h.highlight().getOrDefault("text", List.of()));
            }
            Map<String, Object> entry = new HashMap<>();
            entry.put("brand", brand);
            entry.put("fragments", fragments);
            out.add(entry);
        }
        return out;
    }

    private List<MentionCard> copies(JsonNode doc) throws IOException {
        String cluster = doc.path("clusterId").asText(null);
        return cluster == null || cluster.isBlank() ? List.of() : byField("clusterId", cluster, doc.path("id").asText(), 50);
    }

    private List<MentionCard> byField(String field, String value, String exceptId, int size) throws IOException {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        SearchResponse<JsonNode> r = client.search(s -> s.index(alias).ignoreUnavailable(true).allowNoIndices(true)
                .size(size).query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(field).value(value)))
                        .mustNot(n -> n.term(t -> t.field("id").value(exceptId)))))
                .sort(o -> o.field(f -> f.field("eventTime").order(SortOrder.Asc))), JsonNode.class);
        List<MentionCard> out = new ArrayList<>();
        for (Hit<JsonNode> h : r.hits().hits()) {
            if (h.source() != null) {
                out.add(MentionCard.ofDocument(h.source()));
            }
        }
        return out;
    }

    private List<JsonNode> flags(String id) throws IOException {
        SearchResponse<JsonNode> r = client.search(s -> s.index(flagsIndex()).ignoreUnavailable(true).allowNoIndices(true)
                .size(50).query(q -> q.term(t -> t.field("mentionId.keyword").value(id))), JsonNode.class);
        List<JsonNode> out = new ArrayList<>();
        r.hits().hits().forEach(h -> out.add(h.source()));
        return out;
    }

    public void page(Context ctx) throws Exception {
        services.views().render(ctx, "mention", model(ctx.pathParam("id")));
    }

    public void json(Context ctx) throws Exception {
        Map<String, Object> m = model(ctx.pathParam("id"));
        m.remove("card");
        ctx.json(m);
    }

    public void flag(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        String kind = ctx.formParam("kind");
        if (kind == null || !FLAG_KINDS.contains(kind)) {
            throw new BadRequestResponse("kind must be one of " + new LinkedHashSet<>(FLAG_KINDS));
        }
        Map<String, Object> flag = Map.of("mentionId", id, "kind", kind, "by", WebContext.principal(ctx).name(),
                "at", Instant.now(services.clock()).toString());
        client.index(i -> i.index(flagsIndex()).document(flag).refresh(co.elastic.clients.elasticsearch._types.Refresh.WaitFor));
        if (ctx.header("Accept") != null && ctx.header("Accept").contains("application/json")) {
            ctx.status(201).json(flag);
        } else {
            ctx.redirect("/mentions/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
