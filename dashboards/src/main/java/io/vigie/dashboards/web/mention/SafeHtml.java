package io.vigie.dashboards.web.mention;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The one mention field a page renders as HTML, cleaned again with jsoup at render: ingest already sanitised it, but
 * the page must stay safe even if a record on {@code mentions.scored} did not come through ingest. Images are
 * removed (the CSP allows none from other sites; a blocked image would only be noise), links get
 * {@code rel="nofollow noopener noreferrer"}, only http(s) and mailto links are kept.
 */
public final class SafeHtml {
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img")
            .removeProtocols("a", "href", "ftp")
            .addAttributes("a", "rel")
            .preserveRelativeLinks(false);

    private SafeHtml() {}

    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        String cleaned = Jsoup.clean(html, "https://invalid.example/", SAFELIST, out);
        Document doc = Jsoup.parseBodyFragment(cleaned);
        doc.outputSettings(out);
        doc.select("a[href]").attr("rel", "nofollow noopener noreferrer");
        return doc.body().html();
    }
}
