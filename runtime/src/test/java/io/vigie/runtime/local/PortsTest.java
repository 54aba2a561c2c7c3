package io.vigie.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsOneActionableLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertFalse(Ports.isFree(port));
            assertTrue(Ports.accepting(port));
            LocalServerException e = assertThrows(LocalServerException.class, () -> Ports.requireFree(port, "--kafka-port"));
            assertEquals("port " + port + " is taken: stop what uses it or pass --kafka-port", e.getMessage());
        }
    }

    @Test
    void freePortsAreDistinctAndBindable() {
        int[] ports = Ports.free(4);
        assertEquals(4, Arrays.stream(ports).distinct().count());
        for (int port : ports) {
            assertTrue(port > 0);
        }
    }
}
