package io.vigie.ingest.crawl;

import io.vigie.ingest.feeds.HtmlSanitizer;
import io.vigie.ingest.fetch.FetchException;
import io.vigie.ingest.fetch.FetchResult;
import io.vigie.ingest.fetch.HttpFetcher;
import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.poll.FeedPoller;
import io.vigie.ingest.poll.PollOutcome;
import io.vigie.ingest.robots.RobotsCache;
import io.vigie.ingest.robots.RobotsRules;
import io.vigie.ingest.schedule.PollInterval;
import io.vigie.model.IngestState;
import io.vigie.model.RawMention;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One visit of a crawled source, through the same fetcher as feeds (SSRF guard, size and time limits, robots.txt).
 * A {@code thread} is read page after page (rel=next, numbered pages, the rule's nextPage) up to its page limit,
 * waiting the host's delay between two pages; its comments are diffed against the seen-state as feed items are
 * (new id: version 1; changed text: next version). A {@code forum} index is read the same way for the threads it
 * lists: each one not seen before becomes a {@code thread} source, written in the same transaction.
 *
 * <p>Revisits adapt as for feeds (a visit with new comments brings the interval down to the minimum, a quiet one
 * grows it to the maximum); a thread whose newest comment is older than {@code retireAfterDays} is not visited again
 * (its interval becomes {@link #RETIRED_SECONDS}).
 */
public final class ThreadPoller {
    /** The interval of a retired thread: ten years, i.e. never in practice; re-adding the source revives it. */
    public static final long RETIRED_SECONDS = 10L * 365 * 24 * 3600;
    private static final String THREAD_KEY = "thread|";

    /** What the thread poller needs from the configuration. */
    public record Settings(List<SiteRule> rules, int defaultMaxPages, long retireAfterDays, Duration pageDelay,
                           int seenLimit) {}

    private final SitemapPoller sitemaps;

    private final HttpFetcher fetcher;
    private final RobotsCache robots;
    private final PageExtractor extractor = new PageExtractor();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final Settings settings;

    /** Without sitemap sources (they fail with a clear error). */
    public ThreadPoller(HttpFetcher fetcher, RobotsCache robots, Settings settings) {
        this(fetcher, robots, settings, null);
    }

    /** @param sitemaps reads the sources of kind sitemap, whose articles then come back here as threads */
    public ThreadPoller(HttpFetcher fetcher, RobotsCache robots, Settings settings, SitemapPoller sitemaps) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.settings = settings;
        this.sitemaps = sitemaps;
    }

    public FeedPoller.Polled poll(IngestState.Source source, IngestState.Feed previous, long minPoll, long maxPoll,
                                  Instant now) {
        IngestState.Feed prev = previous != null ? previous : FeedPoller.emptyState(source.url(), minPoll);
        if (source.kind().equals("sitemap")) {
            return sitemaps != null ? sitemaps.poll(source, previous, minPoll, maxPoll, now)
                    : failed(prev, "kind sitemap is not read here", now, minPoll, maxPoll, null);
        }
        SiteRule rule = SiteRules.forSource(settings.rules(), source.rule(), CanonicalUrl.host(source.url()));
        int maxPages = source.maxPages() != null ? source.maxPages() : settings.defaultMaxPages();
        Duration crawlDelay = null;
        List<PageMentions.Built> built = new ArrayList<>();
        Set<String> threads = new LinkedHashSet<>();
        Set<String> visited = new HashSet<>();
        String etag = null;
        String lastModified = null;
        int status = 0;
        String page = source.url().strip();
        int comments = 0;
        for (int n = 0; page != null && n < maxPages && visited.add(CanonicalUrl.of(page)); n++) {
            URI url = URI.create(page);
            RobotsRules rules = robots == null ? null : robots.rulesFor(url);
            if (rules != null && rules.crawlDelay() != null) {
                crawlDelay = rules.crawlDelay();
            }
            if (rules != null && !rules.allows(url)) {
                if (n == 0) {
                    return failed(prev, rules.disallowsEverything() ? "robots.txt unreachable or server error: the"
                            + " site is not fetched until it can be read" : "disallowed by robots.txt", now, minPoll,
                            maxPoll, crawlDelay);
                }
                break; // later pages disallowed: keep what the allowed ones gave
            }
            if (n > 0) {
                pause(crawlDelay);
            }
            FetchResult result;
            try {
                boolean singlePage = prev.etag() != null || prev.lastModified() != null;
                result = n == 0 && singlePage ? fetcher.get(url, prev.etag(), prev.lastModified()) : fetcher.get(url, null, null);
            } catch (FetchException e) {
                if (n == 0) {
                    return failed(prev, e.getMessage(), now, minPoll, maxPoll, crawlDelay);
                }
                break;
            }
            status = n == 0 ? result.status() : status;
            if (n == 0 && (result.status() == 429 || result.status() == 503)) {
                PollOutcome o = FeedPoller.failure(prev, "HTTP " + result.status(), now, minPoll, maxPoll);
                return new FeedPoller.Polled(o, result.status(), result.retryAfter(), true, false, crawlDelay);
            }
            if (n == 0 && result.notModified()) {
                IngestState.Feed next = state(prev, prev.etag(), prev.lastModified(), prev.seen(), now,
                        PollInterval.afterSuccess(prev.intervalSeconds(), 0, minPoll, maxPoll), 0);
                return new FeedPoller.Polled(new PollOutcome(next, List.of(), List.of(), 0, false), 304, null, false,
                        false, crawlDelay);
            }
            if (!result.ok()) {
                if (n == 0) {
                    return failed(prev, "HTTP " + result.status() + " from " + result.finalUrl(), now, minPoll, maxPoll,
                            crawlDelay);
                }
                break;
            }
            PageExtraction x = extractor.extract(result.body(), result.contentType(), result.base().toString(), rule, now);
            if (n == 0) {
                etag = result.etag();
                lastModified = result.lastModified();
            }
            if (source.kind().equals("forum")) {
                threads.addAll(x.threadLinks());
            } else {
                built.addAll(PageMentions.build(x, source.name(), source.url(), result.finalUrl().toString(), comments,
                        n == 0, now, rule == null ? null : rule.language(), sanitizer));
                comments += x.comments().size();
            }
            page = x.nextPageUrl();
            if (n > 0) {
                etag = null; // a thread of several pages changes on its last page: never skip it on page 1's 304
                lastModified = null;
            }
        }
        Map<String, String> seen = new HashMap<>(prev.seen());
        long sequence = prev.polls() + 1;
        List<RawMention> toPublish = new ArrayList<>();
        List<IngestState.Source> discovered = new ArrayList<>();
        Set<String> inThisVisit = new HashSet<>();
        Instant newest = null;
        for (PageMentions.Built b : built) {
            RawMention m = b.mention();
            if (m.publishedAt() != null && (newest == null || m.publishedAt().isAfter(newest))) {
                newest = m.publishedAt();
            }
            if (!inThisVisit.add(m.id())) {
                continue;
            }
            RawMention next = FeedPoller.nextVersion(seen, m, b.engagementHash(), sequence);
            if (next != null) {
                toPublish.add(next);
            }
        }
        for (String thread : threads) {
            String key = THREAD_KEY + CanonicalUrl.of(thread);
            if (seen.putIfAbsent(key, "1:thread:x:" + sequence) == null) {
                discovered.add(new IngestState.Source(source.name() + " › " + pathOf(thread), CanonicalUrl.of(thread),
                        "thread", source.minPollSeconds(), source.maxPollSeconds(), source.brands(), false,
                        "forum:" + source.name(), now, source.rule(), source.maxPages()));
            } else {
                seen.put(key, "1:thread:x:" + sequence);
            }
        }
        FeedPoller.trim(seen, settings.seenLimit());
        long interval = PollInterval.afterSuccess(prev.intervalSeconds(), toPublish.size() + discovered.size(), minPoll,
                maxPoll);
        if (source.kind().equals("thread") && newest != null
                && newest.isBefore(now.minus(Duration.ofDays(settings.retireAfterDays())))) {
            interval = RETIRED_SECONDS;
        }
        IngestState.Feed next = state(prev, etag, lastModified, seen, now, interval, toPublish.size());
        return new FeedPoller.Polled(new PollOutcome(next, toPublish, List.of(), built.size(), false, discovered),
                status, null, false, false, crawlDelay);
    }

    private static String pathOf(String url) {
        return CrawlPace.pathOf(url);
    }

    private void pause(Duration crawlDelay) {
        CrawlPace.pause(settings.pageDelay(), crawlDelay);
    }

    private static IngestState.Feed state(IngestState.Feed prev, String etag, String lastModified, Map<String, String> seen,
                                          Instant now, long interval, int published) {
        return new IngestState.Feed(prev.url(), etag, lastModified, seen, now, now, interval, prev.lastError(),
                prev.lastErrorAt(), prev.errorCount(), 0, prev.itemsPublished() + published, prev.polls() + 1);
    }

    private static FeedPoller.Polled failed(IngestState.Feed prev, String why, Instant now, long minPoll, long maxPoll,
                                            Duration crawlDelay) {
        return new FeedPoller.Polled(FeedPoller.failure(prev, why, now, minPoll, maxPoll), 0, null, false, true,
                crawlDelay);
    }
}
