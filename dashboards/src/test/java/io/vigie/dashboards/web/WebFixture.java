package io.vigie.dashboards.web;

import io.vigie.dashboards.DashboardsConfig;
import io.vigie.dashboards.WebSettings;
import io.vigie.dashboards.desk.ReplyTemplates;
import io.vigie.dashboards.desk.ResponseDesk;
import io.vigie.dashboards.follow.TopicFollower;
import io.vigie.dashboards.incidents.IncidentActions;
import io.vigie.dashboards.incidents.IncidentBoard;
import io.vigie.dashboards.index.IndexerFixture;
import io.vigie.dashboards.index.ResponseIndexer;
import io.vigie.dashboards.web.desk.DeskServices;
import io.vigie.dashboards.index.MentionIndexer;
import io.vigie.dashboards.web.auth.Accounts;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.Passwords;
import io.vigie.dashboards.web.auth.SessionCookie;
import io.vigie.dashboards.web.live.LiveFeed;
import io.vigie.dashboards.web.live.LiveHub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A running dashboards instance for a test, over the real Kafka and Elasticsearch of the test JVM: the indexer on
 * its own alias, the live feed on the real topics, the web server on a free port, three accounts (one per role, the
 * same password) and a viewer API token. {@link #brand} is unique to the test, so tests never see each other's
 * mentions. Use it from any test package: {@code try (WebFixture web = WebFixture.start()) { ... }}.
 */
public final class WebFixture implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    public static final String VIEWER = "vera";
    public static final String RESPONDER = "remi";
    public static final String ADMIN = "ada";

    public final IndexerFixture index = new IndexerFixture();
    public final String brand = "b" + UUID.randomUUID().toString().substring(0, 8);
    public final String rival = brand + "-rival";
    public final String viewerToken = ApiTokens.newToken();
    public final String responderToken = ApiTokens.newToken();
    public final LiveFeed feed;
    public final DashboardWeb web;
    private final MentionIndexer indexer;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The response desk and incidents (null unless started with {@link #startWithDesk()}). */
    public final DeskServices desk;
    private final TopicFollower follower;
    private final ResponseIndexer responseIndexer;

    private WebFixture() {
        this(false);
    }

    private WebFixture(boolean withDesk) {
        Passwords passwords = new Passwords(4);
        String hash = passwords.hash(PASSWORD);
        List<WebSettings.User> users = List.of(new WebSettings.User(VIEWER, hash, "viewer"),
                new WebSettings.User(RESPONDER, hash, "responder"), new WebSettings.User(ADMIN, hash, "admin"));
        List<WebSettings.ApiToken> tokens = List.of(
                new WebSettings.ApiToken("test-viewer", ApiTokens.sha256(viewerToken), "viewer"),
                new WebSettings.ApiToken("test-responder", ApiTokens.sha256(responderToken), "responder"));
        WebSetup setup = new WebSetup(new DashboardsConfig.Http(true, "127.0.0.1", 0), Accounts.of(users, passwords),
                new ApiTokens(tokens), new SessionCookie(UUID.randomUUID().toString().repeat(2).getBytes(),
                Duration.ofHours(1), Clock.systemUTC()), ZoneId.of("Europe/Paris"),
                Map.of("locks", List.of(brand, rival)), false);
        feed = new LiveFeed(index.cluster.kafka(), LiveFeed.Topics4.DEFAULT, Duration.ofMinutes(10),
                new LiveHub(LiveFeed.Topics4.DEFAULT.all(), 20_000, 1_000), Clock.systemUTC());
        if (withDesk) {
            follower = new TopicFollower("it-desk-" + brand, index.cluster.kafka(), Clock.systemUTC());
            ResponseDesk responses = new ResponseDesk(index.cluster.kafka(), follower);
            IncidentBoard board = new IncidentBoard(follower);
            desk = new DeskServices(responses, new ReplyTemplates(index.cluster.kafka(), follower), board,
                    new IncidentActions(index.cluster.kafka(), board, Clock.systemUTC()));
            responseIndexer = new ResponseIndexer(index.cluster.elasticsearch(), index.alias, responses);
            indexer = new MentionIndexer(index.settings(), index.cluster.kafka(), index.cluster.elasticsearch(),
                    index.run + "-web-" + brand, Clock.systemUTC(), responseIndexer);
        } else {
            follower = null;
            desk = null;
            responseIndexer = null;
            indexer = index.indexer("web-" + brand);
        }
        web = new DashboardWeb(setup, index.cluster.elasticsearch(), index.alias, feed, Clock.systemUTC(), desk);
    }

    /** A running instance with the response desk and incidents, their state followed from Kafka. */
    public static WebFixture startWithDesk() throws InterruptedException {
        WebFixture f = new WebFixture(true);
        f.responseIndexer.start();
        f.follower.start();
        if (!f.follower.awaitReady(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the desk's follower did not catch up");
        }
        f.indexer.start();
        f.feed.start();
        f.web.start();
        return f;
    }

    public static WebFixture start() {
        WebFixture f = new WebFixture();
        f.indexer.start();
        f.feed.start();
        f.web.start();
        return f;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    /** GET with the viewer's API token. */
    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + viewerToken).build());
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        web.close();
        feed.close();
        indexer.close();
        if (desk != null) {
            follower.close();
            responseIndexer.close();
            desk.responses().close();
            desk.templates().close();
            desk.actions().close();
        }
        index.close();
    }
}
