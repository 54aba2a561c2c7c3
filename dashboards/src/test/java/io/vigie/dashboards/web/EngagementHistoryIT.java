package io.vigie.dashboards.web;

import static io.vigie.dashboards.index.IndexerFixture.await;
import static io.vigie.dashboards.index.IndexerFixture.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.index.EngagementIndexer;
import io.vigie.model.ScoredMention;
import io.vigie.model.SentimentLabel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A video's views growing poll after poll, on the real broker and Elasticsearch: three versions of one mention
 * (100, 900 then 5,000 views) and the second one delivered twice. The mention document holds the latest version; the
 * mention page shows every version once, oldest first, and draws the growth; a second engagement indexer on the
 * same group after a restart writes only what came after.
 */
class EngagementHistoryIT {

    @Test
    void theMentionPageShowsEveryVersionsViewsOnceOldestFirst() throws Exception {
        try (WebFixture web = WebFixture.start()) {
            String group = web.index.group + "-engagement";
            String id = web.index.run + "-video";
            ScoredMention first = TestMentions.simple(id, web.brand, "video", SentimentLabel.NEGATIVE,
                    Instant.now().minusSeconds(3600));
            ScoredMention v1 = TestMentions.newerVersion(first, 1, 100);
            ScoredMention v2 = TestMentions.newerVersion(first, 2, 900);
            ScoredMention v3 = TestMentions.newerVersion(first, 3, 5000);
            try (EngagementIndexer engagement = new EngagementIndexer(web.index.cluster.kafka(),
                    web.index.cluster.elasticsearch(), web.index.alias, group)) {
                engagement.start();
                assertTrue(engagement.awaitReady(Duration.ofSeconds(60)), "the history index exists");
                for (ScoredMention m : new ScoredMention[] {v1, v2, v2, v3}) {
                    web.index.send(m);
                    web.index.flush();
                    Thread.sleep(20);
                }
                await("three versions on the mention page", Duration.ofSeconds(60), quietly(() ->
                        countRows(page(web, id)) == 3));
            }
            String html = page(web, id);
            assertEquals(3, countRows(html), "each version once, the repeated one not twice");
            int at100 = html.indexOf("<td>100</td>");
            int at900 = html.indexOf("<td>900</td>");
            int at5000 = html.indexOf("<td>5,000</td>");
            assertTrue(at100 > 0 && at900 > at100 && at5000 > at900, "oldest first: " + html);
            assertTrue(html.contains("id=\"engagement-line\""), "the growth drawn");
            assertTrue(html.contains("Growth over 3 versions: from 100 to 5,000"), html);
            Matcher points = Pattern.compile("<polyline points=\"([^\"]+)\"").matcher(html);
            assertTrue(points.find());
            assertEquals(3, points.group(1).split(" ").length, "one point per version");
            assertTrue(points.group(1).endsWith(",0.0"), "the latest is the highest: " + points.group(1));

            // A restarted indexer on the same group resumes after its commit: nothing is written again.
            try (EngagementIndexer again = new EngagementIndexer(web.index.cluster.kafka(),
                    web.index.cluster.elasticsearch(), web.index.alias, group)) {
                again.start();
                assertTrue(again.awaitReady(Duration.ofSeconds(60)));
                web.index.send(TestMentions.newerVersion(first, 4, 9000));
                web.index.flush();
                await("the fourth version on the page", Duration.ofSeconds(60), quietly(() ->
                        countRows(page(web, id)) == 4));
                assertEquals(1, again.written(), "only the new version: the committed ones are not replayed");
            }
        }
    }

    private static String page(WebFixture web, String id) throws Exception {
        return web.send(HttpRequest.newBuilder(URI.create(web.url("/mentions/" + id)))
                .header("Authorization", "Bearer " + web.viewerToken).header("Accept-Language", "en").build()).body();
    }

    private static int countRows(String html) {
        Matcher m = Pattern.compile("<tr data-version=").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
