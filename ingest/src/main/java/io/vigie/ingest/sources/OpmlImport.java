package io.vigie.ingest.sources;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads an OPML subscription list (OPML 1.0/2.0 as feed readers export it): every {@code outline} with an
 * {@code xmlUrl} is a feed, its {@code title} or {@code text} its name; nested outlines (folders) are flattened.
 * jsoup's XML parser is used so that the hand-edited, not-quite-valid OPML files people keep still import.
 */
public final class OpmlImport {

    /** One feed of the list; {@code folder} is the enclosing outline's title, or null. */
    public record OpmlFeed(String name, String url, String folder) {}

    private OpmlImport() {}

    public static List<OpmlFeed> read(String opml) {
        Document doc = Jsoup.parse(opml, "", Parser.xmlParser());
        List<OpmlFeed> out = new ArrayList<>();
        Set<String> urls = new LinkedHashSet<>();
        for (Element outline : doc.select("outline")) {
            String url = attr(outline, "xmlUrl");
            if (url == null || !urls.add(url)) {
                continue;
            }
            String name = attr(outline, "title");
            if (name == null) {
                name = attr(outline, "text");
            }
            if (name == null) {
                name = url;
            }
            Element parent = outline.parent();
            String folder = parent != null && parent.tagName().equals("outline") && attr(parent, "xmlUrl") == null
                    ? (attr(parent, "title") != null ? attr(parent, "title") : attr(parent, "text"))
                    : null;
            out.add(new OpmlFeed(name, url, folder));
        }
        return out;
    }

    /** OPML attribute names are camel case but exporters vary (xmlurl, XMLURL). */
    private static String attr(Element e, String name) {
        for (var a : e.attributes()) {
            if (a.getKey().equalsIgnoreCase(name) && !a.getValue().isBlank()) {
                return a.getValue().strip();
            }
        }
        return null;
    }
}
