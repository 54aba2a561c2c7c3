package io.vigie.ingest.crawl;

import java.net.URI;
import java.time.Duration;

/** What the thread and sitemap pollers share about fetching pages one after another on a host. */
final class CrawlPace {
    private CrawlPace() {}

    /** The path and query robots.txt rules are matched against. */
    static String pathOf(String url) {
        URI u = URI.create(url);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
    }

    /** Waits between two pages of a host: the configured delay, or the site's robots.txt Crawl-delay when longer. */
    static void pause(Duration pageDelay, Duration crawlDelay) {
        long millis = Math.max(pageDelay.toMillis(), crawlDelay == null ? 0 : crawlDelay.toMillis());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
