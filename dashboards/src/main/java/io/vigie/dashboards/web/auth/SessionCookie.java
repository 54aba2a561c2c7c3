package io.vigie.dashboards.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stateless session: {@code name|role|expiry|csrf} signed with HMAC-SHA256, all inside the cookie. Any instance
 * holding the same secret accepts it, so no session store or sticky routing is needed behind a load balancer.
 * The JDK's {@link Mac} is the library here: the format is four fields, too small to justify a JWT dependency.
 * Signing out deletes the cookie; a stolen cookie stays valid until it expires (kept short, {@code session.hours}).
 */
public final class SessionCookie {
    public static final String NAME = "vigie_session";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] secret;
    private final Duration lifetime;
    private final Clock clock;

    public SessionCookie(byte[] secret, Duration lifetime, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the session secret needs at least 32 bytes, got " + secret.length);
        }
        this.secret = secret.clone();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new session's cookie value, with a fresh CSRF token. */
    public String issue(String user, Role role) {
        byte[] csrf = new byte[18];
        RANDOM.nextBytes(csrf);
        long expiry = clock.millis() + lifetime.toMillis();
        String payload = b64(user) + "." + role.name() + "." + expiry + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(csrf);
        return payload + "." + sign(payload);
    }

    /** The principal a cookie value stands for, or empty when it is forged, malformed or expired. */
    public Optional<Principal> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int last = value.lastIndexOf('.');
        if (last < 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, last);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, value.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(parts[2]) < clock.millis()) {
                return Optional.empty();
            }
            String name = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            return Optional.of(new Principal(name, Role.valueOf(parts[1]), parts[3], false));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A short-lived value signed with the session secret, for state that must survive a round trip through the
     * browser unchanged (the OpenID Connect state, nonce and PKCE verifier). The purpose is part of what is signed,
     * so a value sealed for one use is never accepted for another, nor as a session.
     */
    public String seal(String purpose, String payload, Duration ttl) {
        String body = b64(payload) + "." + (clock.millis() + ttl.toMillis());
        return body + "." + sign(purpose + "." + body);
    }

    /** What {@link #seal} sealed for this purpose, or empty when the value is forged, malformed or expired. */
    public Optional<String> unseal(String purpose, String value) {
        if (value == null) {
            return Optional.empty();
        }
        int last = value.lastIndexOf('.');
        if (last < 0) {
            return Optional.empty();
        }
        String body = value.substring(0, last);
        byte[] expected = sign(purpose + "." + body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, value.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.", -1);
        try {
            if (parts.length != 2 || Long.parseLong(parts[1]) < clock.millis()) {
                return Optional.empty();
            }
            return Optional.of(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
