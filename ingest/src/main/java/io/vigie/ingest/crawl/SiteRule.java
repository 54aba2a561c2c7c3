package io.vigie.ingest.crawl;

import java.util.List;

/**
 * A site's own extraction rule, from {@code ingest.crawlRules}: jsoup CSS selectors, the first five relative to each
 * item, and how the site writes its dates.
 *
 * @param hosts hosts the rule applies to without being named by a source (e.g. {@code forum.example})
 * @param item one element per comment or post (required)
 * @param author, date, text, permalink, replyLink inside an item; a missing one falls back to the generic guess
 * @param nextPage on the page: the link to the next page of the thread or index
 * @param threadLink on a forum index: links to the threads it lists
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern tried before the generic date reader
 * @param timeZone the zone the site writes its dates in (e.g. {@code Europe/Paris}); default UTC
 * @param language {@code fr}, {@code en}, {@code de}: month names and day/month order of the dates
 */
public record SiteRule(String name, List<String> hosts, String item, String author, String date, String text,
                       String permalink, String replyLink, String nextPage, String threadLink, String dateFormat,
                       String timeZone, String language) {
    public SiteRule {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /** Whether the rule is declared for the host of {@code url}. */
    public boolean appliesTo(String host) {
        return host != null && hosts.stream().anyMatch(h -> h.equalsIgnoreCase(host) || host.endsWith("." + h));
    }
}
