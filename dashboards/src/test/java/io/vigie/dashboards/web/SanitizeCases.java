package io.vigie.dashboards.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The 745 hostile-HTML cases of feedparser's {@code wellformed/sanitize} (in {@code testdata/feeds/feedparser-tests},
 * BSD licence): for each file, the HTML its feed carries (the longest text of an element, unescaped by the XML parser,
 * base64-decoded when {@code mode="base64"}, or the inline XHTML children serialised).
 */
public final class SanitizeCases {
    public record Case(String name, String html) {}

    private SanitizeCases() {}

    public static Path folder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("testdata"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no testdata/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("testdata/feeds/feedparser-tests/wellformed/sanitize");
    }

    public static List<Case> all() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                cases.add(new Case(f.getFileName().toString(), payload(Files.readString(f, StandardCharsets.UTF_8))));
            }
        }
        return cases;
    }

    static String payload(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(true);
            var doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            String best = "";
            NodeList all = doc.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                String candidate = hasElementChildren(e) ? inner(e) : e.getTextContent();
                if ("base64".equals(e.getAttribute("mode"))) {
                    try {
                        candidate = new String(Base64.getMimeDecoder().decode(candidate.trim()), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException ignored) {
                        // Not base64 after all: kept as it is.
                    }
                }
                if (e != doc.getDocumentElement() && !isContainer(e) && candidate.length() > best.length()) {
                    best = candidate;
                }
            }
            return best.isBlank() ? xml : best;
        } catch (Exception e) {
            // A case the JDK's parser refuses: its whole text is shown, which is at least as hostile.
            return xml;
        }
    }

    private static boolean isContainer(Element e) {
        String n = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
        return n.equals("entry") || n.equals("item") || n.equals("channel") || n.equals("feed") || n.equals("rss")
                || n.equals("RDF") || n.equals("rdf:RDF");
    }

    private static boolean hasElementChildren(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static String inner(Element e) throws Exception {
        StringWriter out = new StringWriter();
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            t.transform(new DOMSource(c), new StreamResult(out));
        }
        return out.toString();
    }
}
