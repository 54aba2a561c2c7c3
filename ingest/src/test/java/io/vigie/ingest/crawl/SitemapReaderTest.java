package io.vigie.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {
    private static final URI URL = URI.create("https://news.example/sitemap.xml");
    private final SitemapReader reader = new SitemapReader(1_000_000);

    static String urlset(String... urlAndLastmod) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int i = 0; i < urlAndLastmod.length; i += 2) {
            xml.append("  <url><loc>").append(urlAndLastmod[i]).append("</loc>");
            if (urlAndLastmod[i + 1] != null) {
                xml.append("<lastmod>").append(urlAndLastmod[i + 1]).append("</lastmod>");
            }
            xml.append("</url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSitemapGivesEachArticleWithItsLastmod() throws Exception {
        SitemapReader.Listing listing = reader.read(utf8(urlset("https://news.example/a/1", "2024-05-14T10:00:00+02:00",
                "https://news.example/a/2", "2024-05-13", "https://news.example/a/3", null)), "application/xml", URL);
        assertFalse(listing.index());
        assertEquals(List.of(new SitemapReader.Entry(URI.create("https://news.example/a/1"), Instant.parse("2024-05-14T08:00:00Z")),
                new SitemapReader.Entry(URI.create("https://news.example/a/2"), Instant.parse("2024-05-13T00:00:00Z")),
                new SitemapReader.Entry(URI.create("https://news.example/a/3"), null)), listing.entries());
    }

    @Test
    void aSitemapIndexGivesItsSitemaps() throws Exception {
        String xml = "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>https://news.example/sitemap-2024-05.xml.gz</loc><lastmod>2024-05-15</lastmod></sitemap>"
                + "<sitemap><loc>https://news.example/sitemap-2019-01.xml</loc><lastmod>2019-01-31</lastmod></sitemap>"
                + "</sitemapindex>";
        SitemapReader.Listing listing = reader.read(utf8(xml), "text/xml", URL);
        assertTrue(listing.index());
        Map<String, Instant> byUrl = new HashMap<>();
        listing.entries().forEach(e -> byUrl.put(e.url().toString(), e.lastModified()));
        assertEquals(Map.of("https://news.example/sitemap-2024-05.xml.gz", Instant.parse("2024-05-15T00:00:00Z"),
                "https://news.example/sitemap-2019-01.xml", Instant.parse("2019-01-31T00:00:00Z")), byUrl);
    }

    @Test
    void aGzipSitemapIsReadWhateverItsContentType() throws Exception {
        byte[] body = gzip(utf8(urlset("https://news.example/a/1", "2024-05-14")));
        SitemapReader.Listing listing = reader.read(body, "application/x-gzip",
                URI.create("https://news.example/sitemap-1.xml.gz"));
        assertEquals(List.of(URI.create("https://news.example/a/1")),
                listing.entries().stream().map(SitemapReader.Entry::url).toList());
    }

    @Test
    void aGzipBombIsRefusedOnceInflatedPastTheLimit() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append("https://news.example/a/").append(i).append('\n');
        }
        byte[] bomb = gzip(utf8(many.toString()));
        assertTrue(bomb.length < 100_000, "small on the wire: " + bomb.length);
        SitemapReader small = new SitemapReader(100_000);
        SitemapReader.SitemapUnreadableException e = assertThrows(SitemapReader.SitemapUnreadableException.class,
                () -> small.read(bomb, "application/gzip", URI.create("https://news.example/sitemap.txt.gz")));
        assertTrue(e.getMessage().contains("inflates to more than 100000 bytes"), e.getMessage());
    }

    @Test
    void aMalformedSitemapIsAnErrorThatSaysWhere() {
        String broken = urlset("https://news.example/a/1", "2024-05-14", "https://news.example/a/2", "2024-05-14")
                .replace("</url>\n  <url>", "</url>\n  <url");
        SitemapReader.SitemapUnreadableException e = assertThrows(SitemapReader.SitemapUnreadableException.class,
                () -> reader.read(utf8(broken), "application/xml", URL));
        assertTrue(e.getMessage().startsWith("malformed sitemap " + URL + " at line 4"), e.getMessage());
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsEverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://news.example/&x;</loc>"
                + "</url></urlset>";
        SitemapReader.SitemapUnreadableException e = assertThrows(SitemapReader.SitemapUnreadableException.class,
                () -> reader.read(utf8(xxe), "application/xml", URL));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void anHtmlPageIsNotASitemap() {
        assertThrows(SitemapReader.SitemapUnreadableException.class, () -> reader.read(
                utf8("<html><body><p>Not found</p></body></html>"), "text/html", URL));
    }
}
