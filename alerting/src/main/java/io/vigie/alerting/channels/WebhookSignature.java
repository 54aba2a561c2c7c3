package io.vigie.alerting.channels;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Vigie-Signature: sha256=<hex>} where hex is HMAC-SHA256 with the receiver's
 * secret over {@code <timestamp>.<body>}, and {@code X-Vigie-Timestamp} is the Unix time in seconds. Signing the
 * timestamp lets receivers refuse replays older than a few minutes (the scheme Stripe and Slack use).
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Vigie-Signature";
    public static final String TIMESTAMP_HEADER = "X-Vigie-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private WebhookSignature() {}

    public static String sign(String secret, long timestamp, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, timestamp + "." + body));
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        byte[] expected = sign(secret, Long.parseLong(timestampHeader), body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
