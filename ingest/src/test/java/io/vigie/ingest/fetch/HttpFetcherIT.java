package io.vigie.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.ssrf.AddressGuard;
import io.vigie.ingest.ssrf.AddressRange;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher against local sites on several 127.0.0.x addresses; 127.0.0.0/8 is allowed explicitly, 10/8 is not. */
class HttpFetcherIT {
    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);

    private final LocalSites sites = new LocalSites();
    private final HttpFetcher fetcher = new HttpFetcher(
            new FetchSettings("Vigie/test (+https://vigie.example/contact)", Duration.ofSeconds(3), Duration.ofMillis(1500),
                    64 * 1024, 3),
            new AddressGuard(List.of(AddressRange.parse("127.0.0.0/8"))));

    @AfterEach
    void stop() {
        fetcher.close();
        sites.close();
    }

    @Test
    void aConditionalGetSendsTheValidatorsAndA304CostsNoBody() throws Exception {
        LocalSites.Site site = sites.site(2).route("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalSites.respond(ex, 304, null, new byte[0]);
            } else {
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                ex.getResponseHeaders().add("Last-Modified", "Tue, 14 Sep 2004 10:00:00 GMT");
                LocalSites.respond(ex, 200, "application/rss+xml", FEED);
            }
        });
        FetchResult first = fetcher.get(URI.create(site.url("/feed")), null, null);
        assertEquals(200, first.status());
        assertEquals("\"v1\"", first.etag());
        FetchResult second = fetcher.get(URI.create(site.url("/feed")), first.etag(), first.lastModified());
        assertTrue(second.notModified());
        assertEquals("Tue, 14 Sep 2004 10:00:00 GMT", site.requestHeaders.get(1).get("If-modified-since").get(0));
        assertTrue(site.requestHeaders.get(0).get("User-agent").get(0).contains("+https://vigie.example/contact"));
    }

    @Test
    void gzipAndDeflateBodiesAreDecoded() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(FEED);
        }
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(FEED);
        deflater.finish();
        byte[] buf = new byte[1024];
        int n = deflater.deflate(buf);
        byte[] deflated = java.util.Arrays.copyOf(buf, n);
        LocalSites.Site site = sites.site(3)
                .route("/gz", ex -> {
                    ex.getResponseHeaders().add("Content-Encoding", "gzip");
                    LocalSites.respond(ex, 200, "application/rss+xml", gz.toByteArray());
                })
                .route("/deflate", ex -> {
                    ex.getResponseHeaders().add("Content-Encoding", "deflate");
                    LocalSites.respond(ex, 200, "application/rss+xml", deflated);
                });
        assertArrayEquals(FEED, fetcher.get(URI.create(site.url("/gz")), null, null).body());
        assertArrayEquals(FEED, fetcher.get(URI.create(site.url("/deflate")), null, null).body());
        assertEquals("gzip, deflate", site.requestHeaders.get(0).get("Accept-encoding").get(0));
    }

    @Test
    void aSlowResponseTimesOut() throws Exception {
        LocalSites.Site site = sites.site(4).route("/slow", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("<rss>".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(URI.create(site.url("/slow")), null, null));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(System.nanoTime() - start < 4_000_000_000L, "gave up at the read deadline, not when the server did");
    }

    @Test
    void anOversizedResponseIsRefusedEvenWhenItsSizeIsHiddenByCompression() throws Exception {
        byte[] big = new byte[200 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(big);
        }
        LocalSites.Site site = sites.site(5)
                .route("/big", ex -> LocalSites.respond(ex, 200, "application/rss+xml", big))
                .route("/bomb", ex -> {
                    ex.getResponseHeaders().add("Content-Encoding", "gzip");
                    LocalSites.respond(ex, 200, "application/rss+xml", gz.toByteArray());
                });
        assertTrue(gz.size() < 64 * 1024, "the compressed body itself is under the limit");
        for (String path : List.of("/big", "/bomb")) {
            FetchException e = assertThrows(FetchException.class, () -> fetcher.get(URI.create(site.url(path)), null, null));
            assertTrue(e.getMessage().contains("larger than 65536 bytes"), e.getMessage());
        }
    }

    @Test
    void redirectsAreFollowedAcrossHostsButNotIntoAPrivateNetwork() throws Exception {
        LocalSites.Site target = sites.site(6).route("/feed", ex -> LocalSites.respond(ex, 200, "application/rss+xml", FEED));
        LocalSites.Site origin = sites.site(7)
                .route("/moved", ex -> {
                    ex.getResponseHeaders().add("Location", target.url("/feed"));
                    LocalSites.respond(ex, 301, null, new byte[0]);
                })
                .route("/evil", ex -> {
                    ex.getResponseHeaders().add("Location", "http://10.0.0.1/latest/meta-data/");
                    LocalSites.respond(ex, 302, null, new byte[0]);
                })
                .route("/loop", ex -> {
                    ex.getResponseHeaders().add("Location", "/loop");
                    LocalSites.respond(ex, 302, null, new byte[0]);
                });
        FetchResult moved = fetcher.get(URI.create(origin.url("/moved")), null, null);
        assertEquals(URI.create(target.url("/feed")), moved.finalUrl());
        assertArrayEquals(FEED, moved.body());

        FetchException evil = assertThrows(FetchException.class, () -> fetcher.get(URI.create(origin.url("/evil")), null, null));
        assertTrue(evil.getMessage().contains("10.0.0.1") && evil.getMessage().contains("private"), evil.getMessage());

        FetchException loop = assertThrows(FetchException.class, () -> fetcher.get(URI.create(origin.url("/loop")), null, null));
        assertTrue(loop.getMessage().contains("more than 3 redirects"), loop.getMessage());
        assertEquals(4, origin.requests.stream().filter(r -> r.equals("/loop")).count());
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsADate() throws Exception {
        LocalSites.Site site = sites.site(8).route("/busy", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            LocalSites.respond(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
        });
        FetchResult r = fetcher.get(URI.create(site.url("/busy")), null, null);
        assertEquals(429, r.status());
        assertEquals(Duration.ofSeconds(120), r.retryAfter());
        assertEquals(Duration.ofSeconds(60), HttpFetcher.retryAfter("Wed, 21 Oct 2015 07:29:00 GMT",
                java.time.Instant.parse("2015-10-21T07:28:00Z")));
    }
}
