package io.vigie.dashboards;

import io.vigie.dashboards.web.auth.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kinds of entries of {@code dashboards.users}, {@code dashboards.apiTokens}, {@code dashboards.session} and
 * {@code dashboards.oidc}.
 */
public final class WebSettings {
    private WebSettings() {}

    /** @param passwordHash a bcrypt hash ({@code $2a$...}); @param role viewer, responder or admin */
    public record User(String name, String passwordHash, String role) {
        public User {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a user needs a name");
            }
            if (passwordHash == null || !passwordHash.startsWith("$2")) {
                throw new IllegalArgumentException("user " + name + ": passwordHash must be a bcrypt hash made by 'vigie users hash'");
            }
            role = role == null ? "viewer" : role;
        }
    }

    /** @param sha256 hex SHA-256 of the token; the token itself is never stored */
    public record ApiToken(String name, String sha256, String role) {
        public ApiToken {
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("api token " + name + ": sha256 must be 64 lowercase hex digits");
            }
            role = role == null ? "viewer" : role;
        }
    }

    /**
     * @param secret HMAC key signing session cookies; every instance behind one load balancer needs the same one.
     *     When absent, one is generated and kept under the state directory (fine for a single instance)
     * @param hours how long a sign-in lasts
     * @param secureCookies true to mark cookies Secure even when the request looks plain http (behind a TLS proxy)
     */
    public record Session(String secret, Integer hours, Boolean secureCookies) {
        public static final Session DEFAULTS = new Session(null, null, null);

        public Session {
            hours = hours == null ? 12 : hours;
            if (hours <= 0) {
                throw new IllegalArgumentException("hours must be positive, got " + hours);
            }
            secureCookies = secureCookies != null && secureCookies;
        }
    }

    /**
     * OpenID Connect sign-in, next to the password form. Absent: password sign-in only.
     *
     * @param providerName what the button says: "Sign in with {@code providerName}"
     * @param issuer the provider's issuer URL; its {@code /.well-known/openid-configuration} is read at the first sign-in
     * @param clientId the client id registered at the provider
     * @param clientSecret its secret: keep it in the environment ({@code ${VIGIE_OIDC_CLIENT_SECRET}})
     * @param redirectBaseUrl the dashboards' public URL as browsers see it; the provider must allow
     *     {@code <redirectBaseUrl>/signin/oidc/callback} as a redirect URI
     * @param scopes asked for; must include {@code openid}
     * @param roleClaim the ID token claim holding the user's groups or roles (a dotted path reaches a nested one, e.g.
     *     {@code realm_access.roles}); a string or a list of strings
     * @param roles which claim values give which role: {@code {viewer: [...], responder: [...], admin: [...]}}; the
     *     highest role matched wins
     * @param defaultRole the role of a user none of whose values match, or {@code refuse} to turn them away
     */
    public record Oidc(String providerName, String issuer, String clientId, String clientSecret, String redirectBaseUrl,
            List<String> scopes, String roleClaim, Map<String, List<String>> roles, String defaultRole) {
        public static final String REFUSE = "refuse";

        public Oidc {
            providerName = providerName == null || providerName.isBlank() ? "OpenID Connect" : providerName.trim();
            issuer = absoluteUrl("issuer", issuer);
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("clientId is required");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("clientSecret is required (e.g. ${VIGIE_OIDC_CLIENT_SECRET})");
            }
            redirectBaseUrl = absoluteUrl("redirectBaseUrl", redirectBaseUrl).replaceAll("/+$", "");
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
            if (!scopes.contains("openid")) {
                throw new IllegalArgumentException("scopes must include openid, got " + scopes);
            }
            roleClaim = roleClaim == null || roleClaim.isBlank() ? "groups" : roleClaim.trim();
            roles = roles == null ? Map.of() : Map.copyOf(roles);
            for (Map.Entry<String, List<String>> e : roles.entrySet()) {
                Role.named(e.getKey());
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("roles." + e.getKey() + " lists no claim value");
                }
            }
            defaultRole = defaultRole == null || defaultRole.isBlank() ? REFUSE : defaultRole.trim().toLowerCase(Locale.ROOT);
            if (!defaultRole.equals(REFUSE)) {
                Role.named(defaultRole);
            } else if (roles.isEmpty()) {
                // Nobody could ever get in: a configuration mistake, better said at start than at every sign-in.
                throw new IllegalArgumentException("roles maps no " + roleClaim + " value and defaultRole is refuse: "
                        + "nobody could sign in");
            }
        }

        /** Without the client secret: a configuration printed in a log or an error message must not carry it. */
        @Override
        public String toString() {
            return "Oidc[providerName=" + providerName + ", issuer=" + issuer + ", clientId=" + clientId
                    + ", clientSecret=***, redirectBaseUrl=" + redirectBaseUrl + ", scopes=" + scopes + ", roleClaim="
                    + roleClaim + ", roles=" + roles + ", defaultRole=" + defaultRole + "]";
        }

        private static String absoluteUrl(String key, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(key + " is required");
            }
            try {
                URI uri = new URI(value.trim());
                if (!uri.isAbsolute() || uri.getHost() == null
                        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    throw new URISyntaxException(value, "not an absolute http(s) URL");
                }
                return value.trim();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(key + " must be an absolute http(s) URL, got '" + value + "'");
            }
        }
    }
}
