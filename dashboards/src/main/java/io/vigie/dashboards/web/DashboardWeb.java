package io.vigie.dashboards.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.vigie.dashboards.DashboardsConfig;
import io.vigie.model.VigieJson;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.service.VigieService;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live page and its JSON twins, on {@code dashboards.http}. Routes:
 * <ul>
 *   <li>{@code GET /} — brand tiles and the search box; {@code ?q=} searches, {@code ?brand=} filters; without a
 *       query the page refreshes itself</li>
 *   <li>{@code GET /api/brands} — the brand tiles as JSON</li>
 *   <li>{@code GET /api/search?q=&brand=&size=} — search results as JSON</li>
 *   <li>{@code GET /health} — 200 "ok" while the server runs</li>
 * </ul>
 * Every request reads Elasticsearch; when it cannot, the page says so with status 503 rather than fail.
 */
public final class DashboardWeb implements VigieService {
    private static final Logger log = LoggerFactory.getLogger(DashboardWeb.class);
    private static final int PAGE_SIZE = 50;
    private static final int MAX_API_SIZE = 500;
    private static final int REFRESH_SECONDS = 10;

    private final DashboardsConfig.Http http;
    private final ElasticsearchConnection elasticsearch;
    private final String alias;
    private final Clock clock;
    private final DashboardPage page = new DashboardPage();
    private ElasticsearchClient client;
    private MentionSearch search;
    private Javalin app;

    public DashboardWeb(DashboardsConfig.Http http, ElasticsearchConnection elasticsearch, String alias, Clock clock) {
        this.http = http;
        this.elasticsearch = elasticsearch;
        this.alias = alias;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "dashboard-web";
    }

    @Override
    public synchronized void start() {
        client = elasticsearch.newClient();
        search = new MentionSearch(client, alias);
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(VigieJson.newMapper(), false));
        });
        app.get("/", this::page);
        app.get("/api/brands", this::apiBrands);
        app.get("/api/search", this::apiSearch);
        app.get("/health", ctx -> ctx.result("ok"));
        app.start(http.host(), http.port());
        log.info("event=dashboard_web_started url=http://{}:{}/ alias={}", http.host(), port(), alias);
    }

    /** The port listened on (the one chosen by the system when the configuration says 0). */
    public int port() {
        return app.port();
    }

    private void page(Context ctx) {
        String query = ctx.queryParam("q");
        String brand = ctx.queryParam("brand");
        boolean live = (query == null || query.isBlank());
        List<BrandTile> tiles = List.of();
        SearchResult result = null;
        String error = null;
        try {
            tiles = search.brandTiles();
            result = search.search(query, brand, PAGE_SIZE);
        } catch (Exception e) {
            error = "Elasticsearch could not answer: " + e.getMessage();
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            log.warn("event=dashboard_query_failed alias={} error=\"{}\"", alias, String.valueOf(e.getMessage()).replace('"', '\''));
        }
        ctx.html(page.render(new DashboardPage.Model(query, brand, tiles, result, error, live, REFRESH_SECONDS,
                clock.instant())));
    }

    private void apiBrands(Context ctx) throws Exception {
        ctx.json(search.brandTiles());
    }

    private void apiSearch(Context ctx) throws Exception {
        int size = ctx.queryParamAsClass("size", Integer.class)
                .check(n -> n > 0 && n <= MAX_API_SIZE, "size must be in 1.." + MAX_API_SIZE)
                .getOrDefault(PAGE_SIZE);
        ctx.json(search.search(ctx.queryParam("q"), ctx.queryParam("brand"), size));
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
        if (client != null) {
            try {
                client._transport().close();
            } catch (Exception e) {
                log.debug("closing the Elasticsearch client", e);
            }
            client = null;
        }
    }
}
