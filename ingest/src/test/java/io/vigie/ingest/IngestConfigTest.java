package io.vigie.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.config.ConfigException;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    private static ConfigDocument doc(String yaml) {
        return ConfigDocument.parse(yaml, "vigie.yml", k -> null);
    }

    @Test
    void aCompleteSectionBindsWithDefaultsForWhatIsLeftOut() {
        IngestConfig c = IngestConfig.bind(doc("""
                ingest:
                  contactUrl: https://example.org/monitoring
                  sources:
                    - name: Forum vélo
                      url: https://forum.example/feed
                      kind: comments
                      brands: [kryptonite]
                """));
        assertEquals(1000L, c.minHostDelayMillis());
        assertEquals("comments", c.sources().get(0).kind());
        assertEquals(false, c.sources().get(0).paused());
        assertTrue(c.allowedPrivateRanges().isEmpty(), "no private range is allowed unless configured");
    }

    @Test
    void theContactUrlIsRequiredBecauseItGoesInTheUserAgent() {
        ConfigException e = assertThrows(ConfigException.class, () -> IngestConfig.bind(doc("ingest:\n  minHostDelayMillis: 5\n")));
        assertEquals("ingest.contactUrl", e.key());
        assertTrue(e.getMessage().contains("User-Agent"));
    }

    @Test
    void aBadSourceIsReportedWithItsKeyAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> IngestConfig.bind(doc("""
                ingest:
                  contactUrl: https://example.org/monitoring
                  sources:
                    - name: ok
                      url: https://a.example/feed
                    - name: broken
                      url: ftp://b.example/feed
                """)));
        assertEquals("ingest.sources[1].url", e.key());
        assertEquals(7, e.line());
    }

    @Test
    void aSitemapSourceBindsWithItsHorizonAndCap() {
        IngestConfig c = IngestConfig.bind(doc("""
                ingest:
                  contactUrl: https://example.org/monitoring
                  sitemapHorizonDays: 3
                  sitemapMaxEntries: 2000
                  sources:
                    - name: Le Journal
                      url: https://journal.example/sitemap_index.xml.gz
                      kind: sitemap
                      maxPages: 5
                """));
        assertEquals("sitemap", c.sources().get(0).kind());
        assertEquals(5, c.sources().get(0).maxPages());
        assertEquals(3L, c.sitemapHorizonDays());
        assertEquals(2000, c.sitemapMaxEntries());
        assertEquals(7L, IngestConfig.bind(doc("ingest:\n  contactUrl: https://e.org/\n")).sitemapHorizonDays(),
                "a week by default");
        ConfigException zero = assertThrows(ConfigException.class, () -> IngestConfig.bind(doc(
                "ingest:\n  contactUrl: https://e.org/\n  sitemapMaxEntries: 0\n")));
        assertEquals("ingest.sitemapMaxEntries", zero.key());
    }

    @Test
    void aMalformedRangeOrAnUnknownKindIsRefused() {
        ConfigException range = assertThrows(ConfigException.class, () -> IngestConfig.bind(doc(
                "ingest:\n  contactUrl: https://e.org/\n  allowedPrivateRanges: [10.0.0.0/99]\n")));
        assertEquals("ingest.allowedPrivateRanges[0]", range.key());
        ConfigException kind = assertThrows(ConfigException.class, () -> IngestConfig.bind(doc(
                "ingest:\n  contactUrl: https://e.org/\n  sources:\n    - name: a\n      url: https://a.example/\n      kind: podcast\n")));
        assertEquals("ingest.sources[0].kind", kind.key());
    }

    @Test
    void anUnknownKeyIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> IngestConfig.bind(doc(
                "ingest:\n  contactUrl: https://e.org/\n  pollEvery: 5\n")));
        assertTrue(e.getMessage().contains("pollEvery"), e.getMessage());
    }

    @Test
    void pushIsOffByDefaultAndWhenOnNeedsALongEnoughToken() {
        assertEquals(false, IngestConfig.bind(doc("ingest:\n  contactUrl: https://example.org/m\n")).push().enabled());
        IngestConfig on = IngestConfig.bind(doc("""
                ingest:
                  contactUrl: https://example.org/m
                  push: {enabled: true, port: 0, token: abcdefghijklmnop_1}
                """));
        assertEquals(true, on.push().enabled());
        assertEquals(0, on.push().port());
        ConfigException e = assertThrows(ConfigException.class, () -> IngestConfig.bind(doc("""
                ingest:
                  contactUrl: https://example.org/m
                  push: {enabled: true, token: short}
                """)));
        assertEquals("ingest.push.token", e.key());
    }
}
