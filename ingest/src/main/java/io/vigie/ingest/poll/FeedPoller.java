package io.vigie.ingest.poll;

import io.vigie.ingest.crawl.ThreadPoller;
import io.vigie.ingest.feeds.FeedDocument;
import io.vigie.ingest.feeds.FeedReader;
import io.vigie.ingest.feeds.FeedUnreadableException;
import io.vigie.ingest.feeds.MentionBuilder;
import io.vigie.ingest.fetch.FetchException;
import io.vigie.ingest.fetch.FetchResult;
import io.vigie.ingest.fetch.HttpFetcher;
import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.robots.RobotsCache;
import io.vigie.ingest.robots.RobotsRules;
import io.vigie.ingest.schedule.PollInterval;
import io.vigie.model.DeadLetter;
import io.vigie.model.IngestState;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One poll of one feed. Robots rules are checked first; then a conditional GET; a 304 or an unchanged item costs
 * nothing downstream; a new id is published as version 1, a changed one (content or engagement) as the next
 * version. Never throws for a bad feed: the failure is recorded in the feed state.
 */
public final class FeedPoller {

    /** The result plus what the engine needs for politeness. */
    public record Polled(PollOutcome outcome, int httpStatus, Duration retryAfter, boolean throttled, boolean fetchFailed,
                         Duration crawlDelay) {
        Polled(PollOutcome outcome, int httpStatus, Duration retryAfter, boolean throttled, boolean fetchFailed) {
            this(outcome, httpStatus, retryAfter, throttled, fetchFailed, null);
        }

        Polled withCrawlDelay(Duration delay) {
            return new Polled(outcome, httpStatus, retryAfter, throttled, fetchFailed, delay);
        }
    }

    private final HttpFetcher fetcher;
    private final RobotsCache robots;
    private final FeedReader reader;
    private final MentionBuilder builder;
    private final int seenLimit;
    private final ThreadPoller pages;

    public FeedPoller(HttpFetcher fetcher, RobotsCache robots, FeedReader reader, MentionBuilder builder, int seenLimit) {
        this(fetcher, robots, reader, builder, seenLimit, null);
    }

    /** @param pages reads the sources of kind thread and forum (HTML pages, not feeds); null refuses them */
    public FeedPoller(HttpFetcher fetcher, RobotsCache robots, FeedReader reader, MentionBuilder builder, int seenLimit,
                      ThreadPoller pages) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.reader = reader;
        this.builder = builder;
        this.seenLimit = seenLimit;
        this.pages = pages;
    }

    public Polled poll(IngestState.Source source, IngestState.Feed previous, long minPoll, long maxPoll, Instant now) {
        URI url = URI.create(source.url().strip());
        try {
            fetcher.check(url); // a refused address is reported as such, not as an unreadable robots.txt
        } catch (FetchException e) {
            IngestState.Feed prev = previous != null ? previous : emptyState(source.url(), minPoll);
            return new Polled(failure(prev, e.getMessage(), now, minPoll, maxPoll), 0, null, false, true);
        }
        if (source.crawled()) {
            if (pages == null) {
                IngestState.Feed prev = previous != null ? previous : emptyState(source.url(), minPoll);
                return new Polled(failure(prev, "kind " + source.kind() + " is not read here", now, minPoll, maxPoll),
                        0, null, false, true);
            }
            return pages.poll(source, previous, minPoll, maxPoll, now);
        }
        RobotsRules rules = robots == null ? null : robots.rulesFor(url);
        Polled polled = poll(source, previous, minPoll, maxPoll, now, url, rules);
        return rules == null || rules.crawlDelay() == null ? polled : polled.withCrawlDelay(rules.crawlDelay());
    }

    private Polled poll(IngestState.Source source, IngestState.Feed previous, long minPoll, long maxPoll, Instant now,
                        URI url, RobotsRules rules) {
        IngestState.Feed prev = previous != null ? previous : emptyState(source.url(), minPoll);
        if (rules != null) {
            if (!rules.allows(url)) {
                String why = rules.disallowsEverything()
                        ? "robots.txt unreachable or server error: the site is not fetched until it can be read"
                        : "disallowed by robots.txt";
                return new Polled(failure(prev, why, now, minPoll, maxPoll), 0, null, false, true);
            }
        }
        FetchResult result;
        try {
            result = fetcher.get(url, prev.etag(), prev.lastModified());
        } catch (FetchException e) {
            return new Polled(failure(prev, e.getMessage(), now, minPoll, maxPoll), 0, null, false, true);
        }
        int status = result.status();
        if (status == 429 || status == 503) {
            String retry = result.retryAfter() == null ? "" : " (Retry-After " + result.retryAfter().toSeconds() + " s)";
            return new Polled(failure(prev, "HTTP " + status + retry, now, minPoll, maxPoll), status,
                    result.retryAfter(), true, false);
        }
        if (result.notModified()) {
            IngestState.Feed next = new IngestState.Feed(prev.url(), result.etag(), result.lastModified(), prev.seen(),
                    now, now, PollInterval.afterSuccess(prev.intervalSeconds(), 0, minPoll, maxPoll), prev.lastError(),
                    prev.lastErrorAt(), prev.errorCount(), 0, prev.itemsPublished(), prev.polls() + 1);
            return new Polled(new PollOutcome(next, List.of(), List.of(), 0, false), status, null, false, false);
        }
        if (!result.ok()) {
            return new Polled(failure(prev, "HTTP " + status + " from " + result.finalUrl(), now, minPoll, maxPoll),
                    status, null, false, status >= 500);
        }
        FeedDocument doc;
        try {
            doc = reader.read(result.body(), result.contentType(), result.base().toString());
        } catch (FeedUnreadableException e) {
            DeadLetter letter = new DeadLetter(Schema.VERSION, "ingest.parse", null, null, null, source.url(),
                    e.getMessage(), "FeedUnreadable", truncate(result.body()), now);
            IngestState.Feed failed = failure(prev, e.getMessage(), now, minPoll, maxPoll).feedState();
            failed = withValidators(failed, null, null); // refetch in full next time
            return new Polled(new PollOutcome(failed, List.of(), List.of(letter), 0, true), status, null, false, false);
        }
        List<MentionBuilder.Built> built = builder.build(doc, source.name(), source.kind(), source.url(), now);
        Map<String, String> seen = new HashMap<>(prev.seen());
        List<RawMention> toPublish = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Set<String> inThisPoll = new HashSet<>();
        long sequence = prev.polls() + 1;
        for (MentionBuilder.Built b : built) {
            if (b.refused()) {
                deadLetters.add(new DeadLetter(Schema.VERSION, "ingest.build", null, null, null, source.url(),
                        b.refusal(), "Unidentifiable", String.valueOf(b.entry()).getBytes(StandardCharsets.UTF_8), now));
                continue;
            }
            RawMention m = b.mention();
            if (!inThisPoll.add(m.id())) {
                continue; // the same item twice in one feed document
            }
            RawMention next = nextVersion(seen, m, b.engagementHash(), sequence);
            if (next != null) {
                toPublish.add(next);
            }
        }
        trim(seen, seenLimit);
        IngestState.Feed next = new IngestState.Feed(prev.url(), result.etag(), result.lastModified(), seen, now, now,
                PollInterval.afterSuccess(prev.intervalSeconds(), toPublish.size(), minPoll, maxPoll), prev.lastError(),
                prev.lastErrorAt(), prev.errorCount(), 0, prev.itemsPublished() + toPublish.size(), sequence);
        return new Polled(new PollOutcome(next, toPublish, deadLetters, built.size(), false), status, null, false, false);
    }

    public static IngestState.Feed emptyState(String url, long minPoll) {
        return new IngestState.Feed(CanonicalUrl.of(url), null, null, Map.of(), null, null, minPoll, null, null, 0, 0, 0, 0);
    }

    public static PollOutcome failure(IngestState.Feed prev, String error, Instant now, long minPoll, long maxPoll) {
        long consecutive = prev.consecutiveErrors() + 1;
        IngestState.Feed next = new IngestState.Feed(prev.url(), prev.etag(), prev.lastModified(), prev.seen(), now,
                prev.lastSuccessAt(), PollInterval.afterError(consecutive, minPoll, maxPoll), error, now,
                prev.errorCount() + 1, consecutive, prev.itemsPublished(), prev.polls() + 1);
        return new PollOutcome(next, List.of(), List.of(), 0, true);
    }

    private static IngestState.Feed withValidators(IngestState.Feed f, String etag, String lastModified) {
        return new IngestState.Feed(f.url(), etag, lastModified, f.seen(), f.lastPolledAt(), f.lastSuccessAt(),
                f.intervalSeconds(), f.lastError(), f.lastErrorAt(), f.errorCount(), f.consecutiveErrors(),
                f.itemsPublished(), f.polls());
    }

    /**
     * The mention to publish for an item read now, or null when it is unchanged: a new id is version 1, changed
     * content or engagement the next version. Updates {@code seen} (id → "version:contentHash:engagementHash:sequence").
     */
    public static RawMention nextVersion(Map<String, String> seen, RawMention m, String engagementHash, long sequence) {
        String fingerprint = m.provenance().contentHash() + ":" + engagementHash;
        String previousValue = seen.get(m.id());
        long version = 1;
        if (previousValue != null) {
            String[] parts = previousValue.split(":", 4);
            if (parts.length >= 3 && (parts[1] + ":" + parts[2]).equals(fingerprint)) {
                seen.put(m.id(), parts[0] + ":" + fingerprint + ":" + sequence); // still there: keep it fresh
                return null;
            }
            version = Long.parseLong(parts[0]) + 1;
        }
        seen.put(m.id(), version + ":" + fingerprint + ":" + sequence);
        return withVersion(m, version);
    }

    public static RawMention withVersion(RawMention m, long version) {
        return new RawMention(m.schemaVersion(), m.id(), version, m.source(), m.sourceHost(), m.kind(), m.url(),
                m.parentUrl(), m.threadUrl(), m.author(), m.title(), m.text(), m.safeHtml(), m.categories(), m.media(),
                m.publishedAt(), m.fetchedAt(), m.languageHint(), m.engagement(), m.provenance(), m.position(),
                m.replyUrl());
    }

    /** Keeps the ids seen most recently (largest poll sequence): old items that left the feed are forgotten. */
    public static void trim(Map<String, String> seen, int limit) {
        if (seen.size() <= limit) {
            return;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(seen.entrySet());
        entries.sort((a, b) -> Long.compare(sequenceOf(b.getValue()), sequenceOf(a.getValue())));
        for (int i = limit; i < entries.size(); i++) {
            seen.remove(entries.get(i).getKey());
        }
    }

    private static long sequenceOf(String value) {
        String[] parts = value.split(":");
        try {
            return Long.parseLong(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] truncate(byte[] body) {
        int max = 64 * 1024;
        return body.length <= max ? body : java.util.Arrays.copyOf(body, max);
    }

}
