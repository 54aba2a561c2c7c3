package io.vigie.dashboards.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.vigie.model.VigieJson;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.service.VigieService;
import io.vigie.dashboards.web.desk.DeskServices;
import io.vigie.dashboards.web.live.LiveFeed;
import io.vigie.dashboards.web.live.LiveHub;
import io.vigie.dashboards.web.search.SearchServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboards web server on {@code dashboards.http}: security headers, the central access check
 * ({@link Access}), the routes of {@link Routes}, static files from the jar (WebJars and
 * {@code io/vigie/dashboards/web/static}). It keeps no per-user state: sessions live in signed cookies.
 */
public final class DashboardWeb implements VigieService {
    private static final Logger log = LoggerFactory.getLogger(DashboardWeb.class);
    /** No inline script or style, nothing from another origin, never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'; report-uri /csp-report";

    private final WebSetup setup;
    private final DeskServices desk;
    private final ElasticsearchConnection elasticsearch;
    private final String alias;
    private final LiveFeed feed;
    private final LiveHub hub;
    private final Clock clock;
    private ElasticsearchClient client;
    private SearchServices search;
    private Path exports;
    private Javalin app;
    private Routes routes;

    /** @param feed the live feed, or null for a server without Kafka (history only) */
    public DashboardWeb(WebSetup setup, ElasticsearchConnection elasticsearch, String alias, LiveFeed feed, Clock clock) {
        this(setup, elasticsearch, alias, feed, clock, null);
    }

    /** @param desk the response desk and incidents, or null for a server without them */
    public DashboardWeb(WebSetup setup, ElasticsearchConnection elasticsearch, String alias, LiveFeed feed, Clock clock,
            DeskServices desk) {
        this.desk = desk;
        this.setup = setup;
        this.elasticsearch = elasticsearch;
        this.alias = alias;
        this.feed = feed;
        this.hub = feed == null ? new LiveHub(LiveFeed.Topics4.DEFAULT.all(), 1, 1) : feed.hub();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "dashboard-web";
    }

    @Override
    public synchronized void start() {
        client = elasticsearch.newClient();
        Views views = new Views();
        PageServices services = new PageServices(views, client, alias, feed, hub, setup.competitorSets(), clock);
        Access access = new Access(setup.sessions(), setup.tokens(), setup.zone());
        search = SearchServices.on(client, alias, clock, exportDirectory());
        routes = new Routes(services, setup, desk, search);
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(VigieJson.newMapper(), false));
            // Static files pass the central check too: they are declared public here, or they would be admin-only.
            config.staticFiles.add(files -> {
                files.hostedPath = "/webjars";
                files.directory = "META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.headers = withCaching(securityHeaders());
                files.roles = java.util.Set.of(io.vigie.dashboards.web.auth.Role.ANONYMOUS);
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/io/vigie/dashboards/web/static";
                files.location = Location.CLASSPATH;
                files.headers = securityHeaders();
                files.roles = java.util.Set.of(io.vigie.dashboards.web.auth.Role.ANONYMOUS);
            });
            config.http.defaultContentType = "text/html; charset=utf-8";
        });
        app.before(ctx -> {
            securityHeaders().forEach(ctx::header);
            access.preferences(ctx);
        });
        app.beforeMatched(access::check);
        app.exception(HttpResponseException.class, (e, ctx) -> routes.error(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            if (fromElasticsearch(e)) {
                log.warn("event=dashboard_query_failed path={} error=\"{}\"", ctx.path(),
                        String.valueOf(e.getMessage()).replace('"', '\''));
                routes.error(ctx, 503, "Elasticsearch could not answer: " + e.getMessage());
            } else {
                log.error("event=dashboard_request_failed path={}", ctx.path(), e);
                routes.error(ctx, 500, e.getClass().getSimpleName());
            }
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                routes.error(ctx, 404, "not found");
            }
        });
        routes.declare(app);
        app.start(setup.http().host(), setup.http().port());
        log.info("event=dashboard_web_started url=http://{}:{}/ alias={}", setup.http().host(), port(), alias);
    }

    /**
     * Export files are temporary (an hour after they are done, at most): a directory of this run, removed at close.
     */
    private Path exportDirectory() {
        try {
            exports = Files.createTempDirectory("vigie-exports-");
            return exports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for exports", e);
        }
    }

    /** Elasticsearch down or refusing: a 503 the page explains, not a 500. */
    private static boolean fromElasticsearch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException
                    || t instanceof co.elastic.clients.transport.TransportException) {
                return true;
            }
        }
        return false;
    }

    /** WebJars carry their version in the path: cached for a year. */
    private static Map<String, String> withCaching(Map<String, String> headers) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put("Cache-Control", "max-age=31536000, immutable");
        return h;
    }

    static Map<String, String> securityHeaders() {
        return Map.of(
                "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                "X-Frame-Options", "DENY",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "same-origin");
    }

    /** The port listened on (the one chosen by the system when the configuration says 0). */
    public int port() {
        return app.port();
    }

    /** Content-Security-Policy violations reported by browsers since the start. */
    public long cspReports() {
        return routes.cspReports();
    }

    /** For tests: the routes, their roles and what they do. */
    Routes routes() {
        return routes;
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
        if (search != null) {
            search.close();
            search = null;
        }
        if (exports != null) {
            try (var files = Files.walk(exports)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                log.warn("event=exports_not_removed directory={} reason={}", exports, e.toString());
            }
            exports = null;
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

    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
