package io.vigie.alerting.api;

import io.vigie.alerting.messages.LinkSigner;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Action links that need no login: {@code <base>/a/<payload>.<mac>} where the payload says which incident, which
 * action, for whom and until when, and the MAC (HMAC-SHA256 with the alerting secret) proves Vigie made it.
 * Opening one shows a confirmation page; only the POST acts, so link previews and mail scanners do not
 * acknowledge anything.
 */
public final class SignedLinks implements LinkSigner {
    static final Set<String> ACTIONS = Set.of("acknowledge", "resolve");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final String baseUrl;
    private final byte[] secret;
    private final Duration validity;
    private final Clock clock;

    /** What a valid link says. */
    public record Claim(String incidentId, String action, String receiver, Instant expiresAt) {
        /** The incidents the link acts on: one, or every incident of a grouped message, the lead first. */
        public java.util.List<String> incidentIds() {
            return java.util.List.of(incidentId.split(java.util.regex.Pattern.quote(LinkSigner.ID_SEPARATOR)));
        }
    }

    public SignedLinks(String baseUrl, String secret, Duration validity, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the signing secret must have at least 16 characters");
        }
        this.baseUrl = baseUrl;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.validity = validity;
        this.clock = clock;
    }

    @Override
    public String link(String incidentId, String action, String receiver) {
        return baseUrl + "/a/" + token(incidentId, action, receiver);
    }

    public String token(String incidentId, String action, String receiver) {
        long expires = clock.instant().plus(validity).getEpochSecond();
        String payload = B64.encodeToString((incidentId + "\n" + action + "\n" + receiver + "\n" + expires)
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(mac(payload));
    }

    /** The claim of a valid, unexpired token; throws IllegalArgumentException saying why it is refused. */
    public Claim verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("malformed link");
        }
        String payload = token.substring(0, dot);
        byte[] given;
        try {
            given = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed link");
        }
        if (!MessageDigest.isEqual(mac(payload), given)) {
            throw new IllegalArgumentException("bad signature");
        }
        String[] parts = new String(B64D.decode(payload), StandardCharsets.UTF_8).split("\n");
        if (parts.length != 4 || !ACTIONS.contains(parts[1])) {
            throw new IllegalArgumentException("malformed link");
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        if (!clock.instant().isBefore(expires)) {
            throw new IllegalArgumentException("expired at " + expires);
        }
        return new Claim(parts[0], parts[1], parts[2], expires);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("link:" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
