package io.vigie.dashboards.web;

import io.vigie.model.testing.Fuzz;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mutated query strings and form bodies sent to the search API and page, the brand pages, the desk and incident
 * actions, the exports, saved searches, templates, time zone and sign-in (see {@link Fuzz} for the seed and the
 * budget): every answer is a page or an error the user can read (2xx, 3xx, 4xx), never a 500, never a hang.
 */
class WebInputFuzzIT {
    private static final List<String> CORPUS = List.of(
            "q=bic+OR+stylo&sort=date&size=20", "q=kryptonite+NEAR%2F2+lock&sort=relevance&cursor=abc&brand=acme",
            "q=views%3E1000+date%3A2026-11-01..2026-11-30&size=100&sort=views",
            "range=custom&from=2026-11-01T00%3A00&to=2026-11-02T00%3A00&bucket=hour",
            "range=24h&bucket=minute", "range=7d&bucket=day", "brand=acme&language=fr&source=rss&all=true",
            "status=OPEN", "q=bic&format=csv", "q=bic&format=xlsx", "q=bic&name=mine&sort=date",
            "note=hello&assignee=remi&text=Thank+you&templateId=t1&reason=duplicate&duration=1h",
            "templateId=greeting&brand=acme&language=fr&title=Bonjour&text=Bonjour+%7Bauthor%7D",
            "kind=important", "zone=Europe%2FParis&back=%2Fsearch", "name=vera&password=nope&next=%2Fdesk",
            "key=acme%2Ffr%2Fgreeting", "next=%2F%2Fevil.example&back=https%3A%2F%2Fevil.example");
    private static final List<String> DICTIONARY = List.of("&", "=", "&q=", "&size=", "&size=-1", "&size=99999999999",
            "&cursor=", "&sort=", "&range=", "&from=", "&to=", "&bucket=", "&brand=", "&language=", "&zone=",
            "&format=", "&next=", "&kind=", "&note=", "&text=", "&templateId=", "%", "%2", "%zz", "%00", "%C3%28",
            "%F0%9F%98%80", "+", "%22", "(", ")", "*", "NEAR%2F", "..", "%3E", "%3C", "now-", "9999-99-99",
            "2026-02-30T25%3A61", "%7B", "%7D", "%5B%5D", "q[]=", "&q=a&q=b", "Etc%2FGMT%2B99", "..%2F..%2F",
            "%0D%0AX-Injected%3A+1", "%3Cscript%3E", "a".repeat(500), "&size=0", "&size=1e9", "&cursor=%FF%FE");

    private record Target(String method, String path, String auth) {}

    /** Percent-encodes what a URI would refuse, keeping the mutation's own escapes (even broken ones) as they are. */
    static String asQuery(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~&=+%".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        // A lone or broken '%' stays in the body; in a URI the client itself would refuse it.
        return out.toString();
    }

    static String uriSafe(String query) {
        return Pattern.compile("%(?![0-9A-Fa-f]{2})").matcher(query).replaceAll("%25");
    }

    @Test
    void mutatedFormsAndQueryStringsNeverGiveAServerErrorOrAHang() throws Exception {
        try (WebFixture web = WebFixture.startWithDesk()) {
            // A few mentions to find, and the index answering, before anything is fuzzed: a 5xx is then a bug.
            for (int i = 0; i < 3; i++) {
                web.index.send(TestMentions.simple(web.brand + "-" + i, web.brand, web.index.source,
                        io.vigie.model.SentimentLabel.NEGATIVE, java.time.Instant.now().minusSeconds(60 + i)));
            }
            web.index.flush();
            io.vigie.dashboards.index.IndexerFixture.await("the search finds the mentions", Duration.ofSeconds(90),
                    io.vigie.dashboards.index.IndexerFixture.quietly(() -> {
                        HttpResponse<String> r = web.get("/api/search?q=brand%3A" + web.brand);
                        return r.statusCode() == 200 && r.body().contains(web.brand);
                    }));
            // Found by this test: an unknown incident status was a 500.
            HttpResponse<String> unknownStatus = web.get("/api/incidents?status=OPEatus");
            assertEquals(400, unknownStatus.statusCode(), unknownStatus.body());
            assertTrue(unknownStatus.body().contains("unknown status"), unknownStatus.body());
            String viewer = DashboardWebIT.signIn(web, WebFixture.VIEWER);
            String admin = DashboardWebIT.signIn(web, WebFixture.ADMIN);
            String viewerCsrf = csrf(web, viewer);
            String adminCsrf = csrf(web, admin);
            List<Target> targets = List.of(
                    new Target("GET", "/api/search", "viewerToken"), new Target("GET", "/search", "viewerToken"),
                    new Target("GET", "/api/brands/" + web.brand, "viewerToken"),
                    new Target("GET", "/brands/" + web.brand, "viewerToken"),
                    new Target("GET", "/api/desk", "viewerToken"), new Target("GET", "/desk/templates", "viewerToken"),
                    new Target("GET", "/api/incidents", "viewerToken"), new Target("GET", "/incidents", "viewerToken"),
                    new Target("GET", "/signin", "none"),
                    new Target("POST", "/api/search/exports", "viewerToken"),
                    new Target("POST", "/api/desk/no-such-id/note", "responderToken"),
                    new Target("POST", "/api/desk/no-such-id/assign", "responderToken"),
                    new Target("POST", "/api/incidents/no-such-id/silence", "responderToken"),
                    new Target("POST", "/mentions/no-such-id/flags", "responderToken"),
                    new Target("POST", "/search/saved", "viewer"), new Target("POST", "/prefs/zone", "viewer"),
                    new Target("POST", "/desk/templates", "admin"), new Target("POST", "/desk/templates/delete", "admin"),
                    new Target("POST", "/api/desk/templates", "admin"), new Target("POST", "/signin", "signin"));
            Fuzz fuzz = new Fuzz("web-forms", Duration.ofSeconds(30));
            Random random = fuzz.random();
            int[] served = new int[6];
            int ran = fuzz.run(CORPUS, DICTIONARY, input -> {
                Target t = targets.get(random.nextInt(targets.size()));
                String encoded = asQuery(input);
                HttpRequest.Builder b;
                if (t.method().equals("GET")) {
                    b = HttpRequest.newBuilder(URI.create(web.url(t.path() + "?" + uriSafe(encoded))));
                } else {
                    String body = encoded;
                    if (t.auth().equals("signin")) {
                        HttpResponse<String> form = web.send(HttpRequest.newBuilder(URI.create(web.url("/signin"))).build());
                        String pre = form.headers().allValues("Set-Cookie").stream()
                                .filter(c -> c.startsWith(SignInPages.PRE_SIGN_IN_COOKIE + "=")).findFirst().orElseThrow();
                        body = "_csrf=" + DashboardWebIT.field(form.body(), "_csrf") + "&" + encoded;
                        b = HttpRequest.newBuilder(URI.create(web.url(t.path()))).header("Cookie", pre.substring(0, pre.indexOf(';')));
                    } else {
                        b = HttpRequest.newBuilder(URI.create(web.url(t.path())));
                    }
                    boolean json = random.nextInt(5) == 0;
                    b.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(json ? "{\"q\":\"" + input + "\"}" : body));
                }
                switch (t.auth()) {
                    case "viewerToken" -> b.header("Authorization", "Bearer " + web.viewerToken);
                    case "responderToken" -> b.header("Authorization", "Bearer " + web.responderToken);
                    case "viewer" -> b.header("Cookie", viewer).header("X-CSRF-Token", viewerCsrf);
                    case "admin" -> b.header("Cookie", admin).header("X-CSRF-Token", adminCsrf);
                    default -> { }
                }
                HttpResponse<String> r = web.send(b.timeout(Duration.ofSeconds(20)).build());
                served[r.statusCode() / 100]++;
                assertTrue(r.statusCode() < 500, t.method() + " " + t.path() + " gave " + r.statusCode() + " for "
                        + encoded + "\n" + r.body());
            });
            System.out.println("web-forms answers by class: 2xx=" + served[2] + " 3xx=" + served[3] + " 4xx=" + served[4]);
            assertTrue(ran > CORPUS.size(), "only the corpus ran");
            assertEquals(0, served[5], "no server error");
            assertTrue(served[2] > 0, "some mutated inputs are still served");
        }
    }

    private static String csrf(WebFixture web, String session) throws Exception {
        HttpResponse<String> page = web.send(HttpRequest.newBuilder(URI.create(web.url("/desk"))).header("Cookie", session)
                .build());
        Matcher m = Pattern.compile("data-csrf=\"([^\"]*)\"").matcher(page.body());
        assertTrue(m.find(), "no csrf token on the desk page: " + page.statusCode());
        return m.group(1);
    }
}
