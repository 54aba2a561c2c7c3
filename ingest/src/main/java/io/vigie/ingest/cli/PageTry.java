package io.vigie.ingest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.crawl.PageExtraction;
import io.vigie.ingest.crawl.PageExtractor;
import io.vigie.ingest.crawl.PageMentions;
import io.vigie.ingest.crawl.SiteRule;
import io.vigie.ingest.crawl.SiteRules;
import io.vigie.ingest.feeds.HtmlSanitizer;
import io.vigie.ingest.fetch.FetchException;
import io.vigie.ingest.fetch.FetchResult;
import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.poll.FetchStack;
import io.vigie.ingest.robots.RobotsRules;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code vigie sources try} on an HTML page (a URL read as kind thread or forum, or a saved file): one JSON line per
 * mention the crawler would publish from that page, then one line to stderr saying how the comments were found, how
 * many, how many dates were read, and why a rule's selector matched nothing. Reads one page: the summary names the
 * next one.
 */
final class PageTry {
    private final PrintWriter out;
    private final PrintWriter err;

    PageTry(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Whether the target is read as a page: kind thread or forum, a rule given, or an HTML file. */
    static boolean applies(String target, String kind, String rule) {
        if (kind.equals("thread") || kind.equals("forum") || rule != null) {
            return true;
        }
        Path file = Path.of(target);
        if (target.matches("(?i)https?://.*") || !Files.isRegularFile(file)) {
            return false;
        }
        if (target.toLowerCase(Locale.ROOT).matches(".*\\.x?html?$")) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            return head.contains("<!doctype html") || head.contains("<html");
        } catch (IOException e) {
            return false;
        }
    }

    int run(String target, String kind, String ruleName, Path config, String contactUrl, List<String> allowRanges)
            throws IOException {
        boolean isUrl = target.matches("(?i)https?://.*");
        IngestConfig ingest = config != null || isUrl ? CliSupport.ingest(config, contactUrl, allowRanges) : null;
        List<SiteRule> rules = ingest == null ? List.of() : ingest.crawlRules();
        if (ruleName != null && config == null) {
            err.println("--rule needs --config: rules are read from its ingest.crawlRules");
            return 2;
        }
        if (ruleName != null && SiteRules.forSource(rules, ruleName, null) == null) {
            err.println("no rule named " + ruleName + " in ingest.crawlRules of " + config);
            return 2;
        }
        byte[] body;
        String contentType = null;
        String pageUrl;
        if (isUrl) {
            try (FetchStack stack = FetchStack.of(ingest, Clock.systemUTC())) {
                URI url = URI.create(target);
                stack.fetcher().check(url);
                RobotsRules robots = ingest.obeyRobots()
                        ? new io.vigie.ingest.robots.RobotsCache(stack.fetcher(), FetchStack.PRODUCT_TOKEN, Clock.systemUTC()).rulesFor(url)
                        : null;
                if (robots != null && !robots.allows(url)) {
                    err.println("failed: disallowed by robots.txt");
                    return 1;
                }
                FetchResult r = stack.fetcher().get(url, null, null);
                if (!r.ok()) {
                    err.println("failed: HTTP " + r.status() + " from " + r.finalUrl());
                    return 1;
                }
                body = r.body();
                contentType = r.contentType();
                pageUrl = r.finalUrl().toString();
            } catch (FetchException e) {
                err.println("failed: " + e.getMessage());
                return 1;
            }
        } else {
            Path file = Path.of(target);
            body = Files.readAllBytes(file);
            pageUrl = file.toAbsolutePath().toUri().toString();
        }
        SiteRule rule = SiteRules.forSource(rules, ruleName, CanonicalUrl.host(pageUrl));
        Instant now = Instant.now();
        PageExtraction x = new PageExtractor().extract(body, contentType, pageUrl, rule, now);
        ObjectMapper json = VigieJson.newMapper();
        var built = PageMentions.build(x, isUrl ? "try" : Path.of(target).getFileName().toString(), pageUrl, pageUrl, 0,
                true, now, rule == null ? null : rule.language(), new HtmlSanitizer());
        if (!kind.equals("forum")) {
            for (PageMentions.Built b : built) {
                out.println(json.writeValueAsString(b.mention()));
            }
        }
        for (String note : x.notes()) {
            err.println("note: " + note);
        }
        if (kind.equals("forum") || !x.threadLinks().isEmpty() && x.comments().isEmpty()) {
            for (String t : x.threadLinks()) {
                err.println("thread: " + t);
            }
        }
        err.println(summary(x));
        return 0;
    }

    static String summary(PageExtraction x) {
        StringBuilder s = new StringBuilder();
        s.append("found=").append(x.method()).append(" comments=").append(x.comments().size())
                .append(" post=").append(x.post() != null || x.firstIsPost() ? "yes" : "no")
                .append(" dates=").append(x.datesRead()).append('/').append(x.comments().size()).append(" parsed");
        long noDate = x.comments().stream().filter(c -> c.publishedAt() == null && c.dateText() != null).count();
        if (noDate > 0) {
            x.comments().stream().filter(c -> c.publishedAt() == null && c.dateText() != null).findFirst()
                    .ifPresent(c -> s.append(" (not understood, e.g. \"").append(c.dateText()).append("\")"));
        }
        s.append(" authors=").append(x.comments().stream().filter(c -> c.author() != null).count()).append('/')
                .append(x.comments().size());
        if (x.declaredCount() != null) {
            s.append(" declared=").append(x.declaredCount());
        }
        s.append(" next=").append(x.nextPageUrl() == null ? "none" : x.nextPageUrl());
        s.append(" threads=").append(x.threadLinks().size());
        if (x.needsJavaScript()) {
            s.append(" javascript=needed (comments are loaded by a script: not readable without rendering)");
        }
        return s.toString();
    }
}
