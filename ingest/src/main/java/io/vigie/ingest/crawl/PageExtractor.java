package io.vigie.ingest.crawl;

import io.vigie.ingest.crawl.dates.CommentDateParser;
import io.vigie.model.Engagement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * Reads the comments of one HTML page, in this order: the site's rule when one is given and its item selector
 * matches; schema.org data when it lists at least as many comments as the page's markup shows; the generic reader.
 * Pure: no I/O beyond the bytes given, so it is unit-tested on saved pages and measured by {@code vigie bench crawl}.
 */
public final class PageExtractor {
    private static final Pattern SCRIPTED_COMMENTS = Pattern.compile("(?i)disqus|commento|livefyre|coral(talk|project)?"
            + "|viafoura|hyvor|utteranc|giscus|remark42|isso|facebook\\.com/plugins/comments|fb-comments|"
            + "talk\\.js|vuukle|spot\\.im|openweb|insticator|intensedebate|cackle|hypercomments|graphcomment");

    private final CommentDateParser dates = new CommentDateParser();
    private final GenericCommentReader generic = new GenericCommentReader();
    private final StructuredDataReader structured = new StructuredDataReader();

    /** Decodes the bytes with the charset the response or the page declares (jsoup's detection), then extracts. */
    public PageExtraction extract(byte[] html, String contentType, String pageUrl, SiteRule rule, Instant fetchedAt) {
        String charset = charsetOf(contentType);
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), charset, pageUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.nio.charset.IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            try {
                doc = Jsoup.parse(new ByteArrayInputStream(html), null, pageUrl);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
        return extract(doc, pageUrl, rule, fetchedAt);
    }

    public PageExtraction extract(Document doc, String pageUrl, SiteRule rule, Instant fetchedAt) {
        ZoneId zone = zoneOf(rule);
        String language = rule != null && rule.language() != null ? rule.language() : languageOf(doc);
        BlockReader reader = new BlockReader(dates, ZonedDateTime.ofInstant(fetchedAt, zone), language,
                rule == null ? null : rule.dateFormat());
        List<String> notes = new ArrayList<>();
        String title = titleOf(doc);
        String next = nextPage(doc, rule, notes);

        StructuredDataReader.Found data = structured.read(doc, pageUrl, reader);
        notes.addAll(data.notes());
        if (rule != null && rule.item() != null) {
            Elements items;
            try {
                items = doc.select(Selectors.of(rule.item()));
            } catch (Selector.SelectorParseException e) {
                items = new Elements();
                notes.add("rule " + rule.name() + ": item selector '" + rule.item() + "' is not valid CSS: " + e.getMessage());
            }
            if (!items.isEmpty()) {
                List<PageComment> comments = ruleComments(items, rule, reader, pageUrl, notes);
                List<String> threads = rule.threadLink() == null ? List.of() : threadLinks(doc, rule, pageUrl);
                // As for the generic reader's groups: items that are a forum's posts, on a page without an article,
                // open with the thread's opening post, which becomes the thread's POST with its title.
                boolean firstIsPost = GenericCommentReader.namesPosts(rule.item()) && articleBody(doc) == null;
                return new PageExtraction("rule:" + rule.name(), null, title, comments, firstIsPost, next, threads, false,
                        data.declaredCount(), data.engagement(), notes);
            }
            notes.add("rule " + rule.name() + ": item selector '" + rule.item() + "' matched nothing on this page"
                    + hint(doc, rule.item()) + "; falling back to schema.org and the generic reader");
        }
        GenericCommentReader.Found found = generic.find(doc, reader);
        List<PageComment> fromMarkup = genericComments(found, reader, pageUrl);
        String method;
        List<PageComment> comments;
        if (!data.comments().isEmpty() && data.comments().size() >= fromMarkup.size()) {
            method = "schema.org";
            comments = data.comments();
        } else if (!fromMarkup.isEmpty()) {
            method = "generic";
            comments = fromMarkup;
            notes.add("generic: " + comments.size() + " blocks of " + found.how());
        } else {
            method = "none";
            comments = List.of();
        }
        boolean needsJs = comments.isEmpty() && scriptedComments(doc);
        if (needsJs) {
            notes.add("comments seem to be loaded by JavaScript (a comment widget's script or an empty comment"
                    + " container, and none in the HTML): they cannot be read without rendering the page");
        }
        if (data.declaredCount() != null && data.declaredCount() > comments.size()) {
            notes.add("the page declares " + data.declaredCount() + " comments; " + comments.size()
                    + " are in its HTML (the others are on other pages or loaded later)");
        }
        // a forum index lists threads and holds no comment: thread links are looked for only then
        List<String> threads = comments.isEmpty() || rule != null && rule.threadLink() != null
                ? threadLinks(doc, rule, pageUrl) : List.of();
        boolean firstIsPost = method.equals("generic") && found.forumLike() && articleBody(doc) == null;
        PageComment post = firstIsPost ? null : article(doc, pageUrl, reader);
        return new PageExtraction(method, post, title, comments, firstIsPost, next, threads, needsJs,
                data.declaredCount(), data.engagement() == null ? Engagement.NONE : data.engagement(), notes);
    }

    private List<PageComment> ruleComments(Elements items, SiteRule rule, BlockReader reader, String pageUrl,
                                           List<String> notes) {
        List<PageComment> out = new ArrayList<>();
        int missingAuthor = 0;
        int missingDate = 0;
        for (Element item : items) {
            Element own = GenericCommentReader.ownPart(item, items);
            String anchor = BlockReader.anchorOf(item);
            BlockReader.DateFound date = reader.date(own, rule.date());
            String author = reader.author(own, rule.author());
            missingAuthor += author == null ? 1 : 0;
            missingDate += date == null || date.at() == null ? 1 : 0;
            Element body = reader.body(own, rule.text());
            out.add(new PageComment(anchor, out.size() + 1, parentAnchor(item, items), author,
                    date == null ? null : date.text(), date == null ? null : date.at(), body.text(), body.html(),
                    reader.permalink(own, rule.permalink(), pageUrl, anchor), reader.replyLink(own, rule.replyLink())));
        }
        if (rule.author() != null && missingAuthor > 0) {
            notes.add("rule " + rule.name() + ": author selector '" + rule.author() + "' found nothing in " + missingAuthor
                    + " of " + items.size() + " items");
        }
        if (missingDate > 0) {
            notes.add("rule " + rule.name() + ": no readable date in " + missingDate + " of " + items.size() + " items"
                    + (rule.date() == null ? "" : " (date selector '" + rule.date() + "'"
                    + (rule.dateFormat() == null ? "" : ", format '" + rule.dateFormat() + "'") + ")"));
        }
        return out;
    }

    private List<PageComment> genericComments(GenericCommentReader.Found found, BlockReader reader, String pageUrl) {
        List<PageComment> out = new ArrayList<>();
        for (Element block : found.blocks()) {
            GenericCommentReader.Parsed parts = found.parsed().get(block);
            Element own = parts.own();
            String anchor = BlockReader.anchorOf(block);
            BlockReader.DateFound date = parts.date();
            Element body = parts.body();
            String author = parts.author();
            if (author == null && date != null) {
                author = reader.authorFromByline(date.text());
            }
            out.add(new PageComment(anchor, out.size() + 1, parentAnchor(block, found.blocks()), author,
                    date == null ? null : date.text(), date == null ? null : date.at(), body.text(), body.html(),
                    reader.permalink(own, null, pageUrl, anchor), reader.replyLink(own, null)));
        }
        return out;
    }

    private static String parentAnchor(Element block, List<Element> group) {
        Set<Element> members = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        members.addAll(group);
        for (Element p = block.parent(); p != null; p = p.parent()) {
            if (members.contains(p)) {
                return BlockReader.anchorOf(p);
            }
        }
        return null;
    }

    /** Which selectors of the rule's item would have matched something, to help the rule writer. */
    private static String hint(Document doc, String selector) {
        String last = selector.strip();
        int space = Math.max(last.lastIndexOf(' '), last.lastIndexOf('>'));
        if (space > 0) {
            String tail = last.substring(space + 1).strip();
            try {
                int n = doc.select(Selectors.of(tail)).size();
                return " (its last part '" + tail + "' alone matches " + n + ")";
            } catch (Selector.SelectorParseException e) {
                return "";
            }
        }
        return "";
    }

    private static String nextPage(Document doc, SiteRule rule, List<String> notes) {
        if (rule != null && rule.nextPage() != null) {
            try {
                Element link = doc.selectFirst(Selectors.of(rule.nextPage()));
                if (link != null && !link.absUrl("href").isEmpty()) {
                    return link.absUrl("href");
                }
            } catch (Selector.SelectorParseException e) {
                notes.add("rule " + rule.name() + ": nextPage selector is not valid CSS: " + e.getMessage());
            }
        }
        for (Element rel : doc.select(Selectors.of("link[rel~=(?i)^next$][href], a[rel~=(?i)^next$][href]"))) {
            if (!rel.attr("href").contains("view=next")) { // phpBB's rel=next is the next topic, not the next page
                return rel.absUrl("href");
            }
        }
        Element named = doc.selectFirst(Selectors.of("a.next[href], a.nextpostslink[href], .pagination a.next[href], "
                + "a.pageNav-jump--next[href], .nav-next a[href], li.next a[href], a.next-page[href], "
                + "a[aria-label~=(?i)^next][href]"));
        if (named != null) {
            return named.absUrl("href");
        }
        // numbered pages: the link right after the current page's marker
        Element current = doc.selectFirst(Selectors.of(".pagination .current, .pagination .active, .pages .current, "
                + ".pageNav-page--current, [aria-current=page], strong.current, span.current"));
        if (current != null) {
            Element after = current.nextElementSibling();
            if (after != null && !after.is(Selectors.of("a[href]"))) {
                after = after.selectFirst(Selectors.of("a[href]"));
            }
            if (after != null && after.text().strip().matches("\\d+")) {
                return after.absUrl("href");
            }
        }
        return null;
    }

    /** On a forum index: the links to its threads (a rule's, else the common engines' markup). */
    private static List<String> threadLinks(Document doc, SiteRule rule, String pageUrl) {
        String selector = rule != null && rule.threadLink() != null ? rule.threadLink()
                : "a.topictitle[href], a.topic-title[href], .structItem-title a[href], a.title[href*=topic], "
                + "a[href*=viewtopic.php]:not([href*=#]), a[href*=showthread.php], a[id^=thread_title_], "
                + "td.topic-name a[href], .topic-list a.title[href], h3.threadtitle a[href], a.raw-topic-link[href]";
        Set<String> out = new LinkedHashSet<>();
        try {
            for (Element a : doc.select(Selectors.of(selector))) {
                String url = a.absUrl("href");
                if (!url.isEmpty() && !url.equals(pageUrl)) {
                    out.add(BlockReader.stripFragment(url));
                }
            }
        } catch (Selector.SelectorParseException e) {
            return List.of();
        }
        return new ArrayList<>(out);
    }

    private static boolean scriptedComments(Document doc) {
        for (Element script : doc.select(Selectors.of("script"))) {
            if (SCRIPTED_COMMENTS.matcher(script.attr("src")).find() || SCRIPTED_COMMENTS.matcher(script.data()).find()) {
                return true;
            }
        }
        for (Element container : doc.select(Selectors.of("#disqus_thread, .fb-comments, #comments, .comments, [data-comments], "
                + "#comment-section, .comments-container, [id*=comments-root]"))) {
            if (container.text().strip().length() < 10 && container.select(Selectors.of("*")).size() < 5) {
                return true;
            }
        }
        return false;
    }

    private static Element articleBody(Document doc) {
        return doc.selectFirst(Selectors.of("[itemprop=articleBody], article .entry-content, .entry-content, .post-content, "
                + "article .article-body, .article__body, .article-content, .td-post-content"));
    }

    private static PageComment article(Document doc, String pageUrl, BlockReader reader) {
        Element body = articleBody(doc);
        if (body == null) {
            return null;
        }
        Element copy = body.clone();
        copy.select(Selectors.of("script, style, form, .sharedaddy, .share, .related")).remove();
        Element holder = body.parents().stream().filter(p -> p.normalName().equals("article")).findFirst().orElse(doc.body());
        String author = null;
        Element authorEl = doc.selectFirst(Selectors.of("meta[name=author]"));
        if (authorEl != null) {
            author = authorEl.attr("content");
        } else {
            Element byline = holder.selectFirst(Selectors.of(".entry-meta .author, .byline .author, [rel=author], .author-name, "
                    + "[itemprop=author] [itemprop=name]"));
            author = byline == null ? null : byline.text();
        }
        Element published = doc.selectFirst(Selectors.of("meta[property=article:published_time], time[datetime]"));
        Instant at = published == null ? null
                : reader.read(published.hasAttr("content") ? published.attr("content") : published.attr("datetime"));
        return new PageComment(null, 0, null, author, null, at, copy.text(), copy.html(), pageUrl, null);
    }

    private static String titleOf(Document doc) {
        Element og = doc.selectFirst(Selectors.of("meta[property=og:title]"));
        if (og != null && !og.attr("content").isBlank()) {
            return og.attr("content").strip();
        }
        Element h1 = doc.selectFirst(Selectors.of("h1"));
        return h1 != null && !h1.text().isBlank() ? h1.text().strip() : doc.title().strip();
    }

    private static String languageOf(Document doc) {
        String lang = doc.selectFirst(Selectors.of("html")) == null ? "" : doc.selectFirst(Selectors.of("html")).attr("lang");
        return lang.isBlank() ? null : lang.substring(0, Math.min(2, lang.length())).toLowerCase(Locale.ROOT);
    }

    private static ZoneId zoneOf(SiteRule rule) {
        if (rule == null || rule.timeZone() == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(rule.timeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC; // validated at start; a file read by `sources try` gets UTC
        }
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }
}
