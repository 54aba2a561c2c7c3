package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardPageTest {
    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private final DashboardPage page = new DashboardPage();

    private static MentionHit hit(String title, String url) {
        return new MentionHit("m1", title, MentionHit.excerptOf("Un <img src=x onerror=alert(1)> Bic suffit"),
                MentionHit.linkOf(url), "bikeforums", "comment", NOW, "NEGATIVE", List.of("kryptonite"), "fr");
    }

    @Test
    void markupInAMentionIsShownAsTextNeverRunAsHtml() {
        String html = page.render(new DashboardPage.Model("bic", null, List.of(),
                new SearchResult(1, List.of(hit("<script>alert('x')</script>", "https://bikeforums.net/t/1"))), null,
                false, 10, NOW));
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("&lt;script&gt;alert("), html);
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(html.contains("href=\"https://bikeforums.net/t/1\""), html);
    }

    @Test
    void aUrlThatIsNotHttpIsNeverALink() {
        String html = page.render(new DashboardPage.Model("", null, List.of(),
                new SearchResult(1, List.of(hit("Cadenas", "javascript:alert(1)"))), null, true, 10, NOW));
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("Cadenas"));
    }

    @Test
    void theQueryIsEchoedEscapedInTheSearchBox() {
        String html = page.render(new DashboardPage.Model("\"><script>x()</script>", null, List.of(),
                new SearchResult(0, List.of()), null, false, 10, NOW));
        assertFalse(html.contains("\"><script>"), html);
        assertTrue(html.contains("&quot;&gt;&lt;script&gt;"), html);
    }

    @Test
    void brandTilesShowCountsAndTheNegativeShare() {
        String html = page.render(new DashboardPage.Model(null, null,
                List.of(new BrandTile("kryptonite", 40, 12, 30, NOW)), new SearchResult(0, List.of()), null, true, 10, NOW));
        assertTrue(html.contains("?brand=kryptonite"), html);
        assertTrue(html.contains("30 (75 %)"), html);
        assertTrue(html.contains("class=\"negative\""), html);
        assertTrue(html.contains("http-equiv=\"refresh\""), "a page without a query refreshes itself");
    }

    @Test
    void aSearchPageDoesNotRefreshUnderTheAnalystsFeet() {
        String html = page.render(new DashboardPage.Model("bic", null, List.of(), new SearchResult(0, List.of()), null,
                false, 10, NOW));
        assertFalse(html.contains("http-equiv=\"refresh\""));
    }

    @Test
    void anElasticsearchFailureIsShownOnThePage() {
        String html = page.render(new DashboardPage.Model(null, null, List.of(), null,
                "Elasticsearch could not answer: Connection refused", true, 10, NOW));
        assertTrue(html.contains("id=\"error\""));
        assertTrue(html.contains("Connection refused"));
    }

    @Test
    void excerptsAreCutAtTheirLimitAndLinksKeepOnlyHttp() {
        assertTrue(MentionHit.excerptOf("a ".repeat(500)).length() <= MentionHit.EXCERPT_CHARS);
        assertTrue(MentionHit.excerptOf("a ".repeat(500)).endsWith("…"));
        assertTrue(MentionHit.linkOf("HTTPS://x.example/") != null);
        assertTrue(MentionHit.linkOf("data:text/html,x") == null);
    }
}
