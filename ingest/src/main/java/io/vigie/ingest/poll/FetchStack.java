package io.vigie.ingest.poll;

import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.crawl.SitemapPoller;
import io.vigie.ingest.crawl.ThreadPoller;
import io.vigie.ingest.feeds.FeedReader;
import io.vigie.ingest.feeds.MentionBuilder;
import io.vigie.ingest.fetch.FetchSettings;
import io.vigie.ingest.fetch.HttpFetcher;
import io.vigie.ingest.politeness.HostPoliteness;
import io.vigie.ingest.robots.RobotsCache;
import io.vigie.ingest.ssrf.AddressGuard;
import io.vigie.ingest.ssrf.AddressRange;
import java.time.Clock;
import java.time.Duration;

/** The fetch side built from configuration, shared by the service, {@code vigie sources try} and the benchmark. */
public record FetchStack(HttpFetcher fetcher, FeedPoller poller, HostPoliteness politeness, String userAgent)
        implements AutoCloseable {

    public static final String PRODUCT_TOKEN = "vigie";

    public static FetchStack of(IngestConfig config, Clock clock) {
        String version = FetchStack.class.getPackage().getImplementationVersion();
        String userAgent = FetchSettings.userAgent(version == null ? "dev" : version, config.contactUrl());
        FetchSettings settings = new FetchSettings(userAgent, Duration.ofMillis(config.connectTimeoutMillis()),
                Duration.ofMillis(config.readTimeoutMillis()), config.maxResponseBytes(), config.maxRedirects());
        AddressGuard guard = new AddressGuard(config.allowedPrivateRanges().stream().map(AddressRange::parse).toList());
        HttpFetcher fetcher = new HttpFetcher(settings, guard);
        RobotsCache robots = config.obeyRobots() ? new RobotsCache(fetcher, PRODUCT_TOKEN, clock) : null;
        SitemapPoller sitemaps = new SitemapPoller(fetcher, robots, new SitemapPoller.Settings(
                Duration.ofDays(config.sitemapHorizonDays()), config.sitemapMaxEntries(), config.defaultMaxPages(),
                Duration.ofMillis(config.minHostDelayMillis()), config.seenLimitPerFeed(), config.maxResponseBytes()));
        ThreadPoller pages = new ThreadPoller(fetcher, robots, new ThreadPoller.Settings(config.crawlRules(),
                config.defaultMaxPages(), config.retireAfterDays(), Duration.ofMillis(config.minHostDelayMillis()),
                config.seenLimitPerFeed()), sitemaps);
        FeedPoller poller = new FeedPoller(fetcher, robots, new FeedReader(), new MentionBuilder(), config.seenLimitPerFeed(),
                pages);
        HostPoliteness politeness = new HostPoliteness(Duration.ofMillis(config.minHostDelayMillis()),
                Duration.ofSeconds(config.maxBackoffSeconds()));
        return new FetchStack(fetcher, poller, politeness, userAgent);
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
