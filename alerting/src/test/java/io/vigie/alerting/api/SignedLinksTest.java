package io.vigie.alerting.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.alerting.TestClock;
import io.vigie.alerting.channels.WebhookSignature;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignedLinksTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T14:05:00Z"));
    private final SignedLinks links = new SignedLinks("https://v.example", "0123456789abcdef-secret", Duration.ofHours(1), clock);

    @Test
    void aLinkSaysWhichIncidentWhichActionAndForWhom() {
        SignedLinks.Claim claim = links.verify(links.token("inc-1", "acknowledge", "alice-sms"));
        assertEquals("inc-1", claim.incidentId());
        assertEquals("acknowledge", claim.action());
        assertEquals("alice-sms", claim.receiver());
    }

    @Test
    void aTamperedOrForeignLinkIsRefused() {
        String token = links.token("inc-1", "acknowledge", "alice-sms");
        String other = links.token("inc-2", "resolve", "alice-sms");
        String forged = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> links.verify(forged)).getMessage().contains("bad signature"));
        SignedLinks foreign = new SignedLinks("https://v.example", "another-secret-of-16", Duration.ofHours(1), clock);
        assertThrows(IllegalArgumentException.class, () -> foreign.verify(token));
        assertThrows(IllegalArgumentException.class, () -> links.verify("garbage"));
    }

    @Test
    void aLinkExpires() {
        String token = links.token("inc-1", "resolve", "alice-sms");
        clock.advance(Duration.ofMinutes(59));
        links.verify(token);
        clock.advance(Duration.ofMinutes(1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> links.verify(token)).getMessage().startsWith("expired"));
    }

    @Test
    void aWebhookSignatureCoversTheTimestampAndTheBody() {
        String sig = WebhookSignature.sign("s3cret", 1_700_000_000L, "{\"a\":1}");
        assertTrue(WebhookSignature.verify("s3cret", "1700000000", "{\"a\":1}", sig));
        assertTrue(!WebhookSignature.verify("s3cret", "1700000001", "{\"a\":1}", sig));
        assertTrue(!WebhookSignature.verify("s3cret", "1700000000", "{\"a\":2}", sig));
        assertTrue(!WebhookSignature.verify("other", "1700000000", "{\"a\":1}", sig));
    }
}
