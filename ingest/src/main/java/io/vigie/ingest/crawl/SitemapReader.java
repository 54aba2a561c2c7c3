package io.vigie.ingest.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one sitemap file (XML sitemap, sitemap index, or the plain-text form; plain or gzip) with crawler-commons'
 * {@link SiteMapParser}. Pure: bytes in, a {@link Listing} out; the fetch, the host check and the diff against what
 * was seen are the {@link SitemapPoller}'s.
 *
 * <p>Two things are done here rather than left to the library, because its defaults are silent about them: a
 * gzip body is inflated here against {@code maxBytes} (the library would inflate it without a bound: a small
 * gzip bomb would fill the heap), and an XML body is first checked to be well-formed with a parser that refuses
 * any DOCTYPE (the library parses a broken file as far as it can and only logs a warning: the entries after the
 * break would be lost without anyone knowing).
 */
public final class SitemapReader {

    /** One URL a sitemap lists: an article for a sitemap, a sitemap for an index. */
    public record Entry(URI url, Instant lastModified) {}

    /** What one sitemap file lists. */
    public record Listing(URI url, boolean index, List<Entry> entries) {
        public Listing {
            entries = List.copyOf(entries);
        }
    }

    /** The body is no sitemap: not well-formed, an unknown format, or larger than allowed once inflated. */
    public static final class SitemapUnreadableException extends Exception {
        public SitemapUnreadableException(String message) {
            super(message);
        }
    }

    private static final SAXParserFactory WELL_FORMED = secureFactory();

    private final long maxBytes;

    /** @param maxBytes the most a sitemap may weigh once inflated (the fetcher's response limit) */
    public SitemapReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Listing read(byte[] body, String contentType, URI url) throws SitemapUnreadableException {
        byte[] content = isGzip(body) ? inflate(body, url) : body;
        boolean xml = looksLikeXml(content);
        if (xml) {
            checkWellFormed(content, url);
        }
        // Not strict: the library would silently drop URLs outside the sitemap's folder; the poller checks the host
        // itself and reports what it refuses.
        SiteMapParser parser = new SiteMapParser(false);
        AbstractSiteMap parsed;
        try {
            parsed = parser.parseSiteMap(xml ? "text/xml" : plainType(contentType), content, url.toURL());
        } catch (UnknownFormatException e) {
            throw new SitemapUnreadableException("not a sitemap: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new SitemapUnreadableException("cannot read the sitemap " + url + ": " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        if (parsed instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps()) {
                entries.add(new Entry(toUri(child.getUrl()), instant(child.getLastModified())));
            }
            return new Listing(url, true, entries);
        }
        for (SiteMapURL u : ((SiteMap) parsed).getSiteMapUrls()) {
            entries.add(new Entry(toUri(u.getUrl()), instant(u.getLastModified())));
        }
        return new Listing(url, false, entries);
    }

    private static String plainType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "text/plain";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }

    static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    private byte[] inflate(byte[] body, URI url) throws SitemapUnreadableException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(body.length * 4, 1 << 20));
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new SitemapUnreadableException("the gzip sitemap " + url + " inflates to more than "
                            + maxBytes + " bytes (maxResponseBytes): not read");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new SitemapUnreadableException("the gzip sitemap " + url + " is corrupt: " + e.getMessage());
        }
    }

    private static boolean looksLikeXml(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }

    private static void checkWellFormed(byte[] content, URI url) throws SitemapUnreadableException {
        try {
            WELL_FORMED.newSAXParser().parse(new ByteArrayInputStream(content), new DefaultHandler());
        } catch (SAXParseException e) {
            throw new SitemapUnreadableException("malformed sitemap " + url + " at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new SitemapUnreadableException("malformed sitemap " + url + ": " + e.getMessage());
        }
    }

    private static SAXParserFactory secureFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser refuses secure processing", e);
        }
    }

    private static URI toUri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            return URI.create(url.toExternalForm().replace(" ", "%20"));
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
