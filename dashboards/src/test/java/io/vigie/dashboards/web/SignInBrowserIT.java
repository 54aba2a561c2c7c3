package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.DashboardsConfig;
import io.vigie.dashboards.WebSettings;
import io.vigie.dashboards.web.auth.Accounts;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.Passwords;
import io.vigie.dashboards.web.auth.SessionCookie;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in in a real Chromium, on a server with no Elasticsearch behind it (the sign-in needs none; the page after it
 * says Elasticsearch is unavailable, in the browser's language).
 */
class SignInBrowserIT {
    @Test
    void aUserSignsInWithTheFormAndAWrongPasswordIsSaidSo() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Passwords passwords = new Passwords(4);
        WebSetup setup = new WebSetup(new DashboardsConfig.Http(true, "127.0.0.1", 0),
                Accounts.of(List.of(new WebSettings.User("vera", passwords.hash(WebFixture.PASSWORD), "viewer")), passwords),
                new ApiTokens(List.of()), new SessionCookie(ApiTokens.newToken().getBytes(), Duration.ofHours(1), Clock.systemUTC()),
                ZoneId.of("UTC"), Map.of(), false);
        DashboardWeb web = new DashboardWeb(setup,
                io.vigie.runtime.connect.ElasticsearchConnection.open(URI.create("http://127.0.0.1:" + closedPort)),
                "vigie-mentions", null, Clock.systemUTC());
        web.start();
        try (BrowserFixture b = BrowserFixture.open("http://127.0.0.1:" + web.port(), "signin")) {
            b.go("/");
            assertTrue(b.driver().getCurrentUrl().contains("/signin?next=%2F"), b.driver().getCurrentUrl());
            b.find("#name").sendKeys("vera");
            b.find("#password").sendKeys("wrong");
            b.find("#signin").click();
            assertEquals("Wrong user name or password.", b.await("#signin-error", Duration.ofSeconds(10)).getText());
            b.screenshot("wrong-password");
            b.signIn("vera", "/");
            assertTrue(b.find("#error-message").getText().contains("Elasticsearch"), b.driver().getPageSource());
            assertEquals("vera (viewer)", b.find("#user-menu").getText());
            b.assertNoScriptRan();
        } finally {
            web.close();
        }
    }
}
