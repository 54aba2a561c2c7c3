package io.vigie.ingest.feeds;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import io.vigie.model.Engagement;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Reads a feed from its bytes. Rome does the format work (RSS 0.9x to 2.0, RDF, Atom 0.3 and 1.0, dates, Dublin
 * Core); this class resolves the encoding first, heals what Rome refuses (undeclared HTML entities, a missing RSS
 * version, a stray DOCTYPE) and, when the XML is ill-formed, re-reads it through jsoup's forgiving XML parser
 * and marks the result as recovered. Extensions Rome leaves as foreign markup (Media RSS, YouTube, wfw, slash,
 * thr) are read here.
 */
public final class FeedReader {
    static final String MEDIA_NS = "http://search.yahoo.com/mrss/";
    static final String YOUTUBE_NS = "http://www.youtube.com/xml/schemas/2015";
    static final String WFW_NS = "http://wellformedweb.org/CommentAPI/";
    static final String SLASH_NS = "http://purl.org/rss/1.0/modules/slash/";
    static final String THREAD_NS = "http://purl.org/syndication/thread/1.0";

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*(\\[[^\\]]*\\])?\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
            "(?s)</[A-Za-z][\\w:-]*\\s*>|<[A-Za-z][\\w:-]*[^<>]*/>|&#?\\w+;");

    private static final Pattern XHTML_WRAPPER = Pattern.compile("(?s)^\\s*<div(?:\\s[^>]*)?>(.*)</div>\\s*$");

    private final HtmlSanitizer sanitizer;

    public FeedReader(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    public FeedReader() {
        this(new HtmlSanitizer());
    }

    /**
     * Reads a feed.
     *
     * @param contentType the HTTP Content-Type it was served with, or null (a file)
     * @param location where it was read from, for relative links, or null
     */
    public FeedDocument read(byte[] bytes, String contentType, String location) throws FeedUnreadableException {
        if (bytes == null || bytes.length == 0) {
            throw new FeedUnreadableException("the document is empty", null);
        }
        CharsetResolver.Decoded decoded = CharsetResolver.decode(bytes, contentType);
        String text = DOCTYPE.matcher(decoded.text()).replaceFirst("");
        String problem = decoded.problem();
        Document xml;
        try {
            xml = strictXml(text);
        } catch (Exception strictFailure) {
            problem = problem == null ? "ill-formed XML: " + firstLine(strictFailure.getMessage()) : problem;
            try {
                xml = lenientXml(text);
            } catch (Exception lenientFailure) {
                throw new FeedUnreadableException("not a feed: " + firstLine(strictFailure.getMessage()), lenientFailure);
            }
        }
        normaliseRoot(xml);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(true);
            feed = input.build(xml);
        } catch (Exception e) {
            throw new FeedUnreadableException("not a feed Vigie can read (" + xml.getRootElement().getName()
                    + " document): " + firstLine(e.getMessage()), e);
        }
        return toDocument(feed, xml, decoded.encoding(), problem, location);
    }

    private static Document strictXml(String text) throws Exception {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setExpandEntities(false);
        return builder.build(new XmlFixerReader(new StringReader(text)));
    }

    /**
     * The browser-grade path: jsoup's XML parser accepts unclosed tags, stray ampersands and broken CDATA, and
     * its output is well-formed XML again; prefixes the input used without declaring them are declared.
     */
    private static Document lenientXml(String text) throws Exception {
        org.jsoup.nodes.Document soup = Jsoup.parse(text, "", Parser.xmlParser());
        org.jsoup.nodes.Element root = null;
        for (org.jsoup.nodes.Element child : soup.children()) {
            root = child;
            break;
        }
        if (root == null) {
            throw new IllegalArgumentException("no root element");
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (org.jsoup.nodes.Element e : root.getAllElements()) {
            addPrefix(prefixes, e.tagName());
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                if (!a.getKey().startsWith("xmlns")) {
                    addPrefix(prefixes, a.getKey());
                }
            }
        }
        for (String prefix : prefixes) {
            if (!root.hasAttr("xmlns:" + prefix) && !prefix.equals("xml")) {
                root.attr("xmlns:" + prefix, knownNamespace(prefix));
            }
        }
        soup.outputSettings().syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml).prettyPrint(false)
                .charset("UTF-8").escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml);
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setExpandEntities(false);
        return builder.build(new StringReader(root.outerHtml()));
    }

    private static void addPrefix(Set<String> prefixes, String name) {
        int colon = name.indexOf(':');
        if (colon > 0) {
            prefixes.add(name.substring(0, colon));
        }
    }

    private static String knownNamespace(String prefix) {
        return switch (prefix) {
            case "dc" -> "http://purl.org/dc/elements/1.1/";
            case "content" -> "http://purl.org/rss/1.0/modules/content/";
            case "media" -> MEDIA_NS;
            case "yt" -> YOUTUBE_NS;
            case "wfw" -> WFW_NS;
            case "slash" -> SLASH_NS;
            case "thr" -> THREAD_NS;
            case "atom" -> "http://www.w3.org/2005/Atom";
            case "rdf" -> "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
            case "itunes" -> "http://www.itunes.com/dtds/podcast-1.0.dtd";
            default -> "urn:vigie:undeclared:" + prefix;
        };
    }

    private static final String ATOM10 = "http://www.w3.org/2005/Atom";
    private static final String ATOM03 = "http://purl.org/atom/ns#";

    private static void renamespace(Element element, Namespace from, Namespace to) {
        if (element.getNamespace().equals(from)) {
            element.setNamespace(to);
        }
        for (Element child : element.getChildren()) {
            renamespace(child, from, to);
        }
    }

    /** Rome picks its parser by root and version; feeds in the wild omit the RSS version, read them as 2.0. */
    private static void normaliseRoot(Document xml) {
        Element root = xml.getRootElement();
        if (root.getName().equals("feed") && !root.getNamespaceURI().equals(ATOM10) && !root.getNamespaceURI().equals(ATOM03)) {
            // An Atom feed under a draft or missing namespace: read it as the Atom its version says.
            Namespace target = Namespace.getNamespace("0.3".equals(root.getAttributeValue("version")) ? ATOM03 : ATOM10);
            renamespace(root, root.getNamespace(), target);
        }
        if (root.getName().equalsIgnoreCase("rss") && root.getNamespace() == Namespace.NO_NAMESPACE) {
            String version = root.getAttributeValue("version");
            if (version == null || version.isBlank() || !version.strip().matches("0\\.9[1-4]|2\\.0.*|0\\.90")) {
                root.setAttribute("version", "2.0");
            } else if (!version.equals(version.strip())) {
                root.setAttribute("version", version.strip());
            }
            if (root.getChild("channel") == null) {
                root.addContent(new Element("channel")); // an empty feed is still a feed
            }
        }
    }

    private FeedDocument toDocument(SyndFeed feed, Document xml, String encoding, String problem, String location) {
        String feedBase = firstNonBlank(xml.getRootElement().getAttributeValue("base", Namespace.XML_NAMESPACE), location);
        String feedLanguage = firstNonBlank(feed.getLanguage(),
                xml.getRootElement().getAttributeValue("lang", Namespace.XML_NAMESPACE));
        if (feedLanguage == null) {
            Element channel = xml.getRootElement().getChild("channel");
            Element dcLanguage = (channel != null ? channel : xml.getRootElement())
                    .getChild("language", Namespace.getNamespace("http://purl.org/dc/elements/1.1/"));
            feedLanguage = dcLanguage == null ? null : dcLanguage.getTextTrim();
        }
        FeedText title = feed.originalWireFeed() instanceof com.rometools.rome.feed.atom.Feed atomFeed
                ? atomText(atomFeed.getTitleEx(), feedBase)
                : text(feed.getTitleEx(), false, false, feedBase);
        String feedLink = absolute(feed.getLink(), feedBase);
        List<FeedLink> feedLinks = new ArrayList<>();
        for (SyndLink l : feed.getLinks()) {
            feedLinks.add(new FeedLink(absolute(l.getHref(), feedBase), l.getRel(), l.getType(), l.getTitle(),
                    l.getLength() > 0 ? l.getLength() : null));
        }
        if (feedLink == null && !feedLinks.isEmpty()) {
            feedLink = feedLinks.stream().filter(l -> l.rel().equals("alternate") && l.href() != null).map(FeedLink::href).findFirst()
                    .orElse(null);
        }
        List<FeedPerson> feedAuthors = persons(feed.getAuthors(), feed.getAuthor());
        Element channel = xml.getRootElement().getChild("channel");
        if (channel != null) {
            if (feedAuthors.isEmpty()) {
                String author = childText(channel, "author", "", DC, ITUNES);
                if (author == null) {
                    author = childText(channel, "managingEditor", "");
                }
                if (author == null) {
                    author = childText(channel, "creator", DC);
                }
                if (author != null) {
                    feedAuthors = List.of(parsePerson(author));
                }
            }
            if (title == null || title.value().isBlank()) {
                String dcTitle = childText(channel, "title", DC, DCTERMS);
                title = dcTitle == null ? title : text(dcTitle);
            }
        }
        if (feed.originalWireFeed() instanceof com.rometools.rome.feed.atom.Feed) {
            List<FeedPerson> fromXml = atomPeople(xml.getRootElement(), feedBase);
            if (!fromXml.isEmpty()) {
                feedAuthors = fromXml;
            }
        }
        List<FeedEntry> entries = new ArrayList<>();
        List<Element> itemElements = new ArrayList<>();
        collectItems(xml.getRootElement(), itemElements);
        boolean paired = itemElements.size() == feed.getEntries().size();
        for (int i = 0; i < feed.getEntries().size(); i++) {
            entries.add(toEntry(feed.getEntries().get(i), paired ? itemElements.get(i) : null, feedBase, feedLanguage));
        }
        return new FeedDocument(feed.getFeedType(), title, feedLink, feedLinks, lower(feedLanguage), feedAuthors,
                encoding, problem != null, problem, entries);
    }

    private static void collectItems(Element element, List<Element> out) {
        for (Element child : element.getChildren()) {
            if (child.getName().equals("item") || child.getName().equals("entry")) {
                out.add(child);
            } else if (!child.getName().equals("source")) {
                collectItems(child, out);
            }
        }
    }

    private FeedEntry toEntry(SyndEntry e, Element itemElement, String feedBase, String feedLanguage) {
        Object wire = e.getWireEntry();
        String base = feedBase;
        String entryLanguage = feedLanguage;
        if (itemElement != null) {
            String lang = itemElement.getAttributeValue("lang", Namespace.XML_NAMESPACE);
            if (lang != null && !lang.isBlank()) {
                entryLanguage = lang;
            }
        }
        String id = e.getUri();
        List<FeedLink> links = new ArrayList<>();
        List<FeedCategory> categories = new ArrayList<>();
        String commentsUrl = e.getComments();
        String commentFeedUrl = null;
        String inReplyTo = null;
        if (wire instanceof Entry atom) {
            if (atom.getXmlBase() != null) {
                base = resolve(feedBase, atom.getXmlBase());
            }
            id = atom.getId();
            for (Link l : concat(atom.getAlternateLinks(), atom.getOtherLinks())) {
                String href = firstNonBlank(l.getHrefResolved(), l.getHref());
                links.add(new FeedLink(absolute(href, base), l.getRel(), l.getType(), l.getTitle(),
                        l.getLength() > 0 ? l.getLength() : null));
                if ("replies".equals(l.getRel()) && commentFeedUrl == null) {
                    commentFeedUrl = absolute(href, base);
                }
            }
            for (var c : atom.getCategories()) {
                categories.add(new FeedCategory(c.getTerm(), c.getScheme(), c.getLabel()));
            }
        } else {
            if (wire instanceof Item item) {
                id = item.getGuid() != null ? item.getGuid().getValue() : null;
                for (var c : item.getCategories()) {
                    categories.add(new FeedCategory(c.getValue(), c.getDomain(), null));
                }
            }
            String link = e.getLink();
            if (link != null && !link.isBlank()) {
                links.add(new FeedLink(absolute(link, base), "alternate", null, null, null));
            }
            for (SyndEnclosure enclosure : e.getEnclosures()) {
                links.add(new FeedLink(absolute(enclosure.getUrl(), base), "enclosure", enclosure.getType(), null,
                        enclosure.getLength() > 0 ? enclosure.getLength() : null));
            }
        }
        if (categories.isEmpty()) {
            for (SyndCategory c : e.getCategories()) {
                categories.add(new FeedCategory(c.getName(), c.getTaxonomyUri(), null));
            }
        }
        categories.removeIf(c -> c.term() == null || c.term().isBlank());

        String link = absolute(e.getLink(), base);
        if (link == null) {
            link = links.stream().filter(l -> l.rel().equals("alternate") && l.href() != null).map(FeedLink::href).findFirst().orElse(null);
        }
        if (link == null && id != null && id.matches("(?i)https?://.*")) {
            link = id; // an RSS permalink guid is the item's address
        }
        FeedText title;
        FeedText summary;
        List<FeedText> contents = new ArrayList<>();
        if (wire instanceof Entry atom) {
            title = atomText(atom.getTitleEx(), base);
            summary = atomText(atom.getSummary(), base);
            for (var c : atom.getContents()) {
                FeedText t = atomText(c, base);
                if (t != null) {
                    contents.add(t);
                }
            }
        } else {
            title = text(e.getTitleEx(), false, false, base);
            summary = e.getDescription() == null ? null : text(e.getDescription(), true, false, base);
            for (SyndContent c : e.getContents()) {
                contents.add(text(c, true, false, base));
            }
        }
        if (itemElement != null && contents.isEmpty()) {
            for (Element child : itemElement.getChildren()) {
                boolean xhtmlBody = child.getName().equals("body")
                        && (child.getNamespaceURI().isEmpty() || child.getNamespaceURI().equals("http://www.w3.org/1999/xhtml"));
                if (xhtmlBody || child.getName().equals("fullitem")) {
                    String html = child.getChildren().isEmpty() ? child.getText()
                            : new org.jdom2.output.XMLOutputter().outputString(child.getContent())
                                    .replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", "");
                    contents.add(new FeedText(sanitizer.sanitize(html, base), "html", null));
                    break;
                }
            }
        }

        List<FeedEnclosure> enclosures = new ArrayList<>();
        for (SyndEnclosure enclosure : e.getEnclosures()) {
            if (enclosure.getUrl() != null && !enclosure.getUrl().isBlank()) {
                enclosures.add(new FeedEnclosure(absolute(enclosure.getUrl(), base), enclosure.getType(),
                        enclosure.getLength() > 0 ? enclosure.getLength() : null, null));
            }
        }
        for (Link l : wire instanceof Entry atom ? atom.getOtherLinks() : List.<Link>of()) {
            if ("enclosure".equals(l.getRel()) && enclosures.stream().noneMatch(x -> x.url().equals(absolute(l.getHref(), feedBase)))) {
                enclosures.add(new FeedEnclosure(absolute(firstNonBlank(l.getHrefResolved(), l.getHref()), feedBase),
                        l.getType(), l.getLength() > 0 ? l.getLength() : null, null));
            }
        }

        Extensions ext = new Extensions();
        for (Element foreign : e.getForeignMarkup()) {
            ext.visit(foreign, base);
        }
        for (FeedEnclosure m : ext.media) {
            if (enclosures.stream().noneMatch(x -> x.url().equals(m.url()))) {
                enclosures.add(m);
            }
        }
        categories.addAll(ext.mediaCategories);
        if (contents.isEmpty() && ext.bodyHtml != null) {
            contents.add(new FeedText(sanitizer.sanitize(ext.bodyHtml, base), "html", null));
        }
        if (commentFeedUrl == null) {
            commentFeedUrl = ext.commentFeed;
        }
        if (inReplyTo == null) {
            inReplyTo = ext.inReplyTo;
        }
        if (summary == null && ext.mediaDescription != null) {
            summary = FeedText.text(ext.mediaDescription);
        }
        if ((title == null || title.value().isBlank()) && ext.mediaTitle != null) {
            title = FeedText.text(ext.mediaTitle);
        }
        if (link == null && ext.videoId != null) {
            link = "https://www.youtube.com/watch?v=" + ext.videoId;
        }
        Engagement engagement = new Engagement(ext.views, ext.likes, ext.dislikes, ext.comments, null,
                ext.rating, ext.ratingCount);
        List<FeedPerson> authors = persons(e.getAuthors(), e.getAuthor());
        Instant published = instant(e.getPublishedDate());
        Instant updated = instant(e.getUpdatedDate());
        if (itemElement != null && !(wire instanceof Entry)) {
            // Elements feeds use outside the RSS specification, which Rome leaves unread.
            if (title == null || title.value().isBlank()) {
                String dcTitle = childText(itemElement, "title", DC, DCTERMS);
                title = dcTitle == null ? title : text(dcTitle);
            }
            if (authors.isEmpty()) {
                String author = childText(itemElement, "author", DC, ITUNES);
                if (author == null) {
                    author = childText(itemElement, "creator", DC, DCTERMS);
                }
                if (author != null) {
                    authors = List.of(parsePerson(author));
                }
            }
            if (summary == null) {
                String description = childText(itemElement, "description", DC, DCTERMS);
                if (description == null) {
                    description = childText(itemElement, "summary", ITUNES);
                }
                if (description != null) {
                    summary = new FeedText(sanitizer.sanitize(description, base), "html", null);
                }
            }
            if (categories.isEmpty()) {
                for (Element child : itemElement.getChildren()) {
                    boolean dcSubject = child.getName().equals("subject") && DC.equals(child.getNamespaceURI());
                    boolean itunesCategory = child.getName().equals("category") && sameNamespace(ITUNES, child.getNamespaceURI());
                    boolean mediaCategory = child.getName().equals("category") && sameNamespace(MEDIA_NS, child.getNamespaceURI());
                    if (mediaCategory && !child.getTextTrim().isEmpty()) {
                        categories.add(new FeedCategory(child.getTextTrim(),
                                firstNonBlank(child.getAttributeValue("scheme"), "http://search.yahoo.com/mrss/category_schema"),
                                blankToNull(child.getAttributeValue("label"))));
                    }
                    if (dcSubject && !child.getTextTrim().isEmpty()) {
                        categories.add(new FeedCategory(child.getTextTrim(), null, null));
                    } else if (itunesCategory) {
                        addItunesCategories(child, categories);
                    }
                }
            }
            if (published == null) {
                published = date(childText(itemElement, "issued", DCTERMS), childText(itemElement, "created", DCTERMS));
            }
            if (updated == null) {
                updated = date(childText(itemElement, "modified", DCTERMS), null);
            }
            if (id == null) {
                id = blankToNull(itemElement.getAttributeValue("about", Namespace.getNamespace("rdf", RDF)));
            }
        }
        if (wire instanceof Entry && itemElement != null) {
            List<FeedPerson> fromXml = atomPeople(itemElement, base);
            if (!fromXml.isEmpty()) {
                authors = fromXml;
            }
        }
        return new FeedEntry(blankToNull(id), title, link, links, summary, contents, published,
                updated, authors, categories, enclosures,
                absolute(commentsUrl, base), commentFeedUrl, inReplyTo, ext.videoId, ext.thumbnail, engagement,
                lower(entryLanguage));
    }

    /** Media RSS, YouTube, wfw, slash and thr elements, wherever they nest (media:group, media:community). */
    private static final class Extensions {
        final List<FeedEnclosure> media = new ArrayList<>();
        final List<FeedCategory> mediaCategories = new ArrayList<>();
        String thumbnail;
        String commentFeed;
        String inReplyTo;
        String videoId;
        String mediaTitle;
        String mediaDescription;
        String bodyHtml;
        Long views;
        Long likes;
        Long dislikes;
        Long comments;
        Double rating;
        Long ratingCount;

        void visit(Element el, String base) {
            String ns = el.getNamespaceURI();
            String name = el.getName();
            if (sameNamespace(MEDIA_NS, ns)) {
                switch (name) {
                    case "content" -> {
                        String url = el.getAttributeValue("url");
                        if (url != null && !url.isBlank()) {
                            media.add(new FeedEnclosure(absolute(url, base), el.getAttributeValue("type"),
                                    number(el.getAttributeValue("fileSize")), el.getAttributeValue("medium")));
                        }
                    }
                    case "thumbnail" -> {
                        if (thumbnail == null) {
                            thumbnail = absolute(el.getAttributeValue("url"), base);
                        }
                    }
                    case "title" -> mediaTitle = blankToNull(el.getTextNormalize());
                    case "category" -> {
                        String term = blankToNull(el.getTextNormalize());
                        if (term != null) {
                            mediaCategories.add(new FeedCategory(term,
                                    firstNonBlank(el.getAttributeValue("scheme"), "http://search.yahoo.com/mrss/category_schema"),
                                    blankToNull(el.getAttributeValue("label"))));
                        }
                    }
                    case "description" -> mediaDescription = blankToNull(el.getTextTrim());
                    case "statistics" -> {
                        views = number(el.getAttributeValue("views"));
                        Long favorites = number(el.getAttributeValue("favorites"));
                        likes = likes == null ? favorites : likes;
                    }
                    case "starRating" -> {
                        rating = decimal(el.getAttributeValue("average"));
                        ratingCount = number(el.getAttributeValue("count"));
                    }
                    default -> { }
                }
            } else if ("http://www.w3.org/1999/xhtml".equals(ns) && name.equals("body")) {
                bodyHtml = new org.jdom2.output.XMLOutputter().outputString(el.getContent())
                        .replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", "");
                return;
            } else if (name.equals("fullitem")) {
                bodyHtml = el.getText();
                return;
            } else if (YOUTUBE_NS.equals(ns) && name.equals("videoId")) {
                videoId = blankToNull(el.getTextTrim());
            } else if (WFW_NS.equals(ns) && name.equalsIgnoreCase("commentRss")) {
                commentFeed = absolute(el.getTextTrim(), base);
            } else if (SLASH_NS.equals(ns) && name.equals("comments")) {
                comments = number(el.getTextTrim());
            } else if (THREAD_NS.equals(ns) && name.equals("in-reply-to")) {
                inReplyTo = firstNonBlank(absolute(el.getAttributeValue("href"), base), el.getAttributeValue("ref"));
            } else if (THREAD_NS.equals(ns) && name.equals("total")) {
                comments = number(el.getTextTrim());
            }
            for (Element child : el.getChildren()) {
                visit(child, base);
            }
            if (sameNamespace(MEDIA_NS, ns) && name.equals("community")) {
                for (Attribute a : el.getAttributes()) {
                    if (a.getName().equals("likes")) {
                        likes = number(a.getValue());
                    }
                }
            }
        }
    }

    /** An Atom text construct: its type says text, HTML or XHTML; Atom 0.3's base64 mode is decoded. */
    private FeedText atomText(com.rometools.rome.feed.atom.Content content, String base) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        String value = content.getValue();
        if ("base64".equals(content.getMode())) {
            try {
                value = new String(java.util.Base64.getMimeDecoder().decode(value.strip()), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // not base64 after all: keep the text as given
            }
        }
        String type = content.getType() == null ? "text" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("xhtml") || type.equals("application/xhtml+xml")) {
            // Atom 1.0 wraps XHTML in a div that is not content (RFC 4287 §3.1.1.3); Atom 0.3 had no such rule.
            String inner = type.equals("xhtml") ? XHTML_WRAPPER.matcher(value).replaceFirst("$1") : value;
            inner = inner.replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", "");
            return new FeedText(sanitizer.sanitize(inner, base), "html", null);
        }
        if (type.contains("html")) {
            return new FeedText(sanitizer.sanitize(value, base), "html", null);
        }
        if (type.equals("text") || type.startsWith("text/")) {
            return new FeedText(value, "text", null);
        }
        if (!type.endsWith("xml")) {
            // RFC 4287 §4.1.3.3: other media types are base64-encoded
            try {
                String decoded = new String(java.util.Base64.getMimeDecoder().decode(value.strip()),
                        java.nio.charset.StandardCharsets.UTF_8);
                return new FeedText(sanitizer.sanitize(decoded, base), "html", null);
            } catch (IllegalArgumentException e) {
                // not base64 after all: fall through and keep the text
            }
        }
        return new FeedText(value, "text", null); // another media type: keep its text, never as markup
    }

    /**
     * A text construct: Atom says its type; RSS titles are text unless they plainly contain markup, RSS
     * descriptions and contents are HTML.
     */
    private FeedText text(SyndContent content, boolean htmlByDefault, boolean atom, String base) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        String value = content.getValue();
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        boolean html;
        if (type.equals("xhtml") || type.equals("application/xhtml+xml")) {
            html = true;
            value = XHTML_WRAPPER.matcher(value).replaceFirst("$1");
        } else if (type.contains("html")) {
            html = true;
        } else if (type.equals("text") || type.equals("text/plain") || (atom && type.isEmpty())) {
            html = false;
        } else {
            html = htmlByDefault || LOOKS_LIKE_HTML.matcher(value).find();
        }
        if (!html) {
            return new FeedText(value, "text", null);
        }
        return new FeedText(sanitizer.sanitize(value, base), "html", null);
    }

    private static List<FeedPerson> persons(List<SyndPerson> people, String single) {
        List<FeedPerson> out = new ArrayList<>();
        for (SyndPerson p : people) {
            if (p.getName() != null || p.getEmail() != null || p.getUri() != null) {
                out.add(new FeedPerson(blankToNull(p.getName()), blankToNull(p.getEmail()), blankToNull(p.getUri())));
            }
        }
        if (out.isEmpty() && single != null && !single.isBlank()) {
            out.add(parsePerson(single.strip()));
        }
        return out;
    }

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String DCTERMS = "http://purl.org/dc/terms/";
    private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** The trimmed text of the first child with this local name in one of these namespaces ("" = none). */
    private static String childText(Element parent, String name, String... namespaces) {
        for (Element child : parent.getChildren()) {
            if (child.getName().equalsIgnoreCase(name)) {
                for (String ns : namespaces) {
                    if (sameNamespace(ns, child.getNamespaceURI()) && !child.getTextTrim().isEmpty()) {
                        return child.getTextTrim();
                    }
                }
            }
        }
        return null;
    }

    /** Namespace URIs compared as feeds write them: case and a trailing slash vary (iTunes, Media RSS). */
    static boolean sameNamespace(String expected, String actual) {
        if (expected.isEmpty() || actual.isEmpty()) {
            return expected.equals(actual);
        }
        String a = expected.toLowerCase(Locale.ROOT).replaceAll("/$", "");
        String b = actual.toLowerCase(Locale.ROOT).replaceAll("/$", "");
        return a.equals(b);
    }

    private FeedText text(String plain) {
        return LOOKS_LIKE_HTML.matcher(plain).find() ? new FeedText(sanitizer.sanitize(plain, null), "html", null)
                : new FeedText(plain, "text", null);
    }

    private static void addItunesCategories(Element category, List<FeedCategory> out) {
        String term = category.getAttributeValue("text");
        if (term != null && !term.isBlank()) {
            out.add(new FeedCategory(term.strip(), "http://www.itunes.com/", null));
        }
        for (Element nested : category.getChildren()) {
            if (nested.getName().equals("category")) {
                addItunesCategories(nested, out);
            }
        }
    }

    private static Instant date(String first, String second) {
        for (String s : new String[] {first, second}) {
            if (s != null) {
                Date d = com.rometools.rome.io.impl.DateParser.parseDate(s, Locale.ROOT);
                if (d != null) {
                    return d.toInstant();
                }
            }
        }
        return null;
    }

    /** Atom authors read directly: Atom 1.0's uri, Atom 0.3's url, and the homepage some feeds use. */
    private static List<FeedPerson> atomPeople(Element parent, String base) {
        List<FeedPerson> out = new ArrayList<>();
        for (Element author : parent.getChildren()) {
            if (!author.getName().equals("author")) {
                continue;
            }
            String name = null;
            String email = null;
            String uri = null;
            for (Element part : author.getChildren()) {
                switch (part.getName()) {
                    case "name" -> name = blankToNull(part.getTextNormalize());
                    case "email" -> email = blankToNull(part.getTextTrim());
                    case "uri", "url", "homepage" -> uri = uri == null ? absolute(part.getTextTrim(), base) : uri;
                    default -> { }
                }
            }
            if (name != null || email != null || uri != null) {
                out.add(new FeedPerson(name, email, uri));
            }
        }
        return out;
    }

    /** RSS authors look like "jane@example.com (Jane Doe)" or "Jane Doe (jane@example.com)" or a bare name. */
    static FeedPerson parsePerson(String s) {
        var m = Pattern.compile("^(\\S+@\\S+)\\s*\\((.*)\\)$").matcher(s);
        if (m.matches()) {
            return new FeedPerson(m.group(2).strip(), m.group(1), null);
        }
        m = Pattern.compile("^(.*?)\\s*[(<](\\S+@\\S+?)[)>]$").matcher(s);
        if (m.matches()) {
            return new FeedPerson(blankToNull(m.group(1)), m.group(2), null);
        }
        if (s.matches("\\S+@\\S+")) {
            return new FeedPerson(null, s, null);
        }
        return new FeedPerson(s, null, null);
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) {
            if (l != null) {
                out.addAll(l);
            }
        }
        return out;
    }

    static String absolute(String href, String base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String h = href.strip();
        if (base == null || base.isBlank()) {
            return h;
        }
        return resolve(base, h);
    }

    private static String resolve(String base, String href) {
        try {
            URI b = new URI(base.strip().replace(" ", "%20"));
            return b.resolve(new URI(href.replace(" ", "%20"))).toString();
        } catch (Exception e) {
            return href;
        }
    }

    private static Long number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    /** A language tag as declared, with the underscore some feeds use turned into BCP 47's hyphen. */
    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().replace('_', '-');
    }

    static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : (b != null && !b.isBlank() ? b.strip() : null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

}
