package io.vigie.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vigie.ingest.ssrf.AddressGuard;
import io.vigie.ingest.ssrf.AddressRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The fetcher connects to the address the SSRF guard checked, never to a second answer for the same name. */
class DnsRebindingIT {

    @Test
    void aNameThatResolvesElsewhereTheSecondTimeIsFetchedFromTheCheckedAddress() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        AtomicReference<String> hostHeader = new AtomicReference<>();
        server.createContext("/", exchange -> {
            hostHeader.set(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "checked".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        AtomicInteger lookups = new AtomicInteger();
        // first answer: the allowed loopback address; every later one: an internal address the guard refuses
        AddressGuard.Resolver rebinding = host -> new InetAddress[] {InetAddress.getByName(
                lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.1")};
        AddressGuard guard = new AddressGuard(List.of(AddressRange.parse("127.0.0.1/32")), rebinding);
        FetchSettings settings = new FetchSettings("Vigie/test (+https://vigie.example/contact)", Duration.ofSeconds(2),
                Duration.ofSeconds(5), 1 << 20, 3);
        try (HttpFetcher fetcher = new HttpFetcher(settings, guard)) {
            int port = server.getAddress().getPort();
            FetchResult result = fetcher.get(URI.create("http://rebind.test:" + port + "/page"), null, null);
            assertEquals(200, result.status());
            assertEquals("checked", new String(result.body(), StandardCharsets.UTF_8));
            assertEquals(1, lookups.get(), "the name is resolved once, by the guard");
            assertEquals("rebind.test:" + port, hostHeader.get(), "the site still sees its own name");
            assertEquals(URI.create("http://rebind.test:" + port + "/page"), result.finalUrl());
            // the next fetch gets the rebound answer, which the guard refuses before anything is sent
            FetchException refused = assertThrows(FetchException.class,
                    () -> fetcher.get(URI.create("http://rebind.test:" + port + "/page"), null, null));
            assertTrue(refused.getMessage().contains("10.0.0.1"), refused.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
