package io.vigie.dashboards.web;

import static io.vigie.dashboards.index.IndexerFixture.await;
import static io.vigie.dashboards.index.IndexerFixture.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.dashboards.DashboardsConfig;
import io.vigie.dashboards.web.auth.Accounts;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.Passwords;
import io.vigie.dashboards.web.auth.SessionCookie;
import io.vigie.model.SentimentLabel;
import io.vigie.model.VigieJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web server over the real indexer, Kafka and Elasticsearch, spoken to in plain HTTP. */
class DashboardWebIT {

    private static String cookie(HttpResponse<?> r, String name) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            if (c.startsWith(name + "=")) {
                return c;
            }
        }
        return null;
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no field " + name + " in " + html);
        return m.group(1);
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.BodyPublishers.ofString(sb.toString());
    }

    /** Signs in through the form as a browser would; returns the session cookie header value. */
    static String signIn(WebFixture web, String user) throws Exception {
        HttpResponse<String> page = web.send(HttpRequest.newBuilder(URI.create(web.url("/signin"))).build());
        String pre = value(cookie(page, SignInPages.PRE_SIGN_IN_COOKIE));
        HttpResponse<String> done = web.send(HttpRequest.newBuilder(URI.create(web.url("/signin")))
                .header("Cookie", SignInPages.PRE_SIGN_IN_COOKIE + "=" + pre)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("_csrf", field(page.body(), "_csrf"), "name", user, "password", WebFixture.PASSWORD,
                        "next", "/"))).build());
        assertEquals(302, done.statusCode(), done.body());
        String session = cookie(done, "vigie_session");
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Lax"), session);
        return "vigie_session=" + value(session);
    }

    @Test
    void signedInPagesShowTheBrandAndEscapeHostileMentionsAndTheApiNeedsAToken() throws Exception {
        try (WebFixture web = WebFixture.start()) {
            Instant now = Instant.now();
            for (int i = 0; i < 5; i++) {
                web.index.send(TestMentions.simple(web.brand + "-" + i, web.brand, web.index.source,
                        SentimentLabel.NEGATIVE, now.minusSeconds(120 + i)));
            }
            web.index.send(TestMentions.of(web.brand + "-hostile", web.brand, web.index.source, SentimentLabel.NEUTRAL,
                    "en", "<script>alert('pwned')</script> cadenas", "L’équipe a répondu <img src=x onerror=alert(1)>",
                    "<p>safe</p>", now.minusSeconds(100)));
            web.index.flush();
            await("6 documents", Duration.ofSeconds(90), quietly(() -> {
                JsonNode tiles = VigieJson.newMapper().readTree(web.get("/api/overview").body());
                for (JsonNode t : tiles) {
                    if (t.path("brand").asText().equals(web.brand)) {
                        return t.path("lastDay").asLong() == 6;
                    }
                }
                return false;
            }));

            assertEquals(401, web.send(HttpRequest.newBuilder(URI.create(web.url("/api/brands"))).build()).statusCode());
            HttpResponse<String> anonymous = web.send(HttpRequest.newBuilder(URI.create(web.url("/brands/x"))).build());
            assertEquals(302, anonymous.statusCode());
            assertEquals("/signin?next=%2Fbrands%2Fx", anonymous.headers().firstValue("Location").orElse(""));

            JsonNode tile = null;
            for (JsonNode t : VigieJson.newMapper().readTree(web.get("/api/overview").body())) {
                if (t.path("brand").asText().equals(web.brand)) {
                    tile = t;
                }
            }
            assertEquals(6, tile.path("lastHour").asLong());
            assertEquals(5, tile.path("negativeDay").asLong());
            assertEquals(24, tile.path("sparkline").size());

            JsonNode found = VigieJson.newMapper().readTree(web.get("/api/search?q=equipe&brand=" + web.brand).body());
            assertEquals(1, found.path("total").asLong(), "'equipe' finds 'L’équipe' through foldedText");

            String session = signIn(web, WebFixture.VIEWER);
            HttpResponse<String> brandPage = web.send(HttpRequest.newBuilder(URI.create(web.url("/brands/" + web.brand)))
                    .header("Cookie", session).header("Accept-Language", "fr-FR,fr;q=0.9").build());
            assertEquals(200, brandPage.statusCode(), brandPage.body());
            assertTrue(brandPage.body().contains("&lt;script&gt;alert("), "the hostile title is shown as text");
            assertFalse(brandPage.body().contains("<script>alert("), "and never runs");
            assertFalse(brandPage.body().contains("<img src=x"), "nor its markup");
            assertTrue(brandPage.body().contains("Mentions en direct"), "French from Accept-Language");
            assertTrue(brandPage.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
            assertEquals("DENY", brandPage.headers().firstValue("X-Frame-Options").orElse(""));

            HttpResponse<String> mention = web.send(HttpRequest.newBuilder(URI.create(web.url("/mentions/" + web.brand + "-0")))
                    .header("Cookie", session).build());
            assertEquals(200, mention.statusCode(), mention.body());
            assertTrue(mention.body().contains("<p>Mon antivol " + web.brand + "</p>"), "the safe HTML is rendered");
            assertTrue(mention.body().contains("<mark>" + web.brand + "</mark>"), "the brand's sentence is highlighted");
            assertTrue(mention.body().contains("id=\"no-act\""), "a viewer is offered no action");
        }
    }

    @Test
    void aViewerCannotActAndAStateChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        try (WebFixture web = WebFixture.start()) {
            web.index.send(TestMentions.simple(web.brand + "-1", web.brand, web.index.source, SentimentLabel.NEGATIVE,
                    Instant.now().minusSeconds(60)));
            web.index.flush();
            String id = web.brand + "-1";
            await("the mention indexed", Duration.ofSeconds(90),
                    quietly(() -> web.get("/api/mentions/" + id).statusCode() == 200));
            HttpRequest.Builder flag = HttpRequest.newBuilder(URI.create(web.url("/mentions/" + id + "/flags")))
                    .header("Content-Type", "application/x-www-form-urlencoded");

            assertEquals(403, web.send(flag.copy().header("Authorization", "Bearer " + web.viewerToken)
                    .POST(form(Map.of("kind", "important"))).build()).statusCode(), "a viewer's token may not act");
            assertEquals(201, web.send(flag.copy().header("Authorization", "Bearer " + web.responderToken)
                    .header("Accept", "application/json").POST(form(Map.of("kind", "important"))).build()).statusCode());

            String viewer = signIn(web, WebFixture.VIEWER);
            assertEquals(403, web.send(flag.copy().header("Cookie", viewer).POST(form(Map.of("kind", "handled"))).build())
                    .statusCode(), "a viewer's session may not act");

            String responder = signIn(web, WebFixture.RESPONDER);
            HttpResponse<String> noToken = web.send(flag.copy().header("Cookie", responder)
                    .POST(form(Map.of("kind", "handled"))).build());
            assertEquals(403, noToken.statusCode(), "no CSRF token");
            assertTrue(noToken.body().contains("CSRF"), noToken.body());
            HttpResponse<String> page = web.send(HttpRequest.newBuilder(URI.create(web.url("/mentions/" + id)))
                    .header("Cookie", responder).build());
            String csrf = field(page.body(), "_csrf");
            assertEquals(403, web.send(flag.copy().header("Cookie", responder)
                    .POST(form(Map.of("kind", "handled", "_csrf", csrf + "x"))).build()).statusCode(), "a wrong token");
            assertEquals(302, web.send(flag.copy().header("Cookie", responder)
                    .POST(form(Map.of("kind", "handled", "_csrf", csrf))).build()).statusCode());
            String after = web.send(HttpRequest.newBuilder(URI.create(web.url("/mentions/" + id)))
                    .header("Cookie", responder).build()).body();
            Matcher flags = Pattern.compile("(?s)<ul id=\"flags\">(.*?)</ul>").matcher(after);
            assertTrue(flags.find(), after);
            assertTrue(flags.group(1).contains(WebFixture.RESPONDER), "both flags are listed with who made them: " + flags.group(1));
            assertEquals(2, flags.group(1).split("<li>", -1).length - 1, flags.group(1));
        }
    }

    @Test
    void signInIsThrottledAfterFiveFailures() throws Exception {
        try (WebFixture web = WebFixture.start()) {
            int last = 0;
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> page = web.send(HttpRequest.newBuilder(URI.create(web.url("/signin"))).build());
                String pre = value(cookie(page, SignInPages.PRE_SIGN_IN_COOKIE));
                last = web.send(HttpRequest.newBuilder(URI.create(web.url("/signin")))
                        .header("Cookie", SignInPages.PRE_SIGN_IN_COOKIE + "=" + pre)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form(Map.of("_csrf", field(page.body(), "_csrf"), "name", WebFixture.ADMIN,
                                "password", "guess" + i))).build()).statusCode();
                if (i < 5) {
                    assertEquals(401, last);
                }
            }
            assertEquals(429, last, "the sixth attempt in 5 minutes is refused");
        }
    }

    @Test
    void whenElasticsearchIsUnreachableThePageSaysSoWithStatus503() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String token = ApiTokens.newToken();
        WebSetup setup = new WebSetup(new DashboardsConfig.Http(true, "127.0.0.1", 0), Accounts.of(List.of(), new Passwords(4)),
                new ApiTokens(List.of(new io.vigie.dashboards.WebSettings.ApiToken("t", ApiTokens.sha256(token), "viewer"))),
                new SessionCookie(new byte[32], Duration.ofHours(1), Clock.systemUTC()), ZoneId.of("UTC"), Map.of(), false);
        DashboardWeb web = new DashboardWeb(setup,
                io.vigie.runtime.connect.ElasticsearchConnection.open(URI.create("http://127.0.0.1:" + closedPort)),
                "vigie-mentions", null, Clock.systemUTC());
        try {
            web.start();
            HttpResponse<String> home = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + web.port() + "/")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, home.statusCode());
            assertTrue(home.body().contains("Elasticsearch"), home.body());
            assertTrue(web.routes().table().stream().allMatch(r -> r.role() != null), "every route has a role");
        } finally {
            web.close();
        }
    }
}
