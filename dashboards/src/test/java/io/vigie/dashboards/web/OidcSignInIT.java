package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.dashboards.DashboardsConfig;
import io.vigie.dashboards.WebSettings;
import io.vigie.dashboards.web.auth.Accounts;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.OidcProvider;
import io.vigie.dashboards.web.auth.Passwords;
import io.vigie.dashboards.web.auth.SessionCookie;
import io.vigie.model.VigieJson;
import io.vigie.runtime.connect.ElasticsearchConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect sign-in through the whole redirect flow, over HTTP, against a real OIDC provider started here
 * (mock-oauth2-server: discovery, authorization endpoint, token endpoint, JWKS, RS256-signed ID tokens). The
 * browser is played by java.net.http: cookies carried and redirects followed by hand, so each step is asserted.
 * The pages used need no Kafka nor Elasticsearch.
 */
class OidcSignInIT {
    private static final String ISSUER_ID = "corp";
    private static final String CLIENT_ID = "vigie-dashboards";

    private static MockOAuth2Server provider;
    private static DashboardWeb web;
    private static int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(0);
        port = freePort();
        web = webWith(port, new WebSettings.Oidc("Corp SSO", provider.issuerUrl(ISSUER_ID).toString(), CLIENT_ID,
                "client-secret", "http://127.0.0.1:" + port, null, "groups",
                Map.of("admin", List.of("vigie-admins"), "responder", List.of("support")), "refuse"));
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    private static DashboardWeb webWith(int port, WebSettings.Oidc oidc) {
        WebSetup setup = new WebSetup(new DashboardsConfig.Http(true, "127.0.0.1", port),
                Accounts.of(List.of(), new Passwords(4)), new ApiTokens(List.of()),
                new SessionCookie(UUID.randomUUID().toString().repeat(2).getBytes(), Duration.ofHours(1), Clock.systemUTC()),
                ZoneId.of("UTC"), Map.of(), false, new OidcProvider(oidc));
        DashboardWeb w = new DashboardWeb(setup, ElasticsearchConnection.open(URI.create("http://127.0.0.1:9")),
                "vigie-mentions", null, Clock.systemUTC());
        w.start();
        return w;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * The next user the provider signs in: their subject and the claims of their ID token. Taken at the token
     * exchange, so a test that stops before it must not queue one.
     */
    private static void providerSignsIn(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> get(String url, String cookie, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", language);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> r) {
        assertEquals(302, r.statusCode(), "expected a redirect from " + r.uri());
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** {@code name=value} of the cookie this response sets, or null. */
    private static String setCookie(HttpResponse<?> r, String name) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            if (c.startsWith(name + "=") && !c.startsWith(name + "=;")) {
                return c.substring(0, c.indexOf(';'));
            }
        }
        return null;
    }

    /** The provider's redirect back to the dashboards, after the start of a sign-in that asked to land on next. */
    private record AtCallback(String callbackUrl, String stateCookie) {}

    private AtCallback throughTheProvider(String next) throws Exception {
        HttpResponse<String> start = get(url("/signin/oidc?next=" + next), null, "en");
        String authorize = location(start);
        assertTrue(authorize.startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString()), authorize);
        assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce=")
                && authorize.contains("state="), "PKCE, nonce and state are sent: " + authorize);
        String stateCookie = setCookie(start, OidcSignInPages.STATE_COOKIE);
        assertNotNull(stateCookie, "the state cookie is set");
        assertTrue(start.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(OidcSignInPages.STATE_COOKIE) && c.contains("HttpOnly") && c.contains("SameSite=Lax")));
        String callback = location(get(authorize, null, "en"));
        assertTrue(callback.startsWith(url(OidcProvider.CALLBACK_PATH) + "?"), callback);
        return new AtCallback(callback, stateCookie);
    }

    @Test
    void theSignInPageOffersTheProviderNextToThePasswordForm() throws Exception {
        HttpResponse<String> page = get(url("/signin?next=/brands/x"), null, "en");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Sign in with Corp SSO"), page.body());
        assertTrue(page.body().contains("href=\"/signin/oidc?next=%2Fbrands%2Fx\""), page.body());
        assertTrue(page.body().contains("name=\"password\""), "the password form stays");
        assertTrue(get(url("/signin"), null, "fr").body().contains("Se connecter avec Corp SSO"));
    }

    @Test
    void aUserInTheAdminGroupBecomesAdminAndTheirSessionCallsTheApi() throws Exception {
        providerSignsIn("sub-ada",
                Map.of("preferred_username", "ada.lovelace", "groups", List.of("staff", "vigie-admins")));
        AtCallback at = throughTheProvider("/api/me");
        HttpResponse<String> back = get(at.callbackUrl(), at.stateCookie(), "en");
        assertEquals("/api/me", location(back), "lands where the sign-in was asked for");
        String session = setCookie(back, SessionCookie.NAME);
        assertNotNull(session, back.headers().allValues("Set-Cookie").toString());

        HttpResponse<String> me = get(url("/api/me"), session, "en");
        assertEquals(200, me.statusCode(), me.body());
        JsonNode json = VigieJson.newMapper().readTree(me.body());
        assertEquals("ada.lovelace", json.path("name").asText());
        assertEquals("admin", json.path("role").asText());

        // The state is single use: the same callback again is refused.
        HttpResponse<String> replay = get(at.callbackUrl(), null, "en");
        assertEquals(403, replay.statusCode());
        assertNull(setCookie(replay, SessionCookie.NAME));
    }

    @Test
    void aUserWithoutEmailOrUsernameIsNamedBySubjectAndGetsTheHighestMatchingRole() throws Exception {
        providerSignsIn("sub-remi", Map.of("groups", List.of("support")));
        AtCallback at = throughTheProvider("/");
        HttpResponse<String> back = get(at.callbackUrl(), at.stateCookie(), "en");
        String session = setCookie(back, SessionCookie.NAME);
        JsonNode json = VigieJson.newMapper().readTree(get(url("/api/me"), session, "en").body());
        assertEquals("sub-remi", json.path("name").asText());
        assertEquals("responder", json.path("role").asText());
    }

    @Test
    void aUserWithNoMatchingGroupIsRefusedWithAPageInTheirLanguage() throws Exception {
        providerSignsIn("sub-max", Map.of("email", "max@example.com", "groups", List.of("marketing")));
        AtCallback at = throughTheProvider("/");
        HttpResponse<String> refused = get(at.callbackUrl(), at.stateCookie(), "fr");
        assertEquals(403, refused.statusCode());
        assertNull(setCookie(refused, SessionCookie.NAME), "no session");
        assertTrue(refused.body().contains("n’a pas accès à Vigie"), refused.body());
        assertFalse(refused.body().contains("Exception"), "no stack trace");
    }

    @Test
    void aTamperedStateIsRefused() throws Exception {
        // No user is queued at the provider: the code is never exchanged, so a queued one would leak to another test.
        AtCallback at = throughTheProvider("/");
        String tampered = at.callbackUrl().replaceFirst("state=[^&]+", "state=forged-by-someone-else");
        assertFalse(tampered.equals(at.callbackUrl()));
        HttpResponse<String> refused = get(tampered, at.stateCookie(), "en");
        assertEquals(403, refused.statusCode());
        assertNull(setCookie(refused, SessionCookie.NAME));
        assertTrue(refused.body().contains("This sign-in attempt expired or was not started here"), refused.body());

        // The real state without its cookie (another browser, or a link an attacker sends): refused too.
        HttpResponse<String> noCookie = get(at.callbackUrl(), null, "en");
        assertEquals(403, noCookie.statusCode());
        assertNull(setCookie(noCookie, SessionCookie.NAME));
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        // The authorization request reaches the provider with another nonce than the one this sign-in keeps, as an ID
        // token issued for another sign-in (replayed or injected) would carry: its signature is fine, its nonce is not.
        providerSignsIn("sub-mallory", Map.of("groups", List.of("vigie-admins")));
        HttpResponse<String> start = get(url("/signin/oidc"), null, "en");
        String authorize = location(start).replaceFirst("nonce=[^&]+", "nonce=a-nonce-of-another-sign-in");
        String callback = location(get(authorize, null, "en"));
        HttpResponse<String> refused = get(callback, setCookie(start, OidcSignInPages.STATE_COOKIE), "en");
        assertEquals(403, refused.statusCode());
        assertNull(setCookie(refused, SessionCookie.NAME));
        assertTrue(refused.body().contains("could not be verified"), refused.body());
    }

    @Test
    void aProviderThatCannotBeReachedGivesAClearPageAndPasswordSignInStillWorks() throws Exception {
        int webPort = freePort();
        int nothingThere = freePort();
        DashboardWeb down = webWith(webPort, new WebSettings.Oidc("Corp SSO", "http://127.0.0.1:" + nothingThere + "/corp",
                CLIENT_ID, "client-secret", "http://127.0.0.1:" + webPort, null, null, Map.of(), "viewer"));
        try {
            HttpResponse<String> r = get("http://127.0.0.1:" + webPort + "/signin/oidc", null, "en");
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("The sign-in provider cannot be reached just now"), r.body());
            assertTrue(r.body().contains("name=\"password\""), "the password form is offered instead");
            assertFalse(r.body().contains("Exception"), "no stack trace");
        } finally {
            down.close();
        }
    }
}
