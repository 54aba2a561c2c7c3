package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.dashboards.desk.ResponseDesk;
import io.vigie.dashboards.follow.TopicFollower;
import io.vigie.dashboards.index.IndexerFixture;
import io.vigie.model.MentionResponse;
import io.vigie.model.SentimentLabel;
import io.vigie.model.VigieJson;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The response desk over the real broker and Elasticsearch, in plain HTTP as two signed-in users: one assigns a
 * mention to the other, who is told on the live channel within 2 s and answers it with a link; the first sees it
 * answered; the document's {@code response.status} filters it; a new instance rebuilds the same state from the
 * topic; a viewer's attempts to act are refused.
 */
class DeskWebIT {
    private static final ObjectMapper JSON = VigieJson.newMapper();

    private static String csrf(WebFixture web, String session) throws Exception {
        HttpResponse<String> page = web.send(HttpRequest.newBuilder(URI.create(web.url("/desk"))).header("Cookie", session)
                .build());
        // The error page carries the layout's token too: the desk page itself must answer.
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("/static/js/desk.js"), "the desk page loads its script");
        String html = page.body();
        Matcher m = Pattern.compile("data-csrf=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no csrf token on the desk page");
        return m.group(1);
    }

    private static HttpResponse<String> post(WebFixture web, String session, String csrf, String path,
            Map<String, String> fields) throws Exception {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return web.send(HttpRequest.newBuilder(URI.create(web.url(path))).header("Cookie", session)
                .header("X-CSRF-Token", csrf).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build());
    }

    private static JsonNode getJson(WebFixture web, String session, String path) throws Exception {
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(URI.create(web.url(path))).header("Cookie", session)
                .header("Accept", "application/json").build());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode item(JsonNode desk, String id) {
        for (JsonNode i : desk.path("items")) {
            if (i.path("mentionId").asText().equals(id)) {
                return i;
            }
        }
        return null;
    }

    /** Opens the live channel and completes with the time the first {@code response} event about {@code id} came. */
    private static CompletableFuture<Instant> firstResponseEvent(WebFixture web, String session, String id)
            throws Exception {
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(web.url("/desk/live"))).header("Cookie", session).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        CompletableFuture<Instant> seen = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; (line = lines.readLine()) != null && !seen.isDone(); ) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && "response".equals(event) && line.contains(id)) {
                        seen.complete(Instant.now());
                    }
                }
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        }, "desk-live-reader");
        reader.setDaemon(true);
        reader.start();
        return seen;
    }

    @Test
    void aMentionAssignedByOneTeammateReachesTheOtherLiveWhoAnswersItAndEveryoneSeesIt() throws Exception {
        try (WebFixture web = WebFixture.startWithDesk()) {
            String id = web.index.run + "-desk-1";
            web.index.send(TestMentions.simple(id, web.brand, web.index.source, SentimentLabel.NEGATIVE,
                    Instant.now().minusSeconds(600)));
            web.index.flush();
            String remi = DashboardWebIT.signIn(web, WebFixture.RESPONDER);
            String ada = DashboardWebIT.signIn(web, WebFixture.ADMIN);
            String vera = DashboardWebIT.signIn(web, WebFixture.VIEWER);
            // A new monthly index answers 503 until its shard is allocated: that is "not yet", not a failure.
            IndexerFixture.await("the mention on the desk", Duration.ofSeconds(60), IndexerFixture.quietly(() -> {
                HttpResponse<String> r = web.send(HttpRequest.newBuilder(URI.create(web.url("/api/desk?brand="
                        + web.brand))).header("Cookie", remi).header("Accept", "application/json").build());
                return r.statusCode() == 200 && item(JSON.readTree(r.body()), id) != null;
            }));

            CompletableFuture<Instant> adaTold = firstResponseEvent(web, ada, id);
            Thread.sleep(300); // the channel is open before the change
            String remiCsrf = csrf(web, remi);
            Instant assignedAt = Instant.now();
            HttpResponse<String> assigned = post(web, remi, remiCsrf, "/api/desk/" + id + "/assign",
                    Map.of("assignee", WebFixture.ADMIN, "actor", "mallory"));
            assertEquals(200, assigned.statusCode(), assigned.body());
            JsonNode state = JSON.readTree(assigned.body());
            assertEquals("ASSIGNED", state.path("status").asText());
            assertEquals(WebFixture.ADMIN, state.path("assignee").asText());
            assertEquals(WebFixture.RESPONDER, state.path("updatedBy").asText(), "identity from the session only");

            Instant told = adaTold.get(5, TimeUnit.SECONDS);
            Duration delay = Duration.between(assignedAt, told);
            System.out.printf("desk live: assignment seen by the other user after %d ms%n", delay.toMillis());
            assertTrue(delay.compareTo(Duration.ofSeconds(2)) < 0, "told after " + delay);
            assertEquals(WebFixture.ADMIN, item(getJson(web, ada, "/api/desk?brand=" + web.brand), id)
                    .path("response").path("assignee").asText());

            HttpResponse<String> answered = post(web, ada, csrf(web, ada), "/api/desk/" + id + "/answer",
                    Map.of("channel", "SAME_THREAD", "replyUrl", "https://forum.example/t/1#reply-7"));
            assertEquals(200, answered.statusCode(), answered.body());
            assertEquals("ANSWERED", JSON.readTree(answered.body()).path("status").asText());

            // The first user sees it answered (with the handled ones), and no longer in the queue.
            JsonNode all = getJson(web, remi, "/api/desk?all=true&brand=" + web.brand);
            assertEquals("ANSWERED", item(all, id).path("response").path("status").asText());
            assertEquals("https://forum.example/t/1#reply-7", item(all, id).path("response").path("replyUrl").asText());
            assertEquals(null, item(getJson(web, remi, "/api/desk?brand=" + web.brand), id));

            // Search filters on the document's response.status.
            IndexerFixture.await("response on the document", Duration.ofSeconds(30), IndexerFixture.quietly(() -> {
                web.index.elasticsearch.indices().refresh(r -> r.index(web.index.alias));
                return web.index.elasticsearch.count(c -> c.index(web.index.alias).query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("id").value(id)))
                        .filter(f -> f.term(t -> t.field("response.status").value("ANSWERED")))))).count() == 1;
            }));

            // A viewer sees but cannot act.
            String veraCsrf = csrf(web, vera);
            assertEquals(403, post(web, vera, veraCsrf, "/api/desk/" + id + "/reopen", Map.of()).statusCode());
            assertEquals(403, post(web, vera, veraCsrf, "/api/incidents/inc-x/acknowledge", Map.of()).statusCode());
            assertEquals(404, post(web, remi, remiCsrf, "/api/incidents/inc-x/acknowledge", Map.of()).statusCode());
            assertEquals(400, post(web, remi, remiCsrf, "/api/desk/" + id + "/answer",
                    Map.of("channel", "SAME_THREAD")).statusCode(), "an answer on the thread needs its URL");
            assertEquals("ANSWERED", item(getJson(web, vera, "/api/desk?all=true&brand=" + web.brand), id)
                    .path("response").path("status").asText());

            // A restarted instance rebuilds the same state from mention.responses.
            TopicFollower follower = new TopicFollower("it-restart", web.index.cluster.kafka(), Clock.systemUTC());
            try (ResponseDesk restarted = new ResponseDesk(web.index.cluster.kafka(), follower)) {
                follower.start();
                assertTrue(follower.awaitReady(Duration.ofSeconds(60)));
                MentionResponse after = restarted.response(id).orElseThrow();
                assertEquals("ANSWERED", after.status().name());
                assertEquals(2, after.version());
                assertEquals(WebFixture.RESPONDER, after.history().get(0).actor());
                assertEquals(WebFixture.ADMIN, after.history().get(1).actor());
                assertFalse(after.isWaiting());
            } finally {
                follower.close();
            }
        }
    }
}
