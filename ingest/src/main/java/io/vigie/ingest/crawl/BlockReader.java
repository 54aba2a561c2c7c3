package io.vigie.ingest.crawl;

import io.vigie.ingest.crawl.dates.CommentDateParser;
import io.vigie.ingest.crawl.dates.Regexes;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads the parts of one comment block (author, date, body, permalink, reply link) the way comment markup commonly
 * writes them, whatever the language: by the markup's class names, microformats and elements, not by words.
 * Used by the generic reader and for the parts a site rule leaves out.
 */
final class BlockReader {
    static final List<String> AUTHORS = List.of("[itemprop=author] [itemprop=name]", ".comment-author .fn", ".fn",
            ".comment-author cite", ".author-name", ".comment-author-name", ".comment_author",
            ".commentauthor", ".username", ".user-name", ".userName", ".message-name", ".postauthor", ".poster",
            ".post-author", "[itemprop=author]", ".comment-author", ".author", ".commenter", ".forum-author",
            ".name", "cite", "a[rel~=author]", ".vcard", ".user", "[class*=forum-qui]", "[class*=author]",
            "[class*=user]", "[class*=name]", "[class*=poster]");
    static final List<String> DATES = List.of("time[datetime]", "[itemprop=datePublished]", "[itemprop=dateCreated]",
            "[itemprop=commentTime]", "abbr.published[title]", ".comment-date", ".comment-time", ".comment_time",
            ".commentmetadata", ".comment-metadata", ".comment-meta", "[class~=(?i)(^|[-_ ])(date|time|datetime|"
            + "timestamp|posted|published|postdate|postdetails|postinfo)([-_ ]|$)]", "abbr[title]", "time",
            "a[href*=#comment]", ".meta", ".comment-posted", "[class*=date]", "[class*=time]", "[class*=posted]");
    static final String AUTHOR = "[itemprop=author] [itemprop=name], [itemprop=author], .comment-author .fn, "
            + ".comment-author a, .comment-author cite, .comment-author, .fn, .author-name, .comment-author-name, "
            + ".comment_author, .commentauthor, .username, .user-name, .userName, .message-name, .postauthor, "
            + ".poster, .post-author, .author, .commenter, .forum-author, .nom, .name, cite, a[rel~=author], "
            + ".vcard, .user, b.postauthor";
    static final String DATE = "time[datetime], [itemprop=datePublished], [itemprop=dateCreated], [itemprop=commentTime], "
            + "abbr.published[title], abbr[title], .comment-date, .comment-time, .commentmetadata, .comment-metadata, "
            + ".comment-meta, .date, .datetime, .time, .timestamp, .published, .posted, .post-date, .postdate, "
            + ".message-date, .forum-date, .date-comment, .meta, .postdetails, .postinfo, .author";
    static final List<String> BODIES = List.of("[itemprop=text]", "[itemprop=reviewBody]", "[itemprop=commentText]",
            ".comment-content", ".comment-text", ".comment_text", ".commentcontent", ".comment-entry", ".message-body",
            ".bbWrapper", ".postbody", ".post_body", ".post-body", ".post-content", ".post_message", ".postmessage",
            ".cooked", ".messageText", ".comment-body", ".content", ".text", ".entry-content", ".body",
            "[class*=comment-text]", "[class*=comment-content]", "[class*=item-text]", "[class*=texte]",
            "[class*=text]", "[class*=content]", "[class*=message]", "[class*=body]");
    static final String BODY = "[itemprop=text], [itemprop=reviewBody], [itemprop=commentText], .comment-content, "
            + ".comment-text, .comment_text, .commentcontent, .comment-entry, .comment-body-text, .message-body, "
            + ".bbWrapper, .postbody, .post_body, .post-body, .post-content, .post_message, .postmessage, .cooked, "
            + ".messageText, .forum-texte, .texte, .comment-body, .content, .text, .entry-content, .body";
    /** Parts of a block that are not what the commenter wrote. */
    static final String BOILERPLATE = "script, style, noscript, form, button, input, textarea, select, svg, img, "
            + "blockquote, .bbCodeQuote, .bbCodeBlock--quote, .quote, .quotecontent, .signature, .sig, .message-signature, "
            + ".postsig, .reply, .comment-reply, .comment-reply-link, .reply-link, .comment-edit-link, .edit-link, "
            + ".says, .avatar, .comment-awaiting-moderation, .like, .likes, .share, .sharing, .vote, .votes, "
            + ".reactions, .message-attribution, .message-footer, .comment-footer, .comment-actions, .actions";
    static final Pattern SAYS = Pattern.compile("(?iu)^\\s*(par|by|von|de|posted by|écrit par|geschrieben von)\\s+|"
            + "\\s*(says|said|dit|a dit|a écrit|wrote|sagt|schrieb|meint)\\s*:?\\s*$|\\s*:\\s*$");

    private final CommentDateParser dates;
    private final ZonedDateTime reference;
    private final String language;
    private final String dateFormat;

    BlockReader(CommentDateParser dates, ZonedDateTime reference, String language, String dateFormat) {
        this.dates = dates;
        this.reference = reference;
        this.language = language;
        this.dateFormat = dateFormat;
    }

    /** The first short, non-empty author-like text of the block, by selector priority, cleaned of "says:", "Par", "von". */
    String author(Element block, String selector) {
        for (String one : selector == null ? AUTHORS : List.of(selector)) {
            for (Element e : block.select(Selectors.of(one))) {
                if (e.is(Selectors.of("a[href*=reply], [class*=reply], [class*=avatar]"))) {
                    continue;
                }
                String name = nameIn(e);
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }

    private String nameIn(Element e) {
        if (e.hasAttr("content") && e.text().isBlank()) {
            return clean(e.attr("content"));
        }
        Element copy = e.clone();
        copy.select(Selectors.of("time, .date, .time, [class*=date], [class*=time], .says, .comment-reply-link, a[href*=reply], "
                + "button, .avatar, img, svg, [class*=follow], [class*=badge], .role, .usertitle, .userTitle, "
                + "[class*=permalink], a[href^=#]")).remove();
        Element specific = copy.selectFirst(Selectors.of(".fn, [itemprop=name], cite, strong, b, a.url, a[rel~=external], a[href]"));
        String name = specific != null && !specific.text().isBlank() ? clean(specific.text()) : clean(copy.text());
        return name;
    }

    private String clean(String raw) {
        String name = SAYS.matcher(raw.strip()).replaceAll("").strip();
        name = Regexes.of("^[\\s,;:|(@-]+|[\\s,;:|)-]+$").matcher(name).replaceAll("");
        return !name.isEmpty() && name.length() <= 60 && !looksLikeDate(name) ? name : null;
    }

    /** "by james on January 31, 2011": the name in a byline that also holds the date. */
    private static final Pattern BYLINE = Pattern.compile(
            "(?iu)^\\s*(?:by|par|von|posted by|écrit par|geschrieben von)\\s+(.{1,60}?)\\s+(?:on|le|am|at|,|-|–|\\|)\\s.*");

    String authorFromByline(String dateText) {
        if (dateText == null) {
            return null;
        }
        var m = BYLINE.matcher(dateText);
        return m.matches() ? Regexes.of("[\\s,;:|-]+$").matcher(m.group(1)).replaceAll("").strip() : null;
    }

    record DateFound(String text, Instant at) {}

    /**
     * The block's date: a machine-readable attribute first, else the text of a date-like element (one that also
     * gives a time of day preferred: the "joined" date beside a forum post has none), else the block's text outside
     * its body; read in the site's zone.
     */
    DateFound date(Element block, String selector) {
        DateFound textual = null;
        DateFound dayOnly = null;
        for (String one : selector == null ? DATES : List.of(selector)) {
            for (Element e : block.select(Selectors.of(one))) {
                for (String attr : new String[] {"datetime", "content", "title", "data-time", "data-timestamp"}) {
                    String value = e.attr(attr);
                    if (!value.isBlank() && Regexes.of(".*\\d.*").matcher(value).matches()) {
                        Instant at = read(value);
                        if (at != null) {
                            return new DateFound(value, at);
                        }
                    }
                }
                String text = e.text();
                if (text.length() <= 200) {
                    Instant at = read(text);
                    if (at != null) {
                        if (CommentDateParser.findTime(CommentDateParser.normalise(text)) != null) {
                            return new DateFound(text, at);
                        }
                        dayOnly = dayOnly == null ? new DateFound(text, at) : dayOnly;
                    } else if (textual == null && !text.isBlank()) {
                        textual = new DateFound(text, null);
                    }
                }
            }
            if (selector != null && dayOnly == null && textual == null) {
                return null;
            }
        }
        if (dayOnly != null) {
            return dayOnly;
        }
        if (selector == null) {
            Element outside = block.clone();
            outside.select(Selectors.of(BODY + ", " + BOILERPLATE)).remove();
            String head = outside.text();
            head = head.length() > 300 ? head.substring(0, 300) : head;
            Instant at = head.isBlank() ? null : read(head);
            if (at != null) {
                return new DateFound(head, at);
            }
        }
        return textual;
    }

    Instant read(String text) {
        if (Regexes.of("\\d{10}").matcher(text).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        return dates.parse(text, reference, language, dateFormat);
    }

    boolean looksLikeDate(String text) {
        return Regexes.of(".*\\d.*").matcher(text).matches() && dates.parse(text, reference, language) != null;
    }

    /** The commenter's text: the body element when the markup names one, else the block minus its metadata. */
    Element body(Element block, String selector) {
        Element body = null;
        if (selector != null) {
            body = block.selectFirst(Selectors.of(selector));
        } else {
            search:
            for (String one : BODIES) {
                for (Element candidate : block.select(Selectors.of(one))) {
                    if (candidate != block && candidate.text().length() >= 2) {
                        body = candidate;
                        break search;
                    }
                }
            }
        }
        Element copy = (body == null ? block : body).clone();
        copy.select(Selectors.of(BOILERPLATE)).remove();
        if (body != null && selector == null) {
            copy = innermost(copy);
        }
        if (body == null) {
            copy.select(Selectors.of(AUTHOR + ", " + DATE + ", header, footer, h1, h2, h3, h4, h5, h6")).remove();
        }
        return copy;
    }

    /** A body that wraps a more specific one holding most of its text (phpBB's postbody around its content). */
    private static Element innermost(Element body) {
        Element current = body;
        boolean deeper = true;
        while (deeper) {
            deeper = false;
            int length = current.text().length();
            for (String one : BODIES) {
                for (Element inner : current.select(Selectors.of(one))) {
                    if (inner != current && inner.text().length() * 2 >= length && inner.text().length() >= 2) {
                        current = inner;
                        deeper = true;
                        break;
                    }
                }
                if (deeper) {
                    break;
                }
            }
        }
        return current;
    }

    /** The block's own link: an anchor to its id, a permalink class, else the id on the page. */
    String permalink(Element block, String selector, String pageUrl, String anchor) {
        Element link = selector != null ? block.selectFirst(Selectors.of(selector))
                : block.selectFirst(Selectors.of("a.permalink, a.comment-permalink, [itemprop=url][href], a[rel=bookmark], "
                + ".comment-metadata a[href], .comment-meta a[href], a[href*=#comment], a[href*=#post], a[href*=#p]"));
        if (link != null && !link.absUrl("href").isEmpty()) {
            return link.absUrl("href");
        }
        return anchor == null ? null : stripFragment(pageUrl) + "#" + anchor;
    }

    /** Where to answer: the block's reply or quote link, else null (the thread then). */
    String replyLink(Element block, String selector) {
        Element link = block.selectFirst(Selectors.of(selector != null ? selector
                : "a.comment-reply-link, a[href*=replytocom], a.reply-link, .reply a[href], a[data-xf-click=quote], "
                + "a[href*=mode=quote], a[href*=mode=reply], a[href*=do=newreply], a[href*=reply]"));
        return link == null || link.absUrl("href").isEmpty() ? null : link.absUrl("href");
    }

    static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** The block's id, or that of its first descendant that has one that looks like a comment's. */
    static String anchorOf(Element block) {
        if (!block.id().isBlank()) {
            return block.id();
        }
        Elements named = block.select(Selectors.of("[id~=(?i)(comment|post|message|reply|c|p)[-_]?\\d+], a[name~=\\d]"));
        if (!named.isEmpty()) {
            Element first = named.first();
            return first.id().isBlank() ? first.attr("name") : first.id();
        }
        Element before = block.previousElementSibling();
        if (before != null && before.normalName().equals("a") && before.text().isBlank()
                && (before.hasAttr("id") || before.hasAttr("name"))) {
            return before.id().isBlank() ? before.attr("name") : before.id(); // <a id="comment-12"></a><div class="comment">
        }
        if (block.hasAttr("about") && block.attr("about").contains("#")) {
            return block.attr("about").substring(block.attr("about").indexOf('#') + 1); // RDFa's subject of the comment
        }
        return block.hasAttr("data-id") ? block.attr("data-id") : null;
    }
}
