package io.vigie.dashboards.web;

import static io.vigie.dashboards.index.IndexerFixture.await;
import static io.vigie.dashboards.index.IndexerFixture.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.model.SentimentLabel;
import io.vigie.model.VigieJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every one of feedparser's 745 sanitize cases shown as a mention runs no script: its hostile HTML is put, raw, in
 * the title, the text, the author and the "safe" HTML (as if ingest's sanitiser had been bypassed), published on
 * {@code mentions.scored}, indexed, and each mention page is opened in Chromium. The hooks must record no alert,
 * no console call and no CSP violation, and the server must receive no CSP report. The brand page with the newest of
 * them in its stream, and the live stream receiving some, are checked the same way.
 */
class FeedparserSanitizeBrowserIT {
    @Test
    void noneOfTheFeedparserSanitizeCasesRunsAScriptOnTheMentionOrBrandPage() throws Exception {
        List<SanitizeCases.Case> cases = SanitizeCases.all();
        assertEquals(745, cases.size(), "the corpus in testdata/feeds/feedparser-tests/wellformed/sanitize");
        try (WebFixture web = WebFixture.start()) {
            Instant now = Instant.now();
            for (int i = 0; i < cases.size(); i++) {
                String html = cases.get(i).html();
                var m = TestMentions.of(web.brand + "-s" + i, web.brand, "feedparser", SentimentLabel.NEUTRAL, "en",
                        html, html + " " + web.brand, html, now.minusSeconds(120 + i));
                web.index.send(m);
            }
            web.index.flush();
            await("745 mentions indexed", Duration.ofSeconds(180), quietly(() -> {
                JsonNode figures = VigieJson.newMapper().readTree(web.get("/api/brands/" + web.brand).body()).path("figures");
                return figures.path("total").asLong() == cases.size();
            }));
            try (BrowserFixture b = BrowserFixture.open(web, "feedparser-sanitize")) {
                b.signIn(WebFixture.VIEWER, "/brands/" + web.brand);
                b.awaitLive();
                b.assertNoScriptRan();
                b.fullPageScreenshot("brand-with-hostile-mentions");
                // Live: a few of the cases arrive on the open page through the stream.
                for (int i = 0; i < 20; i++) {
                    String html = cases.get(i * 37).html();
                    web.index.send(TestMentions.of(web.brand + "-live" + i, web.brand, "feedparser", SentimentLabel.NEGATIVE,
                            "en", html, html, html, Instant.now()));
                }
                web.index.flush();
                b.await("#stream li[data-id='" + web.brand + "-live19']", Duration.ofSeconds(10));
                b.assertNoScriptRan();

                List<String> failures = new ArrayList<>();
                for (int i = 0; i < cases.size(); i++) {
                    b.go("/mentions/" + web.brand + "-s" + i);
                    Map<String, List<String>> hooks = b.hooks();
                    if (!hooks.get("alerts").isEmpty() || !hooks.get("console").isEmpty() || !hooks.get("csp").isEmpty()
                            || !hooks.get("errors").isEmpty() || b.findAll("#safe-html").isEmpty()) {
                        failures.add(cases.get(i).name() + " " + hooks);
                    }
                    if (i == 0 || cases.get(i).name().equals("entry_content_crazy.xml")) {
                        b.fullPageScreenshot("mention-" + cases.get(i).name());
                    }
                }
                assertTrue(failures.isEmpty(), failures.size() + " cases ran something: " + failures);
            }
            assertEquals(0, web.web.cspReports(), "no CSP report reached the server");
        }
    }
}
