package io.vigie.dashboards;

import io.vigie.dashboards.desk.ReplyTemplates;
import io.vigie.dashboards.desk.ResponseDesk;
import io.vigie.dashboards.follow.TopicFollower;
import io.vigie.dashboards.incidents.IncidentActions;
import io.vigie.dashboards.incidents.IncidentBoard;
import io.vigie.dashboards.index.EngagementIndexer;
import io.vigie.dashboards.index.MentionIndexer;
import io.vigie.dashboards.index.ResponseIndexer;
import io.vigie.dashboards.web.desk.DeskServices;
import io.vigie.dashboards.web.DashboardWeb;
import io.vigie.dashboards.web.WebSetup;
import io.vigie.dashboards.web.auth.Accounts;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.Passwords;
import io.vigie.dashboards.web.auth.OidcProvider;
import io.vigie.dashboards.web.auth.SessionCookie;
import io.vigie.dashboards.web.live.LiveFeed;
import io.vigie.dashboards.web.live.LiveHub;
import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboards stage as the launcher sees it: the indexer that keeps {@code vigie-mentions} in Elasticsearch
 * up to date with {@code mentions.scored}, the live feed (one Kafka reader for every open page) and the web server.
 */
public final class DashboardsStage implements Stage {
    /** How far back the live feed reads at start, and so how long a page may be away and still resume. */
    public static final Duration LIVE_REPLAY = Duration.ofMinutes(10);
    public static final int LIVE_RING_EVENTS = 20_000;
    public static final int PAGE_QUEUE_EVENTS = 1_000;

    @Override
    public String name() {
        return "dashboards";
    }

    @Override
    public List<VigieService> services(StageContext context) {
        DashboardsConfig config = context.config().bind("dashboards", DashboardsConfig.class, DashboardsConfig.DEFAULTS);
        List<VigieService> services = new ArrayList<>();
        // The desk's state: every instance follows responses, templates, incidents, silences and answers.
        TopicFollower follower = new TopicFollower("dashboards-follower", context.kafka(), context.clock());
        ResponseDesk responses = new ResponseDesk(context.kafka(), follower);
        ReplyTemplates templates = new ReplyTemplates(context.kafka(), follower);
        IncidentBoard board = new IncidentBoard(follower);
        IncidentActions actions = new IncidentActions(context.kafka(), board, context.clock());
        DeskServices desk = new DeskServices(responses, templates, board, actions);
        services.add(new ClosingAlso(follower, responses, templates, actions));
        if (config.indexer().enabled()) {
            ResponseIndexer responseIndexer = new ResponseIndexer(context.elasticsearch(),
                    config.indexer().indexPrefix(), responses);
            services.add(responseIndexer);
            services.add(new MentionIndexer(config.indexer(), context.kafka(), context.elasticsearch(),
                    context.instanceId(), context.clock(), context.stageMetrics("dashboards"), responseIndexer));
            services.add(new EngagementIndexer(context.kafka(), context.elasticsearch(), config.indexer().indexPrefix(),
                    config.indexer().consumerGroup() + "-engagement"));
        }
        if (config.http().enabled()) {
            LiveHub hub = new LiveHub(LiveFeed.Topics4.DEFAULT.all(), LIVE_RING_EVENTS, PAGE_QUEUE_EVENTS);
            io.micrometer.core.instrument.Gauge.builder(io.vigie.runtime.metrics.MetricNames.SSE_CLIENTS, hub,
                    LiveHub::openPages).description("pages connected to the live channel").register(context.metrics());
            LiveFeed feed = new LiveFeed(context.kafka(), LiveFeed.Topics4.DEFAULT, LIVE_REPLAY, hub, context.clock());
            services.add(feed);
            services.add(new DashboardWeb(webSetup(config, context.stateDirectory(), context.clock()),
                    context.elasticsearch(), config.indexer().indexPrefix(), feed, context.clock(), desk));
        }
        return services;
    }

    /**
     * Accounts, tokens and the session signer. The generated local admin's password goes to standard error, so the
     * "ready ..." line stays the first line of standard output that scripts read.
     */
    public static WebSetup webSetup(DashboardsConfig config, Path stateDirectory, java.time.Clock clock) {
        Passwords passwords = new Passwords();
        Accounts accounts = Accounts.configuredOrLocalAdmin(config.users(), stateDirectory, passwords, System.err);
        byte[] secret = config.session().secret() != null
                ? config.session().secret().getBytes(StandardCharsets.UTF_8)
                : generatedSecret(stateDirectory);
        return new WebSetup(config.http(), accounts, new ApiTokens(config.apiTokens()),
                new SessionCookie(secret, Duration.ofHours(config.session().hours()), clock), ZoneId.of(config.timeZone()),
                config.competitorSets(), config.session().secureCookies(),
                config.oidc() == null ? null : new OidcProvider(config.oidc()));
    }

    /** One instance without a configured secret keeps its own under the state directory, so restarts keep sessions. */
    static byte[] generatedSecret(Path stateDirectory) {
        Path file = stateDirectory.resolve("dashboards").resolve("session.key");
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.getParent());
            Files.write(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the session key in " + file, e);
        }
    }

    /** The follower as a service, closing the writers that depend on it when it stops. */
    private record ClosingAlso(TopicFollower follower, AutoCloseable... others) implements VigieService {
        @Override
        public String name() {
            return follower.name();
        }

        @Override
        public void start() {
            follower.start();
        }

        @Override
        public boolean awaitReady(Duration timeout) throws InterruptedException {
            return follower.awaitReady(timeout);
        }

        @Override
        public void close() {
            follower.close();
            for (AutoCloseable c : others) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing: nothing more to do
                }
            }
        }
    }
}
