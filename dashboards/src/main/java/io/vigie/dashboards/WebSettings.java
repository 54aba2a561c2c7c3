package io.vigie.dashboards;

/** The kinds of entries of {@code dashboards.users}, {@code dashboards.apiTokens} and {@code dashboards.session}. */
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
}
