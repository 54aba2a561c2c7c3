package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.DashboardsConfig;
import io.vigie.dashboards.web.auth.Accounts;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.Passwords;
import io.vigie.dashboards.web.auth.SessionCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scripts, styles and uPlot come from the jar with their types (nosniff refuses any other) and the CSP. */
class StaticFilesTest {
    @Test
    void scriptsStylesAndTheUplotWebjarAreServedWithTheirTypesAndTheSecurityHeaders() throws Exception {
        WebSetup setup = new WebSetup(new DashboardsConfig.Http(true, "127.0.0.1", 0), Accounts.of(List.of(), new Passwords(4)),
                new ApiTokens(List.of()), new SessionCookie(new byte[32], Duration.ofHours(1), Clock.systemUTC()),
                ZoneId.of("UTC"), Map.of(), false);
        DashboardWeb web = new DashboardWeb(setup,
                io.vigie.runtime.connect.ElasticsearchConnection.open(URI.create("http://127.0.0.1:9")), "vigie-mentions",
                null, Clock.systemUTC());
        web.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            Views views = new Views();
            Map<String, String> expected = Map.of(
                    "/static/js/vigie.js", "javascript",
                    "/static/js/brand.js", "javascript",
                    "/static/css/vigie.css", "text/css",
                    views.assets().get("uplotJs"), "javascript",
                    views.assets().get("uplotCss"), "text/css");
            for (var e : expected.entrySet()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + e.getKey()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), e.getKey());
                String type = r.headers().firstValue("Content-Type").orElse("");
                assertTrue(type.contains(e.getValue()), e.getKey() + " served as " + type);
                assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), e.getKey());
            }
        } finally {
            web.close();
        }
    }
}
