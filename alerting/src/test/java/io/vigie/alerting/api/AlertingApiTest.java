package io.vigie.alerting.api;

import static io.vigie.alerting.Signals.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.Fixtures;
import io.vigie.alerting.owner.IncidentRouter;
import io.vigie.alerting.TestClock;
import io.vigie.alerting.messages.MentionDetails;
import io.vigie.alerting.messages.MessageRenderer;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.VigieJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API on a real Javalin server (port 0) over an in-memory router. */
class AlertingApiTest {
    private static final Instant T0 = Instant.parse("2026-11-23T14:05:00Z");
    private final TestClock clock = new TestClock(T0);
    private final Fixtures.MemorySink sink = new Fixtures.MemorySink();
    private final HttpClient http = HttpClient.newHttpClient();
    private AlertingConfig config;
    private IncidentRouter router;
    private SignedLinks links;
    private AlertingApi api;

    @BeforeEach
    void start() {
        config = Fixtures.config(Fixtures.YAML.replace("  defaultReceiver: ops-webhook\n",
                "  defaultReceiver: ops-webhook\n  api: {host: 127.0.0.1, port: 0, token: t0ken}\n"));
        router = Fixtures.router(config, sink, clock);
        links = new SignedLinks(config.publicBaseUrl(), config.signingSecret(), Duration.ofDays(1), clock);
        api = new AlertingApi(config, router, links, new MessageRenderer(config, links, MentionDetails.NONE),
                () -> null, clock);
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> call(String method, String path, String body, boolean authorized) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorized) {
            b.header("Authorization", "Bearer t0ken");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String openIncident() {
        router.onSignal(signal("s1", "acme", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10));
        return router.incidents().get(0).incidentId();
    }

    @Test
    void theApiRefusesCallsWithoutTheBearerToken() throws Exception {
        assertEquals(401, call("GET", "/api/incidents", null, false).statusCode());
        assertEquals(200, call("GET", "/api/incidents", null, true).statusCode());
        assertEquals(200, call("GET", "/health", null, false).statusCode());
    }

    @Test
    void acknowledgeNoteResolveAndReopenAreKeptWithWhoAndWhen() throws Exception {
        String id = openIncident();
        clock.advance(Duration.ofMinutes(2));
        var ack = call("POST", "/api/incidents/" + id + "/acknowledge", "{\"actor\": \"alice\"}", true);
        assertEquals(200, ack.statusCode(), ack.body());
        assertEquals("ACKNOWLEDGED", VigieJson.newMapper().readTree(ack.body()).get("status").asText());
        assertEquals(409, call("POST", "/api/incidents/" + id + "/acknowledge", "{\"actor\": \"bob\"}", true).statusCode());
        assertEquals(400, call("POST", "/api/incidents/" + id + "/notes", "{\"note\": \"no actor\"}", true).statusCode());
        assertEquals(200, call("POST", "/api/incidents/" + id + "/notes", "{\"actor\": \"bob\", \"note\": \"called PR\"}", true).statusCode());
        assertEquals(200, call("POST", "/api/incidents/" + id + "/resolve", "{\"actor\": \"alice\"}", true).statusCode());
        var reopened = call("POST", "/api/incidents/" + id + "/reopen", "{\"actor\": \"carol\", \"note\": \"back\"}", true);
        JsonNode incident = VigieJson.newMapper().readTree(reopened.body());
        assertEquals("OPEN", incident.get("status").asText());
        assertEquals(404, call("POST", "/api/incidents/nope/acknowledge", "{\"actor\": \"a\"}", true).statusCode());
        assertEquals("OPEN", sink.incidents.get(sink.incidents.size() - 1).status().name(), "written to the topic");
        var people = sink.incidents.get(sink.incidents.size() - 1).history().stream()
                .filter(a -> !a.actor().equals("vigie") && !a.action().equals("notified")).toList();
        assertEquals(4, people.size());
        assertEquals(T0.plus(Duration.ofMinutes(2)), people.get(0).at());
    }

    @Test
    void silencesAreCreatedReadReplacedAndDeletedWithAuthorAndReason() throws Exception {
        var bad = call("POST", "/api/silences", "{\"matchers\": [\"brand=\\\"acme\\\"\"], \"duration\": \"2h\", \"author\": \"alice\"}", true);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("reason is required"), bad.body());
        assertEquals(400, call("POST", "/api/silences", "{\"matchers\": [\"brand=\\\"acme\\\"\"], \"author\": \"a\", \"reason\": \"r\"}", true).statusCode(),
                "a silence always expires");
        assertEquals(400, call("POST", "/api/silences", "{\"matchers\": [\"colour=red\"], \"duration\": \"1h\", \"author\": \"a\", \"reason\": \"r\"}", true).statusCode());
        var created = call("POST", "/api/silences",
                "{\"matchers\": [\"brand=\\\"acme\\\"\"], \"duration\": \"2h\", \"author\": \"alice\", \"reason\": \"campaign\"}", true);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode silence = VigieJson.newMapper().readTree(created.body());
        String id = silence.get("silenceId").asText();
        assertEquals(T0.plus(Duration.ofHours(2)).toString(), silence.get("endsAt").asText());
        assertEquals(1, sink.silences.size(), "written to the silences topic");
        assertEquals(200, call("GET", "/api/silences/" + id, null, true).statusCode());
        var replaced = call("PUT", "/api/silences/" + id,
                "{\"matchers\": [\"brand=\\\"acme\\\"\"], \"duration\": \"30m\", \"author\": \"bob\", \"reason\": \"shorter\"}", true);
        assertEquals("bob", VigieJson.newMapper().readTree(replaced.body()).get("author").asText());
        openIncident();
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertEquals(0, sink.notifications.size(), "silenced");
        assertEquals(204, call("DELETE", "/api/silences/" + id + "?actor=bob", null, true).statusCode());
        assertEquals(404, call("GET", "/api/silences/" + id, null, true).statusCode());
        router.tick();
        assertEquals(1, sink.notifications.size(), "sent once the silence is gone");
    }

    @Test
    void aSignedLinkShowsAPageOnGetAndActsOnlyOnPost() throws Exception {
        String id = openIncident();
        String token = links.token(id, "acknowledge", "crisis-slack");
        var page = call("GET", "/a/" + token, null, false);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Confirmer : prendre en charge l&#39;incident")
                || page.body().contains("Confirmer : prendre en charge l'incident"), page.body());
        assertEquals("OPEN", router.incident(id).orElseThrow().status().name());
        var done = call("POST", "/a/" + token, null, false);
        assertEquals(200, done.statusCode());
        assertEquals("ACKNOWLEDGED", router.incident(id).orElseThrow().status().name());
        assertEquals("crisis-slack", router.incident(id).orElseThrow().history().stream()
                .filter(a -> a.action().equals("acknowledged")).findFirst().orElseThrow().actor());
        assertEquals(403, call("POST", "/a/" + token.substring(0, token.length() - 2) + "xx", null, false).statusCode());
    }

    @Test
    void theLinkOfAGroupedMessageAcknowledgesEveryIncidentItWasAbout() throws Exception {
        router.onSignal(signal("v", "acme", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10));
        router.onSignal(signal("n", "acme", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, T0, 40, 10));
        List<String> ids = router.incidents().stream().map(i -> i.incidentId()).toList();
        assertEquals(2, ids.size());
        String token = links.token(String.join(",", ids), "acknowledge", "ops-webhook");
        var done = call("POST", "/a/" + token, null, false);
        assertEquals(200, done.statusCode(), done.body());
        for (String id : ids) {
            assertEquals("ACKNOWLEDGED", router.incident(id).orElseThrow().status().name());
        }
        assertEquals(409, call("POST", "/a/" + token, null, false).statusCode(), "nothing left to acknowledge");
    }
}
