package io.vigie.dashboards.web.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.vigie.dashboards.WebSettings;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenID Connect provider of {@code dashboards.oidc}, as the dashboards speak to it: the authorization code flow
 * with PKCE (S256), {@code state} and {@code nonce}; the code exchanged with the client secret; the ID token checked
 * by Nimbus ({@link IDTokenValidator}: signature against the provider's JWKS, issuer, audience, expiry, nonce).
 * The provider's metadata is read at the first sign-in and kept, so a provider that is down when the dashboards
 * start only delays OIDC sign-in; password sign-in never depends on it.
 */
public final class OidcProvider {
    /** The path of the callback, under {@code redirectBaseUrl}. */
    public static final String CALLBACK_PATH = "/signin/oidc/callback";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Where to send the browser, and what to keep (signed, in a cookie) to check the answer with. */
    public record Authorization(URI redirect, String state, String nonce, String codeVerifier) {}

    /** Who signed in: their name (preferred_username, else email, else sub) and mapped role. */
    public record SignedIn(String name, Role role) {}

    /** Why a sign-in was turned away; each reason has its message (in both languages) and log reason. */
    public enum Refusal {
        PROVIDER_UNAVAILABLE("oidc.unavailable", 503),
        BAD_STATE("oidc.badState", 403),
        PROVIDER_REFUSED("oidc.providerRefused", 403),
        INVALID_ID_TOKEN("oidc.invalidToken", 403),
        NO_ROLE("oidc.noRole", 403);

        public final String messageKey;
        public final int status;

        Refusal(String messageKey, int status) {
            this.messageKey = messageKey;
            this.status = status;
        }
    }

    /** A refused sign-in; the detail is for the log and never holds a token, a code or the secret. */
    public static final class SignInRefused extends Exception {
        public final Refusal refusal;

        public SignInRefused(Refusal refusal, String detail) {
            super(detail, null, false, false);
            this.refusal = refusal;
        }
    }

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    private final WebSettings.Oidc settings;
    private final RoleMapping roles;
    private final ClientID clientId;
    private final URI redirectUri;
    private volatile Discovered discovered;

    public OidcProvider(WebSettings.Oidc settings) {
        this.settings = settings;
        this.roles = RoleMapping.of(settings);
        this.clientId = new ClientID(settings.clientId());
        this.redirectUri = URI.create(settings.redirectBaseUrl() + CALLBACK_PATH);
    }

    public String displayName() {
        return settings.providerName();
    }

    public URI redirectUri() {
        return redirectUri;
    }

    /** A new authorization request, with fresh state, nonce and PKCE verifier. */
    public Authorization begin() throws SignInRefused {
        OIDCProviderMetadata metadata = discovered().metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(settings.scopes().toArray(String[]::new)), clientId, redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return new Authorization(request.toURI(), state.getValue(), nonce.getValue(), verifier.getValue());
    }

    /** Exchanges the code, checks the ID token and maps the role; the state was checked by the caller. */
    public SignedIn finish(String code, String codeVerifier, String nonce) throws SignInRefused {
        return signedIn(exchange(discovered().metadata(), code, codeVerifier), nonce);
    }

    /** Who this ID token says signed in, once it is validated against the provider's keys and this sign-in's nonce. */
    SignedIn signedIn(JWT idToken, String nonce) throws SignInRefused {
        IDTokenClaimsSet claims;
        try {
            claims = discovered().validator().validate(idToken, new Nonce(nonce));
        } catch (BadJOSEException | JOSEException e) {
            // Nimbus's messages name the failed check ("Expired JWT", "Unexpected JWT nonce"), never the token.
            throw new SignInRefused(Refusal.INVALID_ID_TOKEN, e.getMessage());
        }
        Map<String, Object> all = claims.toJSONObject();
        String name = firstText(all, "preferred_username", "email").orElse(claims.getSubject().getValue());
        Role role = roles.roleFor(all).orElseThrow(() -> new SignInRefused(Refusal.NO_ROLE,
                "user=" + name + " " + roles.claim() + "=" + roles.valuesOf(all)));
        return new SignedIn(name, role);
    }

    private JWT exchange(OIDCProviderMetadata metadata, String code, String codeVerifier) throws SignInRefused {
        TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(), clientAuthentication(metadata),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(codeVerifier)));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout((int) TIMEOUT.toMillis());
        http.setReadTimeout((int) TIMEOUT.toMillis());
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw new SignInRefused(Refusal.PROVIDER_UNAVAILABLE, "token endpoint: " + e.getClass().getSimpleName());
        } catch (ParseException e) {
            throw new SignInRefused(Refusal.PROVIDER_REFUSED, "token response unreadable");
        }
        if (!response.indicatesSuccess()) {
            var error = response.toErrorResponse().getErrorObject();
            throw new SignInRefused(error.getHTTPStatusCode() >= 500 ? Refusal.PROVIDER_UNAVAILABLE : Refusal.PROVIDER_REFUSED,
                    "token endpoint error=" + error.getCode() + " status=" + error.getHTTPStatusCode());
        }
        if (!(response.toSuccessResponse() instanceof OIDCTokenResponse oidc) || oidc.getOIDCTokens().getIDToken() == null) {
            throw new SignInRefused(Refusal.PROVIDER_REFUSED, "token response without an ID token");
        }
        return oidc.getOIDCTokens().getIDToken();
    }

    /** client_secret_basic unless the provider only takes client_secret_post. */
    private ClientAuthentication clientAuthentication(OIDCProviderMetadata metadata) {
        Secret secret = new Secret(settings.clientSecret());
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        if (methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            return new ClientSecretPost(clientId, secret);
        }
        return new ClientSecretBasic(clientId, secret);
    }

    /** The provider's metadata and the ID token validator, read once, retried at each sign-in until it works. */
    private Discovered discovered() throws SignInRefused {
        Discovered d = discovered;
        if (d != null) {
            return d;
        }
        synchronized (this) {
            if (discovered == null) {
                try {
                    // resolve() also checks that the metadata's issuer is exactly the configured one.
                    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()),
                            (int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis());
                    discovered = new Discovered(metadata, validator(metadata));
                } catch (GeneralException | IOException e) {
                    throw new SignInRefused(Refusal.PROVIDER_UNAVAILABLE, "discovery issuer=" + settings.issuer()
                            + " error=" + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            return discovered;
        }
    }

    /**
     * Accepts the asymmetric algorithms the provider says it signs ID tokens with (RS256 when it says none): an
     * HMAC-signed ID token would be keyed with the client secret, which this client does not use for that.
     */
    private IDTokenValidator validator(OIDCProviderMetadata metadata) throws MalformedURLException {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        if (metadata.getIDTokenJWSAlgs() != null) {
            for (JWSAlgorithm a : metadata.getIDTokenJWSAlgs()) {
                if (JWSAlgorithm.Family.RSA.contains(a) || JWSAlgorithm.Family.EC.contains(a)
                        || JWSAlgorithm.Family.ED.contains(a)) {
                    algorithms.add(a);
                }
            }
        }
        if (algorithms.isEmpty()) {
            algorithms.add(JWSAlgorithm.RS256);
        }
        int timeout = (int) TIMEOUT.toMillis();
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(timeout, timeout))
                .build();
        return new IDTokenValidator(metadata.getIssuer(), clientId, new JWSVerificationKeySelector<>(algorithms, keys), null);
    }

    private static Optional<String> firstText(Map<String, Object> claims, String... names) {
        for (String n : names) {
            if (claims.get(n) instanceof String s && !s.isBlank()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
