package io.vigie.dashboards.web.auth;

import io.vigie.dashboards.WebSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens for scripts, sent as {@code Authorization: Bearer <token>}. A token is 32 random bytes, so a plain SHA-256
 * of it cannot be reversed by guessing; unlike a password it needs no slow hash, and each request checks it cheaply.
 */
public final class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Principal> byHash = new HashMap<>();

    public ApiTokens(List<WebSettings.ApiToken> tokens) {
        for (WebSettings.ApiToken t : tokens) {
            byHash.put(t.sha256(), new Principal(t.name() == null ? "token" : t.name(), Role.named(t.role()), "", true));
        }
    }

    public Optional<Principal> principalFor(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(sha256(token.trim())));
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "vgt_" + HexFormat.of().formatHex(bytes);
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
