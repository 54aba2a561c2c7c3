package io.vigie.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff of a sitemap visit against what was seen: new, newer lastmod, past the horizon, past the cap. */
class SitemapSelectionTest {
    private static final Instant NOW = Instant.parse("2024-05-15T12:00:00Z");
    private static final Instant HORIZON = NOW.minus(Duration.ofDays(7));

    private static Map<String, Instant> listed(Object... urlAndLastmod) {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (int i = 0; i < urlAndLastmod.length; i += 2) {
            out.put((String) urlAndLastmod[i], (Instant) urlAndLastmod[i + 1]);
        }
        return out;
    }

    @Test
    void onTheFirstVisitArticlesOlderThanTheHorizonAreNotTaken() {
        SitemapPoller.Selection s = SitemapPoller.select(listed("https://n.example/new", NOW.minus(Duration.ofDays(1)),
                "https://n.example/2019", Instant.parse("2019-03-03T10:00:00Z"),
                "https://n.example/undated", Instant.EPOCH), Map.of(), HORIZON, 100, 1);
        assertEquals(List.of("https://n.example/new", "https://n.example/undated"), s.added());
        assertTrue(s.changed().isEmpty());
        assertEquals(2, s.seen().size(), "the old one is not kept either: " + s.seen());
        assertEquals(2, s.listed(), "the cap counts the articles within the horizon only");
    }

    @Test
    void onARevisitOnlyNewArticlesAndNewerLastmodsAreTaken() {
        Instant monday = NOW.minus(Duration.ofDays(2));
        SitemapPoller.Selection first = SitemapPoller.select(listed("https://n.example/a", monday,
                "https://n.example/b", monday, "https://n.example/undated", Instant.EPOCH), Map.of(), HORIZON, 100, 1);
        SitemapPoller.Selection second = SitemapPoller.select(listed("https://n.example/a", monday,
                "https://n.example/b", monday.plus(Duration.ofHours(5)), "https://n.example/undated", Instant.EPOCH,
                "https://n.example/c", NOW), first.seen(), HORIZON, 100, 2);
        assertEquals(List.of("https://n.example/c"), second.added());
        assertEquals(List.of("https://n.example/b"), second.changed());

        SitemapPoller.Selection third = SitemapPoller.select(listed("https://n.example/a", monday,
                "https://n.example/b", monday, "https://n.example/c", NOW), second.seen(), HORIZON, 100, 3);
        assertTrue(third.added().isEmpty() && third.changed().isEmpty(), "an older lastmod than the one kept: nothing "
                + third);
    }

    @Test
    void pastTheCapTheNewestArticlesAreKept() {
        SitemapPoller.Selection s = SitemapPoller.select(listed("https://n.example/1", NOW.minus(Duration.ofDays(3)),
                "https://n.example/2", NOW.minus(Duration.ofDays(1)), "https://n.example/3", NOW.minus(Duration.ofDays(2))),
                Map.of(), HORIZON, 2, 1);
        assertEquals(List.of("https://n.example/2", "https://n.example/3"), s.added());
        assertEquals(3, s.listed(), "the count before the cap, for the report");
    }
}
