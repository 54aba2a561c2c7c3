package io.vigie.dashboards.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCookieSealTest {
    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    private static SessionCookie at(Instant instant) {
        return new SessionCookie(SECRET, Duration.ofHours(1), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aSealedValueComesBackUnchangedForItsPurposeOnly() {
        String sealed = at(NOW).seal("oidc-state", "state\nnonce\nverifier\n/brands/x?y=1", Duration.ofMinutes(10));
        assertEquals(Optional.of("state\nnonce\nverifier\n/brands/x?y=1"), at(NOW).unseal("oidc-state", sealed));
        assertEquals(Optional.empty(), at(NOW).unseal("another-purpose", sealed));
        assertTrue(at(NOW).read(sealed).isEmpty(), "a sealed value is not a session");
    }

    @Test
    void aTamperedForgedOrExpiredValueIsRefused() {
        SessionCookie cookie = at(NOW);
        String sealed = cookie.seal("oidc-state", "payload", Duration.ofMinutes(10));
        String tampered = "x" + sealed.substring(1);
        assertEquals(Optional.empty(), cookie.unseal("oidc-state", tampered));
        String otherKey = new SessionCookie("fedcba9876543210fedcba9876543210".getBytes(), Duration.ofHours(1),
                Clock.fixed(NOW, ZoneOffset.UTC)).seal("oidc-state", "payload", Duration.ofMinutes(10));
        assertEquals(Optional.empty(), cookie.unseal("oidc-state", otherKey));
        assertEquals(Optional.empty(), at(NOW.plus(Duration.ofMinutes(11))).unseal("oidc-state", sealed));
        assertEquals(Optional.empty(), cookie.unseal("oidc-state", "no-dot-at-all"));
        assertEquals(Optional.empty(), cookie.unseal("oidc-state", null));
    }

    @Test
    void aSessionIsNotAcceptedAsASealedValue() {
        SessionCookie cookie = at(NOW);
        assertEquals(Optional.empty(), cookie.unseal("oidc-state", cookie.issue("ada", Role.ADMIN)));
    }
}
