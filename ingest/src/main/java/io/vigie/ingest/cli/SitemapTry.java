package io.vigie.ingest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.crawl.SitemapReader;
import io.vigie.ingest.poll.FeedPoller;
import io.vigie.ingest.poll.FetchStack;
import io.vigie.model.DeadLetter;
import io.vigie.model.IngestState;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vigie sources try} on a sitemap. A URL is visited as a {@code sitemap} source would be on its first visit
 * (index and sitemaps, horizon, cap, host check): one JSON line per article it would crawl, then one line to
 * stderr saying it is a sitemap and how many articles it lists. A file is only read (no index to follow): one
 * line per entry it lists.
 */
final class SitemapTry {
    private final PrintWriter out;
    private final PrintWriter err;

    SitemapTry(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Whether the target is read as a sitemap: kind sitemap, or a name like sitemap.xml, sitemap-1.xml.gz. */
    static boolean applies(String target, String kind) {
        if (kind.equals("sitemap")) {
            return true;
        }
        String path = target.matches("(?i)https?://.*") ? URI.create(target).getPath() : target;
        return path != null && path.toLowerCase(Locale.ROOT).matches(".*sitemap[^/]*\\.xml(\\.gz)?$");
    }

    int run(String target, Path config, String contactUrl, List<String> allowRanges) throws IOException {
        ObjectMapper json = VigieJson.newMapper();
        if (!target.matches("(?i)https?://.*")) {
            Path file = Path.of(target);
            IngestConfig ingest = config != null ? CliSupport.ingest(config, contactUrl, allowRanges) : IngestConfig.DEFAULTS;
            try {
                SitemapReader.Listing listing = new SitemapReader(ingest.maxResponseBytes())
                        .read(Files.readAllBytes(file), null, file.toAbsolutePath().toUri());
                for (SitemapReader.Entry e : listing.entries()) {
                    out.println(json.writeValueAsString(Map.of("url", e.url().toString(),
                            "lastmod", String.valueOf(e.lastModified()))));
                }
                out.flush();
                err.println("sitemap: " + (listing.index() ? "a sitemap index listing " + listing.entries().size()
                        + " sitemaps (a file: they are not followed)" : "a sitemap listing " + listing.entries().size()
                        + " articles"));
                return 0;
            } catch (SitemapReader.SitemapUnreadableException e) {
                err.println("unreadable: " + e.getMessage());
                return 1;
            }
        }
        IngestConfig ingest = CliSupport.ingest(config, contactUrl, allowRanges);
        Instant now = Instant.now();
        IngestState.Source source = new IngestState.Source("try", target, "sitemap", null, null, List.of(), false,
                "cli", now, null, null);
        try (FetchStack stack = FetchStack.of(ingest, Clock.systemUTC())) {
            FeedPoller.Polled polled = stack.poller().poll(source, null, ingest.defaultMinPollSeconds(),
                    ingest.defaultMaxPollSeconds(), now);
            for (DeadLetter d : polled.outcome().deadLetters()) {
                err.println("refused: " + d.reason());
            }
            if (polled.outcome().failed()) {
                err.println("failed: " + polled.outcome().feedState().lastError());
                return 1;
            }
            for (IngestState.Source article : polled.outcome().discovered()) {
                out.println(json.writeValueAsString(Map.of("url", article.url(), "kind", article.kind())));
            }
            out.flush();
            int listed = polled.outcome().entriesParsed();
            err.println("sitemap: lists " + listed + " articles on its host; " + polled.outcome().discovered().size()
                    + " would be crawled (lastmod within " + ingest.sitemapHorizonDays() + " days or none given, at most "
                    + ingest.sitemapMaxEntries() + ")");
            return 0;
        }
    }
}
