package io.vigie.ingest.robots;

import io.vigie.ingest.fetch.FetchException;
import io.vigie.ingest.fetch.FetchResult;
import io.vigie.ingest.fetch.HttpFetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per origin, fetched on first need and kept for a day (RFC 9309 §2.4 advises no more than 24 hours);
 * a failed fetch (5xx, unreachable) is retried sooner, since it blocks the whole site meanwhile.
 */
public final class RobotsCache {
    private static final Duration SUCCESS_TTL = Duration.ofHours(24);
    private static final Duration FAILURE_TTL = Duration.ofMinutes(10);

    private record Entry(RobotsRules rules, Instant expires) {}

    private final HttpFetcher fetcher;
    private final String productToken;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> byOrigin = new ConcurrentHashMap<>();

    public RobotsCache(HttpFetcher fetcher, String productToken, Clock clock) {
        this.fetcher = fetcher;
        this.productToken = productToken;
        this.clock = clock;
    }

    /** The rules for the URL's origin; the caller holds the host's politeness slot while this may fetch. */
    public RobotsRules rulesFor(URI url) {
        String origin = origin(url);
        Entry entry = byOrigin.get(origin);
        Instant now = clock.instant();
        if (entry != null && entry.expires().isAfter(now)) {
            return entry.rules();
        }
        RobotsRules rules;
        Duration ttl = SUCCESS_TTL;
        try {
            FetchResult result = fetcher.get(URI.create(origin + "/robots.txt"), null, null);
            int status = result.status();
            if (result.ok()) {
                rules = RobotsRules.parse(result.body(), productToken);
            } else if (status >= 400 && status < 500) {
                rules = RobotsRules.allowAll();
            } else {
                rules = RobotsRules.disallowAll();
                ttl = FAILURE_TTL;
            }
        } catch (FetchException e) {
            rules = RobotsRules.disallowAll();
            ttl = FAILURE_TTL;
        }
        byOrigin.put(origin, new Entry(rules, now.plus(ttl)));
        return rules;
    }

    static String origin(URI url) {
        int port = url.getPort();
        return url.getScheme().toLowerCase() + "://" + url.getHost().toLowerCase() + (port < 0 ? "" : ":" + port);
    }
}
