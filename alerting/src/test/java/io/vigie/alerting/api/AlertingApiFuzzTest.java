package io.vigie.alerting.api;

import io.vigie.model.testing.Fuzz;
import static io.vigie.alerting.Signals.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.Fixtures;
import io.vigie.alerting.TestClock;
import io.vigie.alerting.messages.MentionDetails;
import io.vigie.alerting.messages.MessageRenderer;
import io.vigie.alerting.owner.IncidentRouter;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mutated JSON bodies and query strings sent to the incident actions, the silences and the incident list (seed and
 * budget: see {@link Fuzz}): a JSON answer with a 2xx or a 4xx, never a 500, never a hang.
 */
class AlertingApiFuzzTest {
    private static final Instant T0 = Instant.parse("2026-11-23T14:05:00Z");
    private static final List<String> CORPUS = List.of("{\"actor\": \"alice\", \"note\": \"on it\"}",
            "{\"matchers\": [\"brand=\\\"acme\\\"\"], \"duration\": \"2h\", \"author\": \"alice\", \"reason\": \"campaign\"}",
            "{\"matchers\": [\"brand=~\\\"ac.*\\\"\", \"kind!=\\\"VOLUME\\\"\"], \"startsAt\": \"2026-11-23T14:00:00Z\","
                    + " \"endsAt\": \"2026-11-24T14:00:00Z\", \"author\": \"bob\", \"reason\": \"r\"}", "{}", "");
    private static final List<String> DICTIONARY = List.of("null", "[]", "{}", "\"\"", "0", "-1", "1e999", "true", ",",
            ":", "\"", "\\", "\\u0000", "[\"brand\"]", "[\"=\"]", "[\"brand=~\\\"(\\\"\"]", "\"duration\": \"-5m\"",
            "\"duration\": \"99999999999d\"", "\"duration\": \"P\"", "\"duration\": \"PT1x\"",
            "\"duration\": \"P999999999999D\"", "\"duration\": \"9999999999999999w\"",
            "\"endsAt\": \"1970-01-01T00:00:00Z\"", "\"startsAt\": \"not a time\"",
            "\"actor\": null", "\"actor\": 12", "\"note\": {\"a\": []}", "\"extra\": 1");
    private final TestClock clock = new TestClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();
    private IncidentRouter router;
    private AlertingApi api;

    @BeforeEach
    void start() {
        AlertingConfig config = Fixtures.config(Fixtures.YAML.replace("  defaultReceiver: ops-webhook\n",
                "  defaultReceiver: ops-webhook\n  api: {host: 127.0.0.1, port: 0, token: t0ken}\n"));
        router = Fixtures.router(config, new Fixtures.MemorySink(), clock);
        SignedLinks links = new SignedLinks(config.publicBaseUrl(), config.signingSecret(), Duration.ofDays(1), clock);
        api = new AlertingApi(config, router, links, new MessageRenderer(config, links, MentionDetails.NONE), () -> null,
                clock);
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void mutatedBodiesAndParametersGetAnAnswerOrAClientErrorNeverAServerError() throws Exception {
        router.onSignal(signal("s1", "acme", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10));
        String id = router.incidents().get(0).incidentId();
        List<String[]> targets = List.of(new String[] {"POST", "/api/incidents/" + id + "/notes"},
                new String[] {"POST", "/api/incidents/" + id + "/acknowledge"},
                new String[] {"POST", "/api/incidents/" + id + "/reopen"},
                new String[] {"POST", "/api/incidents/" + id + "/resolve"},
                new String[] {"POST", "/api/silences"}, new String[] {"PUT", "/api/silences/no-such-silence"},
                new String[] {"GET", "/api/incidents?status="}, new String[] {"DELETE", "/api/silences/x?actor="});
        Fuzz fuzz = new Fuzz("alerting-api", Duration.ofSeconds(10));
        Random random = fuzz.random();
        int ran = fuzz.run(CORPUS, DICTIONARY, body -> {
            String[] t = targets.get(random.nextInt(targets.size()));
            String path = t[1].endsWith("=") ? t[1] + URLEncoder.encode(body, StandardCharsets.UTF_8) : t[1];
            boolean hasBody = t[0].equals("POST") || t[0].equals("PUT");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                    .method(t[0], hasBody ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
                    .header("Content-Type", "application/json").header("Authorization", "Bearer t0ken")
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() < 500, t[0] + " " + path + " with " + body + " gave " + r.statusCode() + ": " + r.body());
        });
        assertTrue(ran > CORPUS.size(), "only the corpus ran");
    }

    @Test
    void aMalformedOrOverflowingSilenceDurationIsABadRequestNotAServerError() throws Exception {
        for (String duration : List.of("P", "PT1x", "P999999999999D", "P99999999999999999999D", "9999999999999999w")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                    + "/api/silences")).POST(HttpRequest.BodyPublishers.ofString("{\"matchers\": [\"brand=\\\"acme\\\"\"],"
                    + " \"duration\": \"" + duration + "\", \"author\": \"a\", \"reason\": \"r\"}"))
                    .header("Authorization", "Bearer t0ken").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), duration + ": " + r.body());
            assertTrue(r.body().contains("error"), r.body());
        }
    }

    @Test
    void anActorOrAuthorWithALineBreakIsRefusedSoItCannotForgeALogRecord() throws Exception {
        router.onSignal(signal("s1", "acme", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10));
        String id = router.incidents().get(0).incidentId();
        String forged = "alice\\n03:00:00.000 INFO  service=alerting event=resolved incident=" + id + " actor=\\\"boss";
        for (String[] call : List.of(new String[] {"/api/incidents/" + id + "/notes", "{\"actor\": \"" + forged + "\"}"},
                new String[] {"/api/silences", "{\"matchers\": [\"brand=\\\"acme\\\"\"], \"duration\": \"1h\","
                        + " \"author\": \"" + forged + "\", \"reason\": \"r\"}"})) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + call[0]))
                    .POST(HttpRequest.BodyPublishers.ofString(call[1])).header("Authorization", "Bearer t0ken").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), call[0] + ": " + r.body());
            assertTrue(r.body().contains("line breaks"), r.body());
        }
    }

    @Test
    void aJsonNullBodyIsABadRequestNotAServerError() throws Exception {
        router.onSignal(signal("s1", "acme", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10));
        String id = router.incidents().get(0).incidentId();
        for (String path : List.of("/api/incidents/" + id + "/notes", "/api/silences")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                    .POST(HttpRequest.BodyPublishers.ofString("null")).header("Authorization", "Bearer t0ken").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().contains("error"), r.body());
        }
    }
}
