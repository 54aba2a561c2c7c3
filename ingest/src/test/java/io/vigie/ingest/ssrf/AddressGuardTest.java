package io.vigie.ingest.ssrf;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressGuardTest {
    private final AddressGuard strict = new AddressGuard(List.of());
    private final AddressGuard loopbackAllowed = new AddressGuard(List.of(AddressRange.parse("127.0.0.0/8")));

    @Test
    void internalAddressesAreRefusedByDefault() {
        for (String url : List.of("http://127.0.0.1/", "http://10.1.2.3/", "http://192.168.0.1/", "http://172.16.5.4/",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/", "http://0.0.0.0/",
                "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/")) {
            RefusedAddressException e = assertThrows(RefusedAddressException.class, () -> strict.check(URI.create(url)), url);
            assertTrue(e.getMessage().contains("allowedPrivateRanges"), e.getMessage());
        }
    }

    @Test
    void anAllowedRangeLetsOnlyThatRangeThrough() {
        assertDoesNotThrow(() -> loopbackAllowed.check(URI.create("http://127.0.0.7:8080/feed")));
        assertThrows(RefusedAddressException.class, () -> loopbackAllowed.check(URI.create("http://10.0.0.1/feed")));
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertThrows(RefusedAddressException.class, () -> loopbackAllowed.check(URI.create("file:///etc/passwd")));
        assertThrows(RefusedAddressException.class, () -> loopbackAllowed.check(URI.create("gopher://127.0.0.1/")));
    }

    @Test
    void rangesParseAndRejectNonsense() {
        org.junit.jupiter.api.Assertions.assertFalse(AddressRange.parse("10.0.0.0/8").contains(java.net.InetAddress.getLoopbackAddress()));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("example.com/8"));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/40"));
    }
}
