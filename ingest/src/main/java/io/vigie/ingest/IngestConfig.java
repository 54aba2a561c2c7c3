package io.vigie.ingest;

import io.vigie.ingest.crawl.SiteRule;
import io.vigie.ingest.crawl.SiteRules;
import io.vigie.ingest.ssrf.AddressRange;
import io.vigie.runtime.config.ConfigDocument;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code ingest:} section of the configuration file.
 *
 * <pre>
 * ingest:
 *   contactUrl: https://example.org/about-our-monitoring   # in the User-Agent, required
 *   allowedPrivateRanges: [127.0.0.0/8]                      # SSRF guard exceptions, none by default
 *   minHostDelayMillis: 1000
 *   sources:
 *     - name: Kryptonite forum
 *       url: https://forum.example/feed
 *       kind: feed            # feed | comments | video | site | thread | forum | sitemap
 *       minPollSeconds: 300
 *       maxPollSeconds: 3600
 *       brands: [kryptonite]
 *       paused: false
 * </pre>
 */
public record IngestConfig(
        String contactUrl,
        List<String> allowedPrivateRanges,
        Long minHostDelayMillis,
        Long maxBackoffSeconds,
        Long connectTimeoutMillis,
        Long readTimeoutMillis,
        Long maxResponseBytes,
        Integer maxRedirects,
        Integer fetchThreads,
        Boolean obeyRobots,
        Long defaultMinPollSeconds,
        Long defaultMaxPollSeconds,
        Long signalPollSeconds,
        Integer seenLimitPerFeed,
        Long transactionTimeoutMillis,
        List<SourceConfig> sources,
        Push push,
        List<SiteRule> crawlRules,
        Integer defaultMaxPages,
        Long retireAfterDays,
        Long sitemapHorizonDays,
        Integer sitemapMaxEntries) {

    /**
     * Source kinds: feeds ({@code feed, comments, video, site}) and crawled pages ({@code thread, forum, sitemap}).
     */
    public static final List<String> KINDS = List.of("feed", "comments", "video", "site", "thread", "forum", "sitemap");

    /** The kinds read by the crawler, to which a site rule and a page limit apply. */
    public static final List<String> CRAWLED_KINDS = List.of("thread", "forum", "sitemap");

    public static final IngestConfig DEFAULTS = new IngestConfig(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** Without sitemap settings (their defaults). */
    public IngestConfig(String contactUrl, List<String> allowedPrivateRanges, Long minHostDelayMillis,
                        Long maxBackoffSeconds, Long connectTimeoutMillis, Long readTimeoutMillis, Long maxResponseBytes,
                        Integer maxRedirects, Integer fetchThreads, Boolean obeyRobots, Long defaultMinPollSeconds,
                        Long defaultMaxPollSeconds, Long signalPollSeconds, Integer seenLimitPerFeed,
                        Long transactionTimeoutMillis, List<SourceConfig> sources, Push push, List<SiteRule> crawlRules,
                        Integer defaultMaxPages, Long retireAfterDays) {
        this(contactUrl, allowedPrivateRanges, minHostDelayMillis, maxBackoffSeconds, connectTimeoutMillis,
                readTimeoutMillis, maxResponseBytes, maxRedirects, fetchThreads, obeyRobots, defaultMinPollSeconds,
                defaultMaxPollSeconds, signalPollSeconds, seenLimitPerFeed, transactionTimeoutMillis, sources, push,
                crawlRules, defaultMaxPages, retireAfterDays, null, null);
    }

    /** Without crawl settings (feeds and push only). */
    public IngestConfig(String contactUrl, List<String> allowedPrivateRanges, Long minHostDelayMillis,
                        Long maxBackoffSeconds, Long connectTimeoutMillis, Long readTimeoutMillis, Long maxResponseBytes,
                        Integer maxRedirects, Integer fetchThreads, Boolean obeyRobots, Long defaultMinPollSeconds,
                        Long defaultMaxPollSeconds, Long signalPollSeconds, Integer seenLimitPerFeed,
                        Long transactionTimeoutMillis, List<SourceConfig> sources, Push push) {
        this(contactUrl, allowedPrivateRanges, minHostDelayMillis, maxBackoffSeconds, connectTimeoutMillis,
                readTimeoutMillis, maxResponseBytes, maxRedirects, fetchThreads, obeyRobots, defaultMinPollSeconds,
                defaultMaxPollSeconds, signalPollSeconds, seenLimitPerFeed, transactionTimeoutMillis, sources, push,
                null, null, null, null, null);
    }

    /** Without a push endpoint (polling only). */
    public IngestConfig(String contactUrl, List<String> allowedPrivateRanges, Long minHostDelayMillis,
                        Long maxBackoffSeconds, Long connectTimeoutMillis, Long readTimeoutMillis, Long maxResponseBytes,
                        Integer maxRedirects, Integer fetchThreads, Boolean obeyRobots, Long defaultMinPollSeconds,
                        Long defaultMaxPollSeconds, Long signalPollSeconds, Integer seenLimitPerFeed,
                        Long transactionTimeoutMillis, List<SourceConfig> sources) {
        this(contactUrl, allowedPrivateRanges, minHostDelayMillis, maxBackoffSeconds, connectTimeoutMillis,
                readTimeoutMillis, maxResponseBytes, maxRedirects, fetchThreads, obeyRobots, defaultMinPollSeconds,
                defaultMaxPollSeconds, signalPollSeconds, seenLimitPerFeed, transactionTimeoutMillis, sources, null,
                null, null, null, null, null);
    }

    /**
     * The push endpoint: WebSub callbacks and pings that say a feed changed, so it is polled at once instead of at
     * its next poll. Off by default. Every route is under {@code /push/<token>/}: the token is the secret that only
     * the hubs and sites told about it know (WebSub puts it in the callback URL).
     */
    public record Push(Boolean enabled, String host, Integer port, String token) {
        public Push {
            enabled = enabled != null && enabled;
            host = host == null ? "0.0.0.0" : host;
            port = port == null ? 8091 : port;
        }
    }

    public IngestConfig {
        allowedPrivateRanges = allowedPrivateRanges == null ? List.of() : List.copyOf(allowedPrivateRanges);
        minHostDelayMillis = minHostDelayMillis == null ? 1000L : minHostDelayMillis;
        maxBackoffSeconds = maxBackoffSeconds == null ? 3600L : maxBackoffSeconds;
        connectTimeoutMillis = connectTimeoutMillis == null ? 10_000L : connectTimeoutMillis;
        readTimeoutMillis = readTimeoutMillis == null ? 30_000L : readTimeoutMillis;
        maxResponseBytes = maxResponseBytes == null ? 10L * 1024 * 1024 : maxResponseBytes;
        maxRedirects = maxRedirects == null ? 5 : maxRedirects;
        fetchThreads = fetchThreads == null ? 16 : fetchThreads;
        obeyRobots = obeyRobots == null ? Boolean.TRUE : obeyRobots;
        defaultMinPollSeconds = defaultMinPollSeconds == null ? 300L : defaultMinPollSeconds;
        defaultMaxPollSeconds = defaultMaxPollSeconds == null ? 3600L : defaultMaxPollSeconds;
        signalPollSeconds = signalPollSeconds == null ? 60L : signalPollSeconds;
        seenLimitPerFeed = seenLimitPerFeed == null ? 2000 : seenLimitPerFeed;
        transactionTimeoutMillis = transactionTimeoutMillis == null ? 60_000L : transactionTimeoutMillis;
        sources = sources == null ? List.of() : List.copyOf(sources);
        push = push == null ? new Push(null, null, null, null) : push;
        crawlRules = crawlRules == null ? List.of() : List.copyOf(crawlRules);
        defaultMaxPages = defaultMaxPages == null ? 20 : defaultMaxPages;
        retireAfterDays = retireAfterDays == null ? 30L : retireAfterDays;
        // a week: a news sitemap lists years of articles, and comments gather in the first days
        sitemapHorizonDays = sitemapHorizonDays == null ? 7L : sitemapHorizonDays;
        // the seen-state keeps one entry per article in one ingest.state record, which must stay under Kafka's
        // default message size (about 80 bytes an entry)
        sitemapMaxEntries = sitemapMaxEntries == null ? 5000 : sitemapMaxEntries;
    }

    /** The rule of that name, or null. */
    public SiteRule rule(String name) {
        return name == null ? null : crawlRules.stream().filter(r -> name.equals(r.name())).findFirst().orElse(null);
    }

    /** One source as written in the file. */
    public record SourceConfig(String name, String url, String kind, Long minPollSeconds, Long maxPollSeconds,
                               List<String> brands, Boolean paused, String rule, Integer maxPages) {
        public SourceConfig {
            brands = brands == null ? List.of() : List.copyOf(brands);
            paused = paused != null && paused;
        }

        public SourceConfig(String name, String url, String kind, Long minPollSeconds, Long maxPollSeconds,
                            List<String> brands, Boolean paused) {
            this(name, url, kind, minPollSeconds, maxPollSeconds, brands, paused, null, null);
        }
    }

    /** Binds and validates the section; errors name the key and its line. */
    public static IngestConfig bind(ConfigDocument doc) {
        IngestConfig c = doc.bind("ingest", IngestConfig.class, DEFAULTS);
        c.validate(doc);
        return c;
    }

    public void validate(ConfigDocument doc) {
        if (contactUrl == null || contactUrl.isBlank()) {
            throw doc.error("ingest.contactUrl", "is required: a URL or mailto: where site owners can reach you; "
                    + "it is sent in the User-Agent of every request");
        }
        if (!contactUrl.matches("(?i)(https?://|mailto:)\\S+")) {
            throw doc.error("ingest.contactUrl", "must be an http(s):// or mailto: URL, got " + contactUrl);
        }
        for (int i = 0; i < allowedPrivateRanges.size(); i++) {
            try {
                AddressRange.parse(allowedPrivateRanges.get(i));
            } catch (IllegalArgumentException e) {
                throw doc.error("ingest.allowedPrivateRanges[" + i + "]", e.getMessage());
            }
        }
        positive(doc, "ingest.connectTimeoutMillis", connectTimeoutMillis);
        positive(doc, "ingest.readTimeoutMillis", readTimeoutMillis);
        positive(doc, "ingest.maxResponseBytes", maxResponseBytes);
        positive(doc, "ingest.fetchThreads", fetchThreads);
        positive(doc, "ingest.defaultMinPollSeconds", defaultMinPollSeconds);
        if (minHostDelayMillis < 0) {
            throw doc.error("ingest.minHostDelayMillis", "must not be negative");
        }
        if (defaultMaxPollSeconds < defaultMinPollSeconds) {
            throw doc.error("ingest.defaultMaxPollSeconds", "must be at least defaultMinPollSeconds");
        }
        if (push.enabled()) {
            if (push.token() == null || push.token().length() < 16 || !push.token().matches("[A-Za-z0-9_-]+")) {
                throw doc.error("ingest.push.token", "is required when push is enabled: at least 16 letters, digits,"
                        + " '-' or '_' (it is part of every push URL, so only those told about it can notify)");
            }
            if (push.port() < 0 || push.port() > 65535) {
                throw doc.error("ingest.push.port", "must be a port number (0 for any free one), got " + push.port());
            }
        }
        Set<String> ruleNames = new HashSet<>();
        for (int i = 0; i < crawlRules.size(); i++) {
            SiteRule r = crawlRules.get(i);
            String key = "ingest.crawlRules[" + i + "]";
            if (r.name() == null || r.name().isBlank() || !ruleNames.add(r.name())) {
                throw doc.error(key + ".name", "is required and must be unique");
            }
            if (r.item() == null || r.item().isBlank()) {
                throw doc.error(key + ".item", "is required: the CSS selector of one comment or post");
            }
            String bad = SiteRules.invalidSelector(r);
            if (bad != null) {
                throw doc.error(key + "." + bad.substring(0, bad.indexOf(':')), bad.substring(bad.indexOf(':') + 1).strip());
            }
            if (r.timeZone() != null) {
                try {
                    java.time.ZoneId.of(r.timeZone());
                } catch (java.time.DateTimeException e) {
                    throw doc.error(key + ".timeZone", "is not a time zone (e.g. Europe/Paris): " + r.timeZone());
                }
            }
            if (r.dateFormat() != null) {
                try {
                    java.time.format.DateTimeFormatter.ofPattern(r.dateFormat());
                } catch (IllegalArgumentException | ClassCastException e) {
                    // The JDK throws ClassCastException for a pad before adjacent fields ("ppHmm"): still a bad pattern.
                    throw doc.error(key + ".dateFormat", "is not a DateTimeFormatter pattern: " + e.getMessage());
                }
            }
        }
        positive(doc, "ingest.defaultMaxPages", defaultMaxPages);
        positive(doc, "ingest.retireAfterDays", retireAfterDays);
        positive(doc, "ingest.sitemapHorizonDays", sitemapHorizonDays);
        positive(doc, "ingest.sitemapMaxEntries", sitemapMaxEntries);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceConfig s = sources.get(i);
            String key = "ingest.sources[" + i + "]";
            if (s.name() == null || s.name().isBlank()) {
                throw doc.error(key + ".name", "is required");
            }
            if (!names.add(s.name())) {
                throw doc.error(key + ".name", "duplicates another source's name: " + s.name());
            }
            checkSourceUrl(doc, key + ".url", s.url());
            if (s.kind() != null && !KINDS.contains(s.kind())) {
                throw doc.error(key + ".kind", "must be one of " + String.join(", ", KINDS) + ", got " + s.kind());
            }
            if (s.rule() != null && rule(s.rule()) == null) {
                throw doc.error(key + ".rule", "names no rule of ingest.crawlRules: " + s.rule());
            }
            // No kind is a feed (List.contains(null) would throw: it was a NullPointerException at start).
            if (s.rule() != null && (s.kind() == null || !CRAWLED_KINDS.contains(s.kind()))) {
                throw doc.error(key + ".rule", "applies to kind thread, forum or sitemap only");
            }
            if (s.maxPages() != null && s.maxPages() <= 0) {
                throw doc.error(key + ".maxPages", "must be positive");
            }
            if (s.minPollSeconds() != null && s.minPollSeconds() <= 0) {
                throw doc.error(key + ".minPollSeconds", "must be positive");
            }
            if (s.minPollSeconds() != null && s.maxPollSeconds() != null && s.maxPollSeconds() < s.minPollSeconds()) {
                throw doc.error(key + ".maxPollSeconds", "must be at least minPollSeconds");
            }
        }
    }

    private static void checkSourceUrl(ConfigDocument doc, String key, String url) {
        if (url == null || url.isBlank()) {
            throw doc.error(key, "is required");
        }
        try {
            URI u = new URI(url.strip());
            if (u.getScheme() == null || !u.getScheme().matches("(?i)https?") || u.getHost() == null) {
                throw doc.error(key, "must be an absolute http(s) URL, got " + url);
            }
        } catch (java.net.URISyntaxException e) {
            throw doc.error(key, "is not a valid URL: " + e.getMessage());
        }
    }

    private static void positive(ConfigDocument doc, String key, Number value) {
        if (value.doubleValue() <= 0) {
            throw doc.error(key, "must be positive");
        }
    }
}
