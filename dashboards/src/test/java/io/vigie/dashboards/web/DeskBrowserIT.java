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
            web.index.send(TestMentions.simple(id, web.brand, web.index.source, SentimentLabel.NEGATIVE,
                    Instant.now().minusSeconds(900)));
            web.index.flush();
            await("the mention in the desk queue", Duration.ofSeconds(60), quietly(() -> {
                JsonNode desk = VigieJson.newMapper().readTree(web.get("/api/desk?brand=" + web.brand).body());
                for (JsonNode i : desk.path("items")) {
                    if (i.path("mentionId").asText().equals(id)) {
                        return true;
                    }
                }
                return false;
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
}
