package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.DashboardsConfig;
import io.vigie.dashboards.WebSettings;
import io.vigie.dashboards.web.auth.Accounts;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.OidcProvider;
import io.vigie.dashboards.web.auth.Passwords;
import io.vigie.dashboards.web.auth.SessionCookie;
import io.vigie.runtime.connect.ElasticsearchConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Sign in with ..." in a real Chromium against a real OpenID Connect provider (mock-oauth2-server on
 * {@code localhost}, the dashboards on {@code 127.0.0.1}: two sites, so the browser's own SameSite rules decide
 * whether the state cookie comes back from the provider's redirect).
 */
class OidcSignInBrowserIT {
    @Test
    void aUserSignsInThroughTheProviderAndLandsOnTheOverviewAsAdmin() throws Exception {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(0);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WebSettings.Oidc oidc = new WebSettings.Oidc("Corp SSO", provider.issuerUrl("corp").toString(), "vigie-dashboards",
                "client-secret", "http://127.0.0.1:" + port, null, "groups", Map.of("admin", List.of("vigie-admins")),
                "refuse");
        WebSetup setup = new WebSetup(new DashboardsConfig.Http(true, "127.0.0.1", port),
                Accounts.of(List.of(), new Passwords(4)), new ApiTokens(List.of()),
                new SessionCookie(ApiTokens.newToken().getBytes(), Duration.ofHours(1), Clock.systemUTC()),
                ZoneId.of("UTC"), Map.of(), false, new OidcProvider(oidc));
        DashboardWeb web = new DashboardWeb(setup, ElasticsearchConnection.open(URI.create("http://127.0.0.1:9")),
                "vigie-mentions", null, Clock.systemUTC());
        web.start();
        try (BrowserFixture b = BrowserFixture.open("http://127.0.0.1:" + port, "oidc-signin")) {
            provider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", "sub-ada", "JWT", List.of("vigie-dashboards"),
                    Map.of("preferred_username", "ada.lovelace", "groups", List.of("vigie-admins")), 3600));
            b.go("/");
            assertTrue(b.driver().getCurrentUrl().contains("/signin?next=%2F"), b.driver().getCurrentUrl());
            assertEquals("Sign in with Corp SSO", b.find("#signin-oidc").getText());
            b.screenshot("offered");
            b.find("#signin-oidc").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().equals("http://127.0.0.1:" + port + "/"));
            assertEquals("ada.lovelace (admin)", b.await("#user-menu", Duration.ofSeconds(10)).getText(),
                    b.driver().getPageSource());
            b.assertNoScriptRan();
        } finally {
            web.close();
            provider.shutdown();
        }
    }
}
