package io.vigie.dashboards.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import io.vigie.dashboards.WebSettings;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ID token checks on their own, with tokens signed by a real provider (mock-oauth2-server) and its JWKS read
 * through discovery: the redirect flow (OidcSignInIT) cannot make the provider issue a token to another client or
 * from another issuer, so those are handed to the check directly here.
 */
class OidcProviderIT {
    private static final String CLIENT_ID = "vigie-dashboards";
    private static final String NONCE = "nonce-of-this-sign-in";
    private static MockOAuth2Server server;
    private static OidcProvider provider;

    @BeforeAll
    static void start() {
        server = new MockOAuth2Server();
        server.start(0);
        provider = new OidcProvider(new WebSettings.Oidc("Corp", server.issuerUrl("corp").toString(), CLIENT_ID, "secret",
                "http://127.0.0.1:1", null, "groups", Map.of("admin", List.of("vigie-admins")), "viewer"));
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    private static SignedJWT token(String issuerId, List<String> audience, Map<String, Object> claims, long expirySeconds) {
        return server.issueToken(issuerId, CLIENT_ID,
                new DefaultOAuth2TokenCallback(issuerId, "sub-1", "JWT", audience, claims, expirySeconds));
    }

    private static OidcProvider.Refusal refusalOf(SignedJWT token) {
        return refused(token).refusal;
    }

    private static OidcProvider.SignInRefused refused(SignedJWT token) {
        return assertThrows(OidcProvider.SignInRefused.class, () -> provider.signedIn(token, NONCE));
    }

    @Test
    void aTokenForThisClientWithThisSignInsNonceIsAccepted() throws Exception {
        OidcProvider.SignedIn user = provider.signedIn(token("corp", List.of(CLIENT_ID),
                Map.of("nonce", NONCE, "email", "ada@example.com", "groups", List.of("vigie-admins")), 600), NONCE);
        assertEquals(new OidcProvider.SignedIn("ada@example.com", Role.ADMIN), user);
        OidcProvider.SignedIn other = provider.signedIn(token("corp", List.of(CLIENT_ID), Map.of("nonce", NONCE), 600), NONCE);
        assertEquals(Role.VIEWER, other.role(), "no matching group: the default role");
    }

    @Test
    void aTokenIssuedToAnotherClientIsRefused() {
        OidcProvider.SignInRefused e = refused(token("corp", List.of("another-client"), Map.of("nonce", NONCE), 600));
        assertEquals(OidcProvider.Refusal.INVALID_ID_TOKEN, e.refusal);
        assertTrue(e.getMessage().contains("audience"), e.getMessage());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertEquals(OidcProvider.Refusal.INVALID_ID_TOKEN,
                refusalOf(token("elsewhere", List.of(CLIENT_ID), Map.of("nonce", NONCE), 600)));
    }

    @Test
    void anExpiredTokenIsRefused() {
        // Five minutes past its expiry: beyond the minute of clock skew allowed.
        OidcProvider.SignInRefused e = refused(token("corp", List.of(CLIENT_ID), Map.of("nonce", NONCE), -300));
        assertEquals(OidcProvider.Refusal.INVALID_ID_TOKEN, e.refusal);
        assertTrue(e.getMessage().contains("Expired"), e.getMessage());
    }

    @Test
    void aTokenWithoutTheNonceOrWithATamperedSignatureIsRefused() throws Exception {
        assertEquals(OidcProvider.Refusal.INVALID_ID_TOKEN, refusalOf(token("corp", List.of(CLIENT_ID), Map.of(), 600)));
        SignedJWT good = token("corp", List.of(CLIENT_ID), Map.of("nonce", NONCE, "groups", List.of("staff")), 600);
        String[] parts = good.serialize().split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                good.getJWTClaimsSet().toString().replace("staff", "vigie-admins").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SignedJWT forged = SignedJWT.parse(parts[0] + "." + forgedClaims + "." + parts[2]);
        assertTrue(forged.getJWTClaimsSet().getStringListClaim("groups").contains("vigie-admins"), "the forgery says admin");
        assertEquals(OidcProvider.Refusal.INVALID_ID_TOKEN, refusalOf(forged));
    }
}
