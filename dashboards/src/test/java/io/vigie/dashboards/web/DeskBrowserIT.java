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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.Test;

/**
 * The response desk in real Chromium windows, one profile per person: the admin Ada assigns a mention to the
 * responder Rémi; Rémi's desk shows it within 2 s without a reload (the live channel), he answers it on the thread
 * with the reply's URL; Ada's desk shows it answered, by whom and where, without a reload; the viewer Vera sees the
 * desk with no action buttons, and an action sent from her page anyway is refused. No page records a script error,
 * console call, dialog or CSP violation.
 */
class DeskBrowserIT {
    private static final String REPLY_URL = "https://forum.example/t/42#reply-3";

    private static String itemCss(String id) {
        return "li.desk-item[data-mention=\"" + id + "\"]";
    }

    /** Waits until the item's status badge reads {@code status} (the page sets {@code data-status}). */
    private static WebElement awaitStatus(BrowserFixture b, String id, String status, Duration timeout) {
        String css = itemCss(id) + "[data-status=\"" + status + "\"]";
        try {
            return b.await(css, timeout);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + b.driver().getCurrentUrl() + "; hooks " + b.hooks(), e);
        }
    }

    /** Marks the window: a reload would drop the mark. */
    private static void markWindow(BrowserFixture b) {
        b.js("window.__sameDocument = true;");
    }

    private static void assertNotReloaded(BrowserFixture b) {
        assertEquals(Boolean.TRUE, b.js("return window.__sameDocument === true;"), "the page was reloaded");
    }

    @Test
    void aMentionAssignedInOneBrowserShowsLiveInTheOtherWhichAnswersItAndTheFirstSeesWhoAnswered() throws Exception {
        try (WebFixture web = WebFixture.startWithDesk()) {
            String id = web.index.run + "-desk-browser";
            String other = web.index.run + "-desk-other";
            web.index.send(TestMentions.simple(id, web.brand, web.index.source, SentimentLabel.NEGATIVE,
                    Instant.now().minusSeconds(900)));
            web.index.send(TestMentions.simple(other, web.brand, web.index.source, SentimentLabel.NEGATIVE,
                    Instant.now().minusSeconds(1200)));
            web.index.flush();
            await("both mentions in the desk queue", Duration.ofSeconds(60), quietly(() -> {
                JsonNode desk = VigieJson.newMapper().readTree(web.get("/api/desk?brand=" + web.brand).body());
                int found = 0;
                for (JsonNode i : desk.path("items")) {
                    if (i.path("mentionId").asText().equals(id) || i.path("mentionId").asText().equals(other)) {
                        found++;
                    }
                }
                return found == 2;
            }));

            try (BrowserFixture ada = BrowserFixture.open(web, "desk-ada");
                    BrowserFixture remi = BrowserFixture.open(web, "desk-remi");
                    BrowserFixture vera = BrowserFixture.open(web, "desk-vera")) {
                // Ada follows every mention, handled ones too; Rémi the queue of what still waits.
                ada.signIn(WebFixture.ADMIN, "/desk?brand=" + web.brand + "&all=true");
                remi.signIn(WebFixture.RESPONDER, "/desk?brand=" + web.brand);
                for (BrowserFixture b : new BrowserFixture[] {ada, remi}) {
                    try {
                        b.awaitLive();
                    } catch (AssertionError e) {
                        throw new AssertionError("resources " + b.js("return performance.getEntriesByType('resource')"
                                + ".map(r => r.name + ' ' + r.responseStatus + ' ' + r.duration).join(', ');")
                                + " items " + b.findAll("li.desk-item").size(), e);
                    }
                    awaitStatus(b, id, "OPEN", Duration.ofSeconds(10));
                    markWindow(b);
                }

                // Ada starts a note on the other mention: a teammate's change elsewhere must not wipe it.
                ada.find(itemCss(other) + " [data-input=note]").sendKeys("draft: call the customer");
                WebElement adaItem = ada.find(itemCss(id));
                adaItem.findElement(By.cssSelector("[data-input=assignee]")).sendKeys(WebFixture.RESPONDER);
                Instant assignedAt = Instant.now();
                adaItem.findElement(By.cssSelector("[data-action=assign]")).click();

                WebElement remiItem = awaitStatus(remi, id, "ASSIGNED", Duration.ofSeconds(5));
                Duration seenAfter = Duration.between(assignedAt, Instant.now());
                System.out.printf("desk browser: the assignment shown in the other browser after %d ms%n",
                        seenAfter.toMillis());
                assertTrue(seenAfter.compareTo(Duration.ofSeconds(2)) < 0, "shown after " + seenAfter);
                assertNotReloaded(remi);
                assertEquals(WebFixture.RESPONDER, remiItem.findElement(By.cssSelector("[data-field=assignee]")).getText());
                remi.screenshot("assigned");

                new Select(remiItem.findElement(By.cssSelector("[data-input=channel]"))).selectByValue("SAME_THREAD");
                remiItem.findElement(By.cssSelector("[data-input=replyUrl]")).sendKeys(REPLY_URL);
                remiItem.findElement(By.cssSelector("[data-action=answer]")).click();
                // Answered, it leaves Rémi's queue of what still waits.
                new WebDriverWait(remi.driver(), Duration.ofSeconds(5))
                        .until(d -> d.findElements(By.cssSelector(itemCss(id))).isEmpty());
                assertNotReloaded(remi);

                WebElement answered = awaitStatus(ada, id, "ANSWERED", Duration.ofSeconds(5));
                assertNotReloaded(ada);
                assertEquals("answered", answered.findElement(By.cssSelector("[data-field=status]")).getText());
                assertEquals(WebFixture.RESPONDER, answered.findElement(By.cssSelector("[data-field=closer]")).getText());
                assertTrue(answered.findElement(By.cssSelector("[data-field=closedBy]")).isDisplayed());
                assertEquals("SAME_THREAD " + REPLY_URL,
                        answered.findElement(By.cssSelector("[data-field=answer]")).getText());
                assertEquals("draft: call the customer", ada.js("return document.querySelector(arguments[0]"
                        + " + ' [data-input=note]').value;", itemCss(other)), "the draft survived the live changes");
                // Read in one script (the list is drawn again on each live change): an answered mention says how
                // long it waited for its answer, not that it is still waiting.
                new WebDriverWait(ada.driver(), Duration.ofSeconds(5)).until(d -> "answered after".equals(ada.js(
                        "const l = document.querySelector(arguments[0] + ' [data-field=waitedLabel]');"
                                + "return l ? l.textContent : null;", itemCss(id))));
                // The team's figures per person and per brand: Rémi answered this brand's one mention.
                // Read in one script: the table is drawn again on each live change.
                new WebDriverWait(ada.driver(), Duration.ofSeconds(5)).until(d -> "1".equals(ada.js(
                        "const r = document.querySelector('#figures-detail tr[data-brand=\"' + arguments[0] + '\"]');"
                                + "return r ? r.cells[1].textContent : null;", web.brand)));
                assertEquals(Boolean.TRUE, ada.js("return !document.getElementById('figures-detail').hidden && "
                        + "document.querySelector('#figures-detail tr[data-person=\"' + arguments[0] + '\"]') !== null;",
                        WebFixture.RESPONDER), "the responder's row");
                ada.screenshot("answered");

                // The viewer sees the desk and the answer, with nothing to act with; acting anyway is refused.
                vera.signIn(WebFixture.VIEWER, "/desk?brand=" + web.brand + "&all=true");
                vera.awaitLive();
                WebElement seen = awaitStatus(vera, id, "ANSWERED", Duration.ofSeconds(10));
                assertEquals(WebFixture.RESPONDER, seen.findElement(By.cssSelector("[data-field=closer]")).getText());
                assertTrue(vera.find("#read-only").isDisplayed());
                assertEquals(0, vera.findAll("[data-action]").size(), "a viewer gets no action buttons");
                assertEquals(0, vera.findAll(".desk-item .actions").size());
                Object refused = vera.driver().executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "Vigie.post('/api/desk/' + encodeURIComponent(arguments[0]) + '/reopen', {})"
                                + ".then(r => done(r.status), e => done('failed: ' + e));", id);
                assertEquals(403L, refused, "a viewer's action from her page");
                awaitStatus(ada, id, "ANSWERED", Duration.ofSeconds(1));
                vera.screenshot("viewer");

                for (BrowserFixture b : new BrowserFixture[] {ada, remi, vera}) {
                    b.assertNoScriptRan();
                }
            }
        }
    }

    /**
     * An admin writes reply templates on the templates page (plain forms), one in French and one in English; the
     * desk offers them on a French mention, French first, and one click copies the wording to the clipboard; the
     * author's history opens on the item; a refused template says why; the viewer reads the page without forms.
     */
    @Test
    void anAdminWritesTemplatesThatTheDeskOffersInTheMentionsLanguageAndCopiesInOneClick() throws Exception {
        try (WebFixture web = WebFixture.startWithDesk()) {
            String id = web.index.run + "-desk-template";
            web.index.send(TestMentions.of(id, web.brand, web.index.source, SentimentLabel.NEGATIVE, "fr",
                    "Antivol ouvert au stylo", "Mon antivol s'ouvre avec un stylo, c'est une honte", null,
                    Instant.now().minusSeconds(600)));
            // An earlier mention by the same author (the test mentions' author follows the id).
            String author = authorOf(web, id);
            String earlier = id + "-earlier";
            for (int i = 0; !authorOf(web, earlier).equals(author); i++) {
                earlier = id + "-earlier-" + i;
            }
            web.index.send(TestMentions.of(earlier, web.brand, web.index.source, SentimentLabel.NEGATIVE,
                    "fr", "Encore", "Toujours pas de réponse", null, Instant.now().minusSeconds(7 * 86_400)));
            web.index.flush();
            await("the mention in the desk queue", Duration.ofSeconds(60), quietly(() ->
                    web.get("/api/desk?brand=" + web.brand).body().contains(id)));
            String french = "Bonjour, nous sommes désolés : écrivez-nous à support@example.fr, nous remplaçons l'antivol.";
            try (BrowserFixture ada = BrowserFixture.open(web, "desk-templates-ada");
                    BrowserFixture vera = BrowserFixture.open(web, "desk-templates-vera")) {
                ada.signIn(WebFixture.ADMIN, "/desk/templates");
                ada.await("#template-form", Duration.ofSeconds(10));
                fillTemplate(ada, web.brand, "FR", "excuses-stylo", "Excuses et remplacement", french);
                assertTrue(ada.await("#template-saved", Duration.ofSeconds(10)).getText()
                        .contains(web.brand + "/fr/excuses-stylo"), "saved under its key, the language in lower case");
                fillTemplate(ada, web.brand, "en", "apology", "Apology", "Hello, we are sorry: write to us.");
                ada.await("#template-saved", Duration.ofSeconds(10));
                assertEquals(2, ada.findAll("#templates tbody tr").size());
                // A refused template stays in the form with the reason (submitted past the browser's own pattern
                // check, as a script or an old browser would).
                fillTemplate(ada, web.brand, "fr", "Not An Id", "x", "y", false);
                ada.js("document.getElementById('template-form').submit();");
                assertTrue(ada.await("#template-error", Duration.ofSeconds(10)).getText().contains("lower-case"));
                assertEquals("Not An Id", ada.find("#template-form [name=templateId]").getAttribute("value"));

                ada.driver().setPermission("clipboard-read", "granted");
                ada.driver().setPermission("clipboard-write", "granted");
                ada.go("/desk?brand=" + web.brand);
                ada.awaitLive();
                WebElement item = ada.await(itemCss(id) + " [data-field=templates]:not([hidden])", Duration.ofSeconds(10));
                String waited = ada.find(itemCss(id) + " [data-field=waited]").getText();
                assertTrue(waited.matches("1[01] min"), "waiting for ten minutes, in words: " + waited);
                item.findElement(By.cssSelector("summary")).click();
                java.util.List<WebElement> offered = item.findElements(By.cssSelector("li.reply-template"));
                assertEquals(2, offered.size(), "both templates of the brand");
                assertEquals("excuses-stylo", offered.get(0).getAttribute("data-template"), "the mention's language first");
                assertEquals(french, offered.get(0).findElement(By.cssSelector("[data-field=text]")).getText());
                offered.get(0).findElement(By.cssSelector("[data-copy]")).click();
                new WebDriverWait(ada.driver(), Duration.ofSeconds(5)).until(d -> "true".equals(
                        offered.get(0).findElement(By.cssSelector("[data-field=copied]")).getAttribute("data-copied")));
                Object clipboard = ada.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
                assertEquals(french, clipboard, "one click copied the approved wording");

                WebElement history = ada.find(itemCss(id) + " [data-field=authorHistory]");
                history.findElement(By.cssSelector("summary")).click();
                new WebDriverWait(ada.driver(), Duration.ofSeconds(10))
                        .until(d -> "true".equals(history.getAttribute("data-ready")));
                assertTrue(history.findElement(By.cssSelector("[data-field=authorSummary]")).getText()
                        .startsWith("2 mentions"), history.getText());
                assertTrue(history.findElements(By.cssSelector("[data-field=authorWeeks] tr")).size() >= 1);
                ada.screenshot("templates-on-desk");

                vera.signIn(WebFixture.VIEWER, "/desk/templates");
                vera.await("#templates", Duration.ofSeconds(10));
                assertEquals(2, vera.findAll("#templates tbody tr").size(), "the viewer reads the templates");
                assertEquals(0, vera.findAll("#template-form").size(), "but gets no form");
                assertEquals(0, vera.findAll("#templates form").size());
                for (BrowserFixture b : new BrowserFixture[] {ada, vera}) {
                    b.assertNoScriptRan();
                }
            }
        }
    }

    private static String authorOf(WebFixture web, String id) {
        return TestMentions.simple(id, web.brand, web.index.source, SentimentLabel.NEUTRAL, Instant.now()).mention()
                .author();
    }

    private static void fillTemplate(BrowserFixture b, String brand, String language, String templateId, String title,
            String text) {
        fillTemplate(b, brand, language, templateId, title, text, true);
    }

    private static void fillTemplate(BrowserFixture b, String brand, String language, String templateId, String title,
            String text, boolean submit) {
        for (String[] f : new String[][] {{"brand", brand}, {"language", language}, {"templateId", templateId},
                {"title", title}, {"text", text}}) {
            WebElement input = b.find("#template-form [name=" + f[0] + "]");
            input.clear();
            input.sendKeys(f[1]);
        }
        if (submit) {
            b.find("#template-form button[type=submit]").click();
        }
    }
}
