package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.vigie.dashboards.web.auth.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every route {@link Routes} declares, called without credentials, with a bad API token, with each role below the one
 * it needs and with the one it needs; the README's route table is the one the code produces; no password, token or
 * session ever shows in a log line or a response.
 */
class RouteRolesIT {
    static final String TABLE_START = "<!-- route-table: generated from Routes.table(), checked by RouteRolesIT -->";
    static final String TABLE_END = "<!-- /route-table -->";
    private static final String WRONG_PASSWORD = "wrong-Pa55word-" + System.nanoTime();
    private static final String BAD_TOKEN = "vigie_badtoken_" + System.nanoTime();

    /** Dummy values for the path parameters: enough for the route to match, never an existing object. */
    private static String fill(String path, WebFixture web) {
        return path.replace("{brand}", web.brand).replace("{id}", "no-such-id").replace("{code}", "en")
                .replace("{language}", "en").replace("{template}", "no-such-template")
                .replace("{action}", path.startsWith("/api/incidents") ? "acknowledge" : "note");
    }

    /** The markdown table of every route, as the README carries it. */
    static String markdown(List<Routes.Declared> table) {
        StringBuilder sb = new StringBuilder(TABLE_START).append("\n| method | path | role |\n|---|---|---|\n");
        for (Routes.Declared r : table) {
            sb.append("| ").append(r.method()).append(" | `").append(r.path()).append("` | ")
                    .append(r.role() == Role.ANONYMOUS ? "anyone" : r.role().configName()).append(" |\n");
        }
        return sb.append(TABLE_END).toString();
    }

    private record Session(String name, Role role, String cookie, String csrf) {}

    private static Session session(WebFixture web, String user, Role role) throws Exception {
        String cookie = DashboardWebIT.signIn(web, user);
        HttpResponse<String> page = web.send(HttpRequest.newBuilder(URI.create(web.url("/desk"))).header("Cookie", cookie)
                .build());
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = Pattern.compile("data-csrf=\"([^\"]*)\"").matcher(page.body());
        assertTrue(m.find(), "no csrf token on the desk page");
        return new Session(user, role, cookie, m.group(1));
    }

    private static HttpRequest.Builder request(WebFixture web, Routes.Declared route) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.url(fill(route.path(), web))))
                .timeout(Duration.ofSeconds(30));
        if (route.method().equals("POST")) {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(""));
        }
        return b;
    }

    /** Status and body; a server-sent-events route answers its headers and is then left. */
    private static HttpResponse<String> call(WebFixture web, Routes.Declared route, HttpRequest request) throws Exception {
        if (!route.method().equals("SSE")) {
            return web.send(request);
        }
        var client = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<java.io.InputStream> r = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(30, TimeUnit.SECONDS);
        r.body().close();
        return new StatusOnly(r);
    }

    @Test
    void everyRouteRefusesTheAnonymousAndLowerRolesAndServesItsRoleWithoutAServerError() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        List<String> bodies = new ArrayList<>();
        try (WebFixture web = WebFixture.startWithDesk()) {
            // The mentions index answering first (its shards are allocated a moment after the start): a 5xx is a bug.
            io.vigie.dashboards.index.IndexerFixture.await("the index answers", Duration.ofSeconds(90),
                    io.vigie.dashboards.index.IndexerFixture.quietly(() -> web.get("/api/search?q=x").statusCode() == 200
                            && web.get("/api/overview").statusCode() == 200));
            List<Routes.Declared> table = web.web.routes().table();
            assertTrue(table.size() >= 40, "the desk instance declares every route: " + table);

            String readme = Files.readString(Path.of("README.md"));
            String expected = markdown(table);
            int start = readme.indexOf(TABLE_START);
            int end = readme.indexOf(TABLE_END);
            assertTrue(start >= 0 && end > start, "README.md has no generated route table; put this in it:\n" + expected);
            assertEquals(expected, readme.substring(start, end + TABLE_END.length()),
                    "README.md's route table is not the one Routes declares; replace it with the expected one");

            Map<Role, Session> sessions = Map.of(
                    Role.VIEWER, session(web, WebFixture.VIEWER, Role.VIEWER),
                    Role.RESPONDER, session(web, WebFixture.RESPONDER, Role.RESPONDER),
                    Role.ADMIN, session(web, WebFixture.ADMIN, Role.ADMIN));
            // Signing out last: every other route is called with live sessions.
            List<Routes.Declared> ordered = new ArrayList<>(table);
            ordered.sort(Comparator.comparing(r -> r.path().equals("/signout")));

            int calls = 0;
            for (Routes.Declared route : ordered) {
                String what = route.method() + " " + route.path();
                boolean page = !route.path().startsWith("/api/") && !route.method().equals("POST");
                if (route.role() != Role.ANONYMOUS) {
                    HttpResponse<String> nobody = call(web, route, request(web, route).build());
                    bodies.add(nobody.body());
                    if (page) {
                        assertEquals(302, nobody.statusCode(), what + " without credentials");
                        assertTrue(nobody.headers().firstValue("Location").orElse("").startsWith("/signin?next="),
                                what + " sends the anonymous to the sign-in page");
                    } else {
                        assertEquals(401, nobody.statusCode(), what + " without credentials: " + nobody.body());
                    }
                    HttpResponse<String> badToken = call(web, route, request(web, route)
                            .header("Authorization", "Bearer " + BAD_TOKEN).build());
                    bodies.add(badToken.body());
                    assertEquals(401, badToken.statusCode(), what + " with an unknown API token");
                    calls += 2;
                }
                for (Role lower : List.of(Role.VIEWER, Role.RESPONDER)) {
                    if (lower.compareTo(route.role()) >= 0) {
                        continue;
                    }
                    Session s = sessions.get(lower);
                    HttpResponse<String> refused = call(web, route, request(web, route).header("Cookie", s.cookie())
                            .header("X-CSRF-Token", s.csrf()).build());
                    bodies.add(refused.body());
                    assertEquals(403, refused.statusCode(), what + " as " + lower + ": " + refused.body());
                    String token = lower == Role.VIEWER ? web.viewerToken : web.responderToken;
                    HttpResponse<String> refusedToken = call(web, route, request(web, route)
                            .header("Authorization", "Bearer " + token).build());
                    bodies.add(refusedToken.body());
                    assertEquals(403, refusedToken.statusCode(), what + " with a " + lower + " API token");
                    calls += 2;
                }
                Session own = sessions.get(route.role() == Role.ANONYMOUS ? Role.VIEWER : route.role());
                HttpRequest.Builder allowed = request(web, route);
                if (route.role() != Role.ANONYMOUS) {
                    allowed.header("Cookie", own.cookie()).header("X-CSRF-Token", own.csrf());
                }
                HttpResponse<String> served = call(web, route, allowed.build());
                bodies.add(served.body());
                int status = served.statusCode();
                // An anonymous route has no role to refuse; POST /signin without its pre-sign-in token is its own 403.
                assertFalse(route.role() != Role.ANONYMOUS && (status == 401 || status == 403),
                        what + " as " + route.role() + ": " + status + " " + served.body());
                assertTrue(status < 500, what + " as " + route.role() + " is a server error: " + status + " " + served.body());
                assertFalse(!route.path().equals("/signout")
                        && served.headers().firstValue("Location").orElse("").startsWith("/signin"),
                        what + " as " + route.role() + " sends back to the sign-in page");
                calls++;
            }
            assertTrue(calls > 2 * table.size(), "calls made: " + calls);

            secretsAreTriedWrongly(web, bodies);
            List<String> secrets = List.of(WebFixture.PASSWORD, WRONG_PASSWORD, BAD_TOKEN, web.viewerToken,
                    web.responderToken, value(sessions.get(Role.VIEWER).cookie()),
                    value(sessions.get(Role.ADMIN).cookie()));
            List<String> lines = new ArrayList<>();
            for (ILoggingEvent e : logs.list) {
                lines.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                        : ThrowableProxyUtil.asString(e.getThrowableProxy())));
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains("event=signin_failed")), "the failed sign-in is logged");
            for (ILoggingEvent e : logs.list) {
                if (e.getLoggerName().equals(SignInPages.class.getName())) {
                    assertFalse(e.getFormattedMessage().matches("(?s).*[\\r\\n].*"),
                            "a sign-in record on one line, a name cannot forge another: " + e.getFormattedMessage());
                }
            }
            for (String secret : secrets) {
                for (String line : lines) {
                    assertFalse(line.contains(secret), "a secret in the log: " + line);
                }
                for (String body : bodies) {
                    assertFalse(body != null && body.contains(secret), "a secret in a response: " + body);
                }
            }
        } finally {
            root.detachAppender(logs);
        }
    }

    private static String value(String cookie) {
        return cookie.substring(cookie.indexOf('=') + 1);
    }

    /** A wrong password, an unknown user with the real password, a bad token in every place one could be sent. */
    private static void secretsAreTriedWrongly(WebFixture web, List<String> bodies) throws Exception {
        for (String[] attempt : List.of(new String[] {WebFixture.VIEWER, WRONG_PASSWORD},
                new String[] {"nobody-" + System.nanoTime(), WebFixture.PASSWORD},
                new String[] {"eve\nevent=signin user=\"ada\" role=admin", WRONG_PASSWORD})) {
            HttpResponse<String> form = web.send(HttpRequest.newBuilder(URI.create(web.url("/signin"))).build());
            String pre = form.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(SignInPages.PRE_SIGN_IN_COOKIE + "=")).findFirst().orElseThrow();
            HttpResponse<String> failed = web.send(HttpRequest.newBuilder(URI.create(web.url("/signin")))
                    .header("Cookie", pre.substring(0, pre.indexOf(';')))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(DashboardWebIT.form(Map.of("_csrf", DashboardWebIT.field(form.body(), "_csrf"),
                            "name", attempt[0], "password", attempt[1], "next", "/"))).build());
            bodies.add(failed.body());
            assertFalse(failed.statusCode() == 302 || failed.statusCode() >= 500, "the sign-in failed: " + failed.statusCode());
        }
        for (HttpRequest r : List.of(
                HttpRequest.newBuilder(URI.create(web.url("/api/me"))).header("Authorization", "Bearer " + BAD_TOKEN).build(),
                HttpRequest.newBuilder(URI.create(web.url("/api/me"))).header("Authorization", BAD_TOKEN).build(),
                HttpRequest.newBuilder(URI.create(web.url("/api/me?token=" + BAD_TOKEN))).build(),
                HttpRequest.newBuilder(URI.create(web.url("/api/me"))).header("Cookie", "vigie_session=" + BAD_TOKEN).build(),
                HttpRequest.newBuilder(URI.create(web.url("/no/such/page"))).header("Authorization",
                        "Bearer " + web.viewerToken).build())) {
            HttpResponse<String> r2 = web.send(r);
            bodies.add(r2.body());
            assertTrue(r2.statusCode() == 401 || r2.statusCode() == 404, r.uri() + ": " + r2.statusCode());
        }
    }

    /** The status and headers of a streamed answer, without its body. */
    private record StatusOnly(HttpResponse<?> r) implements HttpResponse<String> {
        public int statusCode() { return r.statusCode(); }
        public HttpRequest request() { return r.request(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return r.headers(); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return r.sslSession(); }
        public URI uri() { return r.uri(); }
        public java.net.http.HttpClient.Version version() { return r.version(); }
    }
}
