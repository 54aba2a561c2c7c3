package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.search.SearchFixture;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The search page in a real Chromium: search, a facet, deep paging, an export downloaded and read back. */
class SearchBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anAnalystSearchesNarrowsByAFacetPagesDeepAndExportsTheResults() throws Exception {
        try (WebFixture web = WebFixture.start(); BrowserFixture b = BrowserFixture.open(web, "search")) {
            new SearchFixture(web.index.alias).index(SearchWebIT.mentions(web.brand, web.rival, SearchWebIT.MENTIONS));
            b.signIn(WebFixture.VIEWER, "/search");
            b.assertNoScriptRan();

            // Search.
            WebElement box = b.find("#q");
            box.clear();
            box.sendKeys("brand:" + web.brand);
            b.find("#search-submit").click();
            new WebDriverWait(b.driver(), WAIT).until(d -> d.getCurrentUrl().contains("q=brand"));
            assertEquals(SearchWebIT.MENTIONS + " mentions found", b.find("#total").getText());
            assertFalse(b.findAll("#histogram canvas").isEmpty(), "the histogram is drawn");
            b.assertNoScriptRan();

            // A facet adds its clause: the query and the results change.
            b.find("a.facet-value[data-clause='lang:en']").click();
            new WebDriverWait(b.driver(), WAIT).until(d -> d.getCurrentUrl().contains("lang%3Aen"));
            assertEquals("brand:" + web.brand + " lang:en", b.find("#q").getAttribute("value"));
            assertFalse(b.findAll("strong.facet-applied[data-clause='lang:en']").isEmpty(), "the applied value is marked");
            int english = SearchWebIT.MENTIONS / 2;
            assertEquals(english + " mentions found", b.find("#total").getText());
            assertTrue(b.findAll("#hits li.hit .language").stream().allMatch(e -> e.getText().equals("en")));
            b.screenshot("facet");
            b.assertNoScriptRan();

            // Deep paging: each next page other hits, none repeated, every one seen by the last page.
            List<String> seen = new ArrayList<>(ids(b));
            int page = 1;
            while (!b.findAll("#next-page").isEmpty()) {
                b.find("#next-page").click();
                int expected = ++page;
                b.await("#results[data-page='" + expected + "']", WAIT);
                assertEquals("Page " + expected, b.find("#page-number").getText());
                seen.addAll(ids(b));
            }
            assertEquals(english, seen.size(), "every hit: " + seen);
            assertEquals(english, new HashSet<>(seen).size(), "none twice");
            assertEquals(4, page);
            assertFalse(b.findAll("#facets a.facet-value").isEmpty(), "the first page's facets stay while paging");
            assertEquals("Last page of the results.", b.find("#last-page").getText());
            b.assertNoScriptRan();

            // Export the result set as CSV: progress, done, download.
            new Select(b.find("#export-format")).selectByValue("csv");
            b.find("#export-start").click();
            b.await("#export-status[data-state='DONE']", WAIT);
            assertEquals("Done: " + english + " rows.", b.find("#export-rows").getText());
            assertEquals(String.valueOf(english), b.find("#export-progress").getAttribute("value"));
            WebElement download = b.find("#export-download");
            assertTrue(download.isDisplayed());
            b.screenshot("exported");
            b.assertNoScriptRan();

            Cookie session = b.driver().manage().getCookieNamed("vigie_session");
            HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download.getAttribute("href")))
                    .header("Cookie", "vigie_session=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, file.statusCode());
            Map<String, Integer> rows = new HashMap<>();
            try (Reader in = new StringReader(file.body())) {
                for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    rows.merge(r.get("id"), 1, Integer::sum);
                    assertEquals("en", r.get("language"), r.toString());
                }
            }
            assertEquals(new HashSet<>(seen), rows.keySet(), "the file holds what the pages showed");
            assertTrue(rows.values().stream().allMatch(n -> n == 1), "each row once");

            // At a phone's width the page does not overflow sideways, facets and all.
            b.manage().window().setSize(BrowserFixture.PHONE);
            b.go("/search?q=" + java.net.URLEncoder.encode("brand:" + web.brand, java.nio.charset.StandardCharsets.UTF_8));
            b.await("#facets", WAIT);
            Number overflow = (Number) b.js("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow.intValue() <= 0, "the search page overflows by " + overflow + " px at 390 px: " + b.js(
                    "return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                    + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));"));
            b.screenshot("phone");
            b.assertNoScriptRan();
        }
    }

    private static List<String> ids(BrowserFixture b) {
        return b.findAll("#hits li.hit").stream().map(e -> e.getAttribute("data-id")).toList();
    }
}
