package io.vigie.dashboards.web;

import static io.vigie.dashboards.index.IndexerFixture.await;
import static io.vigie.dashboards.index.IndexerFixture.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.model.SentimentLabel;
import io.vigie.model.VigieJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboards in a real Chromium over the real Kafka and Elasticsearch: a mention published on
 * {@code mentions.scored} (as analyze would) reaches the open brand page without reload. Screenshots in
 * {@code target/screenshots/DashboardsBrowserIT/}.
 */
class DashboardsBrowserIT {
    private static WebFixture web;

    @BeforeAll
    static void startWithAHistory() throws Exception {
        web = WebFixture.start();
        Instant now = Instant.now();
        SentimentLabel[] labels = {SentimentLabel.NEGATIVE, SentimentLabel.NEUTRAL, SentimentLabel.POSITIVE};
        for (int i = 0; i < 40; i++) {
            web.index.send(TestMentions.of(web.brand + "-h" + i, web.brand, i % 2 == 0 ? "forum" : "news",
                    labels[i % 3], i % 4 == 0 ? "en" : "fr", "Antivol " + web.brand + " n°" + i,
                    "Le cadenas " + web.brand + " résiste au coupe-boulon, essai " + i + ". Pas de souci.",
                    "<p>Le cadenas <b>" + web.brand + "</b> résiste.</p>", now.minusSeconds(300 + 1700L * i)));
        }
        for (int i = 0; i < 10; i++) {
            web.index.send(TestMentions.simple(web.rival + "-h" + i, web.rival, "forum", SentimentLabel.NEUTRAL,
                    now.minusSeconds(600 + 3000L * i)));
        }
        web.index.flush();
        await("the history indexed", Duration.ofSeconds(90), quietly(() -> {
            JsonNode figures = VigieJson.newMapper().readTree(web.get("/api/brands/" + web.brand).body()).path("figures");
            return figures.path("total").asLong() == 40;
        }));
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static long count(BrowserFixture b, String css) {
        String text = b.find(css).getText().replaceAll("[^0-9]", "");
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    @Test
    void aNewMentionAppearsOnTheOpenBrandPageWithinTwoSecondsAndTheChartAndTilesMove() throws Exception {
        try (BrowserFixture b = BrowserFixture.open(web, "live-mention")) {
            b.signIn(WebFixture.VIEWER, "/");
            WebElement tile = b.await("li.tile[data-brand='" + web.brand + "']", Duration.ofSeconds(10));
            b.awaitLive();
            long hourBefore = Long.parseLong(tile.findElement(By.cssSelector("[data-field=lastHour]")).getText().replaceAll("[^0-9]", ""));
            b.screenshot("overview-before");
            web.index.send(TestMentions.simple(web.brand + "-tile", web.brand, "forum", SentimentLabel.NEGATIVE, Instant.now()));
            web.index.flush();
            new WebDriverWait(b.driver(), Duration.ofSeconds(5)).until(d -> Long.parseLong(d.findElement(By.cssSelector(
                    "li.tile[data-brand='" + web.brand + "'] [data-field=lastHour]")).getText().replaceAll("[^0-9]", "")) == hourBefore + 1);
            b.screenshot("overview-after");

            b.go("/brands/" + web.brand + "?range=24h");
            b.await("#volume-chart canvas", Duration.ofSeconds(10));
            b.awaitLive();
            long totalBefore = count(b, "#total");
            assertTrue(totalBefore >= 40, "the history is on the page: " + totalBefore);
            b.screenshot("brand-before");

            String id = web.brand + "-live";
            long sentAt = System.nanoTime();
            web.index.send(TestMentions.of(id, web.brand, "forum", SentimentLabel.NEGATIVE, "fr",
                    "Cadenas " + web.brand + " forcé en 10 secondes", "Vidéo : le " + web.brand + " s’ouvre avec un stylo.",
                    "<p>stylo</p>", Instant.now()));
            web.index.flush();
            b.await("#stream li[data-id='" + id + "']", Duration.ofSeconds(2));
            long ms = (System.nanoTime() - sentAt) / 1_000_000;
            assertTrue(ms <= 2000, "shown after " + ms + " ms");
            WebElement item = b.find("#stream li[data-id='" + id + "']");
            assertEquals("negative", item.findElement(By.cssSelector(".sentiment")).getText(), "the sentiment in words");
            assertEquals(totalBefore + 1, count(b, "#total"), "the chart's total moved by one");
            b.screenshot("brand-after");
            b.assertNoScriptRan();
        }
    }

    /**
     * A newer version of a mention the page did not list (its views grew) updates the stream but is not counted a
     * second time: the history already counted its first version. A new mention still counts.
     */
    @Test
    void aNewerVersionOfAnAlreadyCountedMentionIsNotCountedAgain() throws Exception {
        String brand = web.brand + "-versions";
        Instant now = Instant.now();
        java.util.List<io.vigie.model.ScoredMention> history = new java.util.ArrayList<>();
        for (int i = 0; i < 55; i++) {
            history.add(TestMentions.simple(brand + "-h" + i, brand, "video", SentimentLabel.NEUTRAL,
                    now.minusSeconds(600 + 600L * i)));
        }
        history.forEach(web.index::send);
        web.index.flush();
        await("the versions' history indexed", Duration.ofSeconds(90), quietly(() -> VigieJson.newMapper()
                .readTree(web.get("/api/brands/" + brand).body()).path("figures").path("total").asLong() == 55));
        try (BrowserFixture b = BrowserFixture.open(web, "versions")) {
            b.signIn(WebFixture.VIEWER, "/brands/" + brand + "?range=24h");
            b.await("#volume-chart canvas", Duration.ofSeconds(10));
            b.awaitLive();
            assertEquals(55, count(b, "#total"));
            io.vigie.model.ScoredMention oldest = history.get(history.size() - 1);
            assertEquals(0, b.findAll("#stream li[data-id='" + oldest.mention().id() + "']").size(),
                    "the oldest is beyond the 50 the stream lists");
            web.index.send(TestMentions.newerVersion(oldest, 2, 5000));
            web.index.flush();
            b.await("#stream li[data-id='" + oldest.mention().id() + "']", Duration.ofSeconds(5));
            assertEquals(55, count(b, "#total"), "its second version is not a new mention");
            String fresh = brand + "-new";
            web.index.send(TestMentions.simple(fresh, brand, "video", SentimentLabel.NEGATIVE, Instant.now()));
            web.index.flush();
            b.await("#stream li[data-id='" + fresh + "']", Duration.ofSeconds(5));
            assertEquals(56, count(b, "#total"), "a new mention counts");
            b.assertNoScriptRan();
        }
    }

    @Test
    void theLanguageSwitchesBetweenFrenchAndEnglishAndTheChoiceIsRemembered() throws Exception {
        try (BrowserFixture b = BrowserFixture.open(web, "language")) {
            b.signIn(WebFixture.VIEWER, "/brands/" + web.brand);
            assertEquals("Live mentions", b.find("#stream-h").getText(), "English from the browser's Accept-Language");
            b.find("#lang-fr").click();
            b.await("#lang-en", Duration.ofSeconds(5));
            assertEquals("Mentions en direct", b.find("#stream-h").getText());
            assertEquals("fr", b.find("html").getAttribute("lang"));
            assertTrue(b.driver().getCurrentUrl().contains("/brands/" + web.brand), "back on the same page");
            b.go("/");
            assertEquals("Marques", b.find("h1").getText(), "the choice is remembered on the next page");
            b.screenshot("overview-fr");
            b.go("/mentions/" + web.brand + "-h1");
            String time = b.find("article .meta time").getText();
            assertTrue(time.matches(".*\\d{1,2} \\p{L}+\\.? \\d{4}.*|.*\\d{2}/\\d{2}/\\d{4}.*"), "a French date: " + time);
            b.find("#lang-en").click();
            b.await("#lang-fr", Duration.ofSeconds(5));
            assertEquals("Text", b.find("#text-h").getText());
            b.assertNoScriptRan();
        }
    }

    @Test
    void aViewerIsOfferedNoActionAndAResponderFlagsAMentionThroughTheForm() throws Exception {
        String id = web.brand + "-h2";
        try (BrowserFixture b = BrowserFixture.open(web, "roles")) {
            b.signIn(WebFixture.VIEWER, "/mentions/" + id);
            assertTrue(b.findAll("#flag-form").isEmpty(), "no flag form for a viewer");
            assertFalse(b.find("#no-act").getText().isBlank());
            b.screenshot("mention-viewer");
        }
        try (BrowserFixture b = BrowserFixture.open(web, "roles")) {
            b.signIn(WebFixture.RESPONDER, "/mentions/" + id);
            b.find("#flag-submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#flags li")).isEmpty());
            assertTrue(b.find("#flags").getText().contains(WebFixture.RESPONDER));
            b.fullPageScreenshot("mention-responder");
            b.assertNoScriptRan();
        }
    }

    @Test
    void aScriptPostWithoutTheCsrfTokenIsRefusedAndWithItAccepted() throws Exception {
        String id = web.brand + "-h3";
        try (BrowserFixture b = BrowserFixture.open(web, "csrf")) {
            b.signIn(WebFixture.RESPONDER, "/mentions/" + id);
            Object without = b.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/mentions/' + arguments[0] + '/flags', {method: 'POST', credentials: 'same-origin',
                      headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'kind=important'})
                      .then(r => done(r.status));""", id);
            assertEquals(403L, without);
            Object with = b.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    Vigie.post('/mentions/' + arguments[0] + '/flags', {kind: 'important'}).then(r => done(r.status));""", id);
            assertEquals(201L, with);
        }
    }

    @Test
    void thePagesFitAPhonesWidthAndAreKeyboardReachable() throws Exception {
        try (BrowserFixture b = BrowserFixture.open(web, "phone", BrowserFixture.PHONE)) {
            b.signIn(WebFixture.VIEWER, "/");
            for (String path : List.of("/", "/brands/" + web.brand, "/mentions/" + web.brand + "-h4")) {
                b.go(path);
                b.await("main h1", Duration.ofSeconds(10));
                Number overflow = (Number) b.js("return document.documentElement.scrollWidth - window.innerWidth;");
                assertTrue(overflow.intValue() <= 1, path + " overflows a phone's width by " + overflow + " px");
                b.fullPageScreenshot("phone" + path.replace('/', '_'));
            }
            b.go("/brands/" + web.brand);
            // Tab from the top: the skip link first, then the navigation, all reached without a mouse.
            b.find("body").sendKeys(org.openqa.selenium.Keys.TAB);
            Object focused = b.js("return document.activeElement.className + '|' + document.activeElement.getAttribute('href');");
            assertEquals("skip|#main", focused);
            Object pause = b.js("const p = document.getElementById('pause'); p.focus(); return document.activeElement.id;");
            assertEquals("pause", pause);
            b.find("#pause").sendKeys(org.openqa.selenium.Keys.ENTER);
            assertEquals("true", b.find("#pause").getAttribute("aria-pressed"), "the pause button works from the keyboard");
            b.assertNoScriptRan();
        }
    }

    @Test
    void shareOfVoiceAndTopListsShowTheCompetitorSetAndSources() throws Exception {
        try (BrowserFixture b = BrowserFixture.open(web, "brand-figures")) {
            b.signIn(WebFixture.VIEWER, "/brands/" + web.brand + "?range=7d");
            b.await("#volume-chart canvas", Duration.ofSeconds(10));
            String sov = b.find("#sov-locks").getText();
            assertTrue(sov.contains(web.brand) && sov.contains(web.rival), sov);
            assertTrue(sov.contains("80 %"), "40 of the 50 mentions of the set: " + sov);
            assertTrue(b.find("#sources").getText().contains("forum"));
            Map<String, Object> langs = Map.of("text", b.find("#languages").getText());
            assertTrue(langs.get("text").toString().contains("fr"), langs.toString());
            b.fullPageScreenshot("brand-7d");
            b.assertNoScriptRan();
        }
    }
}
