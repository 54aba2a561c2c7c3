package io.vigie.ingest.crawl;

import io.vigie.ingest.fetch.FetchException;
import io.vigie.ingest.fetch.FetchResult;
import io.vigie.ingest.fetch.HttpFetcher;
import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.poll.FeedPoller;
import io.vigie.ingest.poll.PollOutcome;
import io.vigie.ingest.robots.RobotsCache;
import io.vigie.ingest.robots.RobotsRules;
import io.vigie.ingest.schedule.PollInterval;
import io.vigie.model.DeadLetter;
import io.vigie.model.IngestState;
import io.vigie.model.Schema;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One visit of a {@code sitemap} source: the sitemap (or sitemap index and the sitemaps it lists, up to the
 * source's page limit) is read through the same fetcher as feeds, and every article it lists becomes a
 * {@code thread} source, written in the same transaction as the sitemap's state, as a forum index does with its
 * threads. The article is then crawled, revisited and retired as any thread.
 *
 * <p>Incremental: the seen-state keeps each article's {@code lastmod}. An article not seen before becomes a source;
 * one whose {@code lastmod} is newer than the one kept is announced as changed (the push notice the engine already
 * knows), so its thread is visited at once even when it had gone quiet; the others cost nothing. An article whose
 * {@code lastmod} is older than the horizon is neither taken nor kept (a news sitemap can list years of articles);
 * neither is a sitemap of an index whose {@code lastmod} is older (by the protocol it lists nothing newer).
 *
 * <p>Never a silent drop: an unreadable or malformed sitemap is a dead letter and a failed visit (a sitemap of an
 * index: a dead letter, the others are still read); a URL on another host than the sitemap's, and the entries past
 * the cap, and the sitemaps of an index past the file limit (the newest are read first), are a dead letter, once
 * (a marker in the seen-state keeps the next visits from repeating it).
 */
public final class SitemapPoller {
    private static final String ARTICLE_KEY = "article|";
    private static final String REPORTED_KEY = "reported|";

    /**
     * What the sitemap poller needs from the configuration.
     *
     * @param horizon articles (and sitemaps of an index) whose lastmod is older are not taken
     * @param maxEntries the most articles taken from one visit; beyond, the newest are kept and the cut reported
     * @param maxBytes the most a sitemap may weigh once inflated
     */
    public record Settings(Duration horizon, int maxEntries, int defaultMaxFiles, Duration pageDelay, int seenLimit,
                           long maxBytes) {}

    private final HttpFetcher fetcher;
    private final RobotsCache robots;
    private final SitemapReader reader;
    private final Settings settings;

    public SitemapPoller(HttpFetcher fetcher, RobotsCache robots, Settings settings) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.settings = settings;
        this.reader = new SitemapReader(settings.maxBytes());
    }

    public FeedPoller.Polled poll(IngestState.Source source, IngestState.Feed previous, long minPoll, long maxPoll,
                                  Instant now) {
        IngestState.Feed prev = previous != null ? previous : FeedPoller.emptyState(source.url(), minPoll);
        URI root = URI.create(source.url().strip());
        String host = CanonicalUrl.host(root.toString());
        Instant horizon = now.minus(settings.horizon());
        int maxFiles = source.maxPages() != null ? source.maxPages() : settings.defaultMaxFiles();
        Map<String, String> seen = new HashMap<>(prev.seen());
        List<DeadLetter> letters = new ArrayList<>();
        Map<String, Instant> articles = new LinkedHashMap<>();
        Set<String> refused = new TreeSet<>();
        Deque<URI> files = new ArrayDeque<>(List.of(root));
        Set<String> read = new HashSet<>();
        Duration crawlDelay = null;
        int status = 0;
        int fileCount = 0;
        while (!files.isEmpty() && fileCount < maxFiles) {
            URI url = files.poll();
            if (!read.add(CanonicalUrl.of(url.toString()))) {
                continue;
            }
            boolean first = fileCount == 0;
            RobotsRules rules = robots == null ? null : robots.rulesFor(url);
            if (rules != null && rules.crawlDelay() != null) {
                crawlDelay = rules.crawlDelay();
            }
            if (rules != null && !rules.allows(url)) {
                String why = rules.disallowsEverything() ? "robots.txt unreachable or server error: the site is not"
                        + " fetched until it can be read" : "disallowed by robots.txt";
                if (first) {
                    return failed(prev, why, now, minPoll, maxPoll, crawlDelay, List.of());
                }
                letters.add(letter(source, url + ": " + why, "SitemapNotFetched", null, now));
                continue;
            }
            if (!first) {
                pause(crawlDelay);
            }
            fileCount++;
            FetchResult result;
            try {
                result = fetcher.get(url, null, null);
            } catch (FetchException e) {
                if (first) {
                    return failed(prev, e.getMessage(), now, minPoll, maxPoll, crawlDelay, List.of());
                }
                letters.add(letter(source, url + ": " + e.getMessage(), "SitemapNotFetched", null, now));
                continue;
            }
            if (first) {
                status = result.status();
                if (status == 429 || status == 503) {
                    PollOutcome o = FeedPoller.failure(prev, "HTTP " + status, now, minPoll, maxPoll);
                    return new FeedPoller.Polled(o, status, result.retryAfter(), true, false, crawlDelay);
                }
            }
            if (!result.ok()) {
                String why = "HTTP " + result.status() + " from " + result.finalUrl();
                if (first) {
                    return failed(prev, why, now, minPoll, maxPoll, crawlDelay, List.of());
                }
                letters.add(letter(source, why, "SitemapNotFetched", null, now));
                continue;
            }
            SitemapReader.Listing listing;
            try {
                listing = reader.read(result.body(), result.contentType(), result.finalUrl());
            } catch (SitemapReader.SitemapUnreadableException e) {
                DeadLetter unreadable = letter(source, e.getMessage(), "SitemapUnreadable", result.body(), now);
                if (first) {
                    return failed(prev, e.getMessage(), now, minPoll, maxPoll, crawlDelay, List.of(unreadable));
                }
                letters.add(unreadable);
                continue;
            }
            List<SitemapReader.Entry> entries = new ArrayList<>(listing.entries());
            if (listing.index()) {
                // newest sitemaps first (an undated one counts as new): past the file limit, the old months wait
                entries.sort(Comparator.comparing((SitemapReader.Entry e) -> e.lastModified() == null ? Instant.MAX
                        : e.lastModified()).reversed());
            }
            for (SitemapReader.Entry entry : entries) {
                String url1 = entry.url().toString();
                if (!host.equals(CanonicalUrl.host(url1)) || !url1.matches("(?i)https?://.*")) {
                    refused.add(url1);
                } else if (listing.index()) {
                    if (entry.lastModified() == null || !entry.lastModified().isBefore(horizon)) {
                        files.add(entry.url());
                    }
                } else {
                    articles.merge(CanonicalUrl.of(url1), entry.lastModified() == null ? Instant.EPOCH
                            : entry.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        long sequence = prev.polls() + 1;
        if (!files.isEmpty()) {
            report(seen, letters, source, "files:" + files.size(), files.size() + " sitemap(s) of the index past the"
                    + " limit of " + maxFiles + " files a visit (maxPages) are not read, e.g. " + files.peek(),
                    "SitemapTooLarge", now, sequence);
        }
        if (!refused.isEmpty()) {
            report(seen, letters, source, "offhost:" + String.join(" ", refused).hashCode(), refused.size()
                    + " URL(s) on another host than the sitemap's (" + host + ") are not crawled: "
                    + String.join(" ", refused.stream().limit(10).toList()), "SitemapOffHost", now, sequence);
        }
        Selection selection = select(articles, seen, horizon, settings.maxEntries(), sequence);
        if (selection.listed() > settings.maxEntries()) {
            report(seen, letters, source, "overflow", "the sitemap lists " + selection.listed() + " articles within"
                    + " the horizon, more than the cap of " + settings.maxEntries() + " (ingest.sitemapMaxEntries): only the newest are"
                    + " crawled", "SitemapTooLarge", now, sequence);
        }
        seen.putAll(selection.seen());
        // articles past the horizon are not taken again: keeping them would only grow the state; those not listed
        // this time (a sitemap of the index unreadable, or past the page limit) are kept, or they would come back as new
        long horizonMillis = horizon.toEpochMilli();
        seen.entrySet().removeIf(e -> e.getKey().startsWith(ARTICLE_KEY) && lastmodOf(e.getValue()) != 0
                && lastmodOf(e.getValue()) < horizonMillis);
        FeedPoller.trim(seen, settings.seenLimit() + settings.maxEntries());
        List<IngestState.Source> discovered = new ArrayList<>();
        for (String article : selection.added()) {
            discovered.add(new IngestState.Source(source.name() + " › " + pathOf(article), article, "thread",
                    source.minPollSeconds(), source.maxPollSeconds(), source.brands(), false, "sitemap:" + source.name(),
                    now, source.rule(), null));
        }
        List<String> changed = selection.changed();
        long interval = PollInterval.afterSuccess(prev.intervalSeconds(), discovered.size() + changed.size(), minPoll,
                maxPoll);
        IngestState.Feed next = new IngestState.Feed(prev.url(), null, null, seen, now, now, interval, prev.lastError(),
                prev.lastErrorAt(), prev.errorCount(), 0, prev.itemsPublished(), prev.polls() + 1);
        return new FeedPoller.Polled(new PollOutcome(next, List.of(), letters, articles.size(), false, discovered,
                changed), status, null, false, false, crawlDelay);
    }

    /**
     * What a visit takes from the articles listed.
     *
     * @param added articles not seen before (to become thread sources)
     * @param changed articles seen before whose lastmod is newer now
     * @param seen the seen-state entries of the articles taken this visit
     * @param listed how many articles listed are within the horizon (or undated), before the cap
     */
    record Selection(List<String> added, List<String> changed, Map<String, String> seen, int listed) {
        Selection {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            seen = Map.copyOf(seen);
        }
    }

    /**
     * The diff of one visit, pure: the articles listed (canonical URL → lastmod, {@link Instant#EPOCH} when the
     * sitemap gives none) against the seen-state. Past the cap the newest are kept (the ones people comment on
     * now). An article older than the horizon is neither taken nor kept; one without lastmod is taken once.
     */
    static Selection select(Map<String, Instant> articles, Map<String, String> seenBefore, Instant horizon,
                            int maxEntries, long sequence) {
        // the horizon first: a news sitemap listing years of articles is not "too many" for the few recent ones
        List<Map.Entry<String, Instant>> listed = new ArrayList<>(articles.entrySet().stream()
                .filter(a -> a.getValue().equals(Instant.EPOCH) || !a.getValue().isBefore(horizon)).toList());
        int recent = listed.size();
        if (listed.size() > maxEntries) {
            listed.sort(Map.Entry.<String, Instant>comparingByValue(Comparator.reverseOrder()));
            listed = listed.subList(0, maxEntries);
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, Instant> article : listed) {
            String key = ARTICLE_KEY + article.getKey();
            Instant lastmod = article.getValue();
            String before = seenBefore.get(key);
            long kept = before == null ? 0 : lastmodOf(before);
            if (before == null) {
                added.add(article.getKey());
            } else if (lastmod.toEpochMilli() > kept) {
                changed.add(article.getKey());
            }
            seen.put(key, Math.max(lastmod.toEpochMilli(), kept) + ":article:x:" + sequence);
        }
        return new Selection(added, changed, seen, recent);
    }

    /** A dead letter once per distinct problem: the marker in the seen-state is what "once" remembers. */
    private static void report(Map<String, String> seen, List<DeadLetter> letters, IngestState.Source source,
                               String what, String reason, String type, Instant now, long sequence) {
        if (seen.put(REPORTED_KEY + what, "0:reported:x:" + sequence) == null) {
            letters.add(letter(source, reason, type, null, now));
        }
    }

    private static DeadLetter letter(IngestState.Source source, String reason, String type, byte[] body, Instant now) {
        byte[] original = body == null ? null : Arrays.copyOf(body, Math.min(body.length, 64 * 1024));
        return new DeadLetter(Schema.VERSION, "ingest.parse", null, null, null, source.url(), reason, type, original, now);
    }

    private static long lastmodOf(String seenValue) {
        try {
            return Long.parseLong(seenValue.substring(0, seenValue.indexOf(':')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String pathOf(String url) {
        return CrawlPace.pathOf(url);
    }

    private void pause(Duration crawlDelay) {
        CrawlPace.pause(settings.pageDelay(), crawlDelay);
    }

    private static FeedPoller.Polled failed(IngestState.Feed prev, String why, Instant now, long minPoll, long maxPoll,
                                            Duration crawlDelay, List<DeadLetter> letters) {
        PollOutcome failure = FeedPoller.failure(prev, why, now, minPoll, maxPoll);
        PollOutcome withLetters = new PollOutcome(failure.feedState(), List.of(), letters, 0, true);
        return new FeedPoller.Polled(withLetters, 0, null, false, true, crawlDelay);
    }
}
