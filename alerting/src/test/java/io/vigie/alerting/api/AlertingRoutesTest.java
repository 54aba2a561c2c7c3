package io.vigie.alerting.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.Fixtures;
import io.vigie.alerting.TestClock;
import io.vigie.alerting.messages.MentionDetails;
import io.vigie.alerting.messages.MessageRenderer;
import io.vigie.alerting.owner.IncidentRouter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every route {@link AlertingApi#routes()} registers, called without the API token, with a wrong one and with the
 * right one; the signed-link routes with forged links; the README lists exactly these routes; neither the API token
 * nor the signing secret nor a wrong token shows in a log line or a response.
 */
class AlertingRoutesTest {
    private static final String TOKEN = "api-t0ken-" + System.nanoTime();
    private static final String WRONG = "wrong-t0ken-" + System.nanoTime();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T14:05:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> bodies = new ArrayList<>();
    private AlertingConfig config;
    private SignedLinks links;
    private AlertingApi api;

    @BeforeEach
    void start() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        config = Fixtures.config(Fixtures.YAML.replace("  defaultReceiver: ops-webhook\n",
                "  defaultReceiver: ops-webhook\n  api: {host: 127.0.0.1, port: 0, token: " + TOKEN + "}\n"));
        IncidentRouter router = Fixtures.router(config, new Fixtures.MemorySink(), clock);
        links = new SignedLinks(config.publicBaseUrl(), config.signingSecret(), Duration.ofDays(1), clock);
        api = new AlertingApi(config, router, links, new MessageRenderer(config, links, MentionDetails.NONE),
                () -> null, clock);
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private HttpResponse<String> call(AlertingApi.Route route, String path, String authorization) throws Exception {
        boolean hasBody = route.method().equals("POST") || route.method().equals("PUT");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(route.method(), hasBody ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        bodies.add(r.body());
        return r;
    }

    /** A real link's token with its last character changed: the signature no longer matches. */
    private static String tampered(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    @Test
    void everyRouteRefusesAMissingOrWrongTokenOrAForgedLinkAndNeverAnswersAServerError() throws Exception {
        List<AlertingApi.Route> routes = api.routes();
        assertEquals(15, routes.size(), "the routes: " + routes);
        for (AlertingApi.Route route : routes) {
            String what = route.method() + " " + route.path();
            String path = route.path().replace("{id}", "no-such-id").replace("{token}", "not-a-signed-link")
                    + (route.method().equals("DELETE") ? "?actor=alice" : "");
            switch (route.access()) {
                case "token" -> {
                    assertEquals(401, call(route, path, null).statusCode(), what + " without a token");
                    assertEquals(401, call(route, path, "Bearer " + WRONG).statusCode(), what + " with a wrong token");
                    assertEquals(401, call(route, path, TOKEN).statusCode(), what + " with the token but not as Bearer");
                    assertEquals(401, call(route, path, "Bearer " + TOKEN + "x").statusCode(), what + " with a longer token");
                    int status = call(route, path, "Bearer " + TOKEN).statusCode();
                    assertTrue(status != 401 && status < 500, what + " with the token: " + status);
                }
                case "signed link" -> {
                    for (String forged : List.of("not-a-signed-link", tampered(links.token("inc-1", "acknowledge", "ops-webhook")))) {
                        HttpResponse<String> r = call(route, route.path().replace("{token}", forged), "Bearer " + TOKEN);
                        assertEquals(403, r.statusCode(), what + " with a forged link, even with the API token: " + r.body());
                    }
                }
                default -> assertEquals(200, call(route, path, null).statusCode(), what);
            }
        }

        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### HTTP API");
        String block = readme.substring(readme.indexOf("```", start) + 3, readme.indexOf("```", readme.indexOf("```", start) + 3));
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("(GET|POST|PUT|DELETE)\\s+(/[^\\s\\[?]*)").matcher(block);
        while (m.find()) {
            listed.add(m.group(1) + " " + m.group(2));
        }
        assertEquals(routes.stream().map(r -> r.method() + " " + r.path()).sorted().toList(), listed.stream().sorted().toList(),
                "the README's HTTP API block lists exactly the routes AlertingApi registers");

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            lines.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
        for (String secret : List.of(TOKEN, WRONG, config.signingSecret())) {
            lines.forEach(l -> assertFalse(l.contains(secret), "a secret in the log: " + l));
            bodies.forEach(b -> assertFalse(b.contains(secret), "a secret in a response: " + b));
        }
    }
}
