package io.vigie.ingest.crawl;

import io.vigie.ingest.crawl.dates.CommentDateParser;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads the parts of one comment block (author, date, body, permalink, reply link) the way comment markup commonly
 * writes them, whatever the language: by the markup's class names, microformats and elements, not by words.
 * Used by the generic reader and for the parts a site rule leaves out.
 */
final class BlockReader {
    static final String AUTHOR = "[itemprop=author] [itemprop=name], [itemprop=author], .comment-author .fn, "
            + ".comment-author a, .comment-author cite, .comment-author, .fn, .author-name, .comment-author-name, "
            + ".comment_author, .commentauthor, .username, .user-name, .userName, .message-name, .postauthor, "
            + ".poster, .post-author, .author, .commenter, .forum-author, .nom, .name, cite, a[rel~=author], "
            + ".vcard, .user, b.postauthor";
    static final String DATE = "time[datetime], [itemprop=datePublished], [itemprop=dateCreated], [itemprop=commentTime], "
            + "abbr.published[title], abbr[title], .comment-date, .comment-time, .commentmetadata, .comment-metadata, "
            + ".comment-meta, .date, .datetime, .time, .timestamp, .published, .posted, .post-date, .postdate, "
            + ".message-date, .forum-date, .date-comment, .meta, .postdetails, .postinfo, .author";
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

    /** The first short, non-empty author-like text of the block, cleaned of "says:", "Par", "von". */
    String author(Element block, String selector) {
        for (Element e : block.select(selector == null ? AUTHOR : selector)) {
            String name = e.hasAttr("content") && e.text().isBlank() ? e.attr("content") : e.text();
            name = SAYS.matcher(name.strip()).replaceAll("").strip();
            if (!name.isEmpty() && name.length() <= 80 && !looksLikeDate(name)) {
                return name;
            }
        }
        return null;
    }

    record DateFound(String text, Instant at) {}

    /** The block's date: a machine-readable attribute first, else the text of a date-like element, read in the site's zone. */
    DateFound date(Element block, String selector) {
        DateFound textual = null;
        for (Element e : block.select(selector == null ? DATE : selector)) {
            for (String attr : new String[] {"datetime", "content", "title", "data-time", "data-timestamp"}) {
                String value = e.attr(attr);
                if (!value.isBlank()) {
                    Instant at = read(value);
                    if (at != null) {
                        return new DateFound(value, at);
                    }
                }
            }
            String text = e.ownText().isBlank() ? e.text() : e.text();
            if (text.length() <= 200) {
                Instant at = read(text);
                if (at != null) {
                    return new DateFound(text, at);
                }
                if (textual == null && !text.isBlank()) {
                    textual = new DateFound(text, null);
                }
            }
        }
        return textual;
    }

    Instant read(String text) {
        if (text.matches("\\d{10}")) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        return dates.parse(text, reference, language, dateFormat);
    }

    boolean looksLikeDate(String text) {
        return text.matches(".*\\d.*") && dates.parse(text, reference, language) != null;
    }

    /** The commenter's text: the body element when the markup names one, else the block minus its metadata. */
    Element body(Element block, String selector) {
        Element body = null;
        if (selector != null) {
            body = block.selectFirst(selector);
        } else {
            for (Element candidate : block.select(BODY)) {
                if (!candidate.text().isBlank() && candidate != block) {
                    body = candidate;
                    break;
                }
            }
        }
        Element copy = (body == null ? block : body).clone();
        copy.select(BOILERPLATE).remove();
        if (body == null) {
            copy.select(AUTHOR + ", " + DATE + ", header, footer, h1, h2, h3, h4, h5, h6").remove();
        }
        return copy;
    }

    /** The block's own link: an anchor to its id, a permalink class, else the id on the page. */
    String permalink(Element block, String selector, String pageUrl, String anchor) {
        Element link = selector != null ? block.selectFirst(selector)
                : block.selectFirst("a.permalink, a.comment-permalink, [itemprop=url][href], a[rel=bookmark], "
                + ".comment-metadata a[href], .comment-meta a[href], a[href*=#comment], a[href*=#post], a[href*=#p]");
        if (link != null && !link.absUrl("href").isEmpty()) {
            return link.absUrl("href");
        }
        return anchor == null ? null : stripFragment(pageUrl) + "#" + anchor;
    }

    /** Where to answer: the block's reply or quote link, else null (the thread then). */
    String replyLink(Element block, String selector) {
        Element link = block.selectFirst(selector != null ? selector
                : "a.comment-reply-link, a[href*=replytocom], a.reply-link, .reply a[href], a[data-xf-click=quote], "
                + "a[href*=mode=quote], a[href*=mode=reply], a[href*=do=newreply], a[href*=reply]");
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
        Elements named = block.select("[id~=(?i)(comment|post|message|reply|c|p)[-_]?\\d+], a[name~=\\d]");
        if (!named.isEmpty()) {
            Element first = named.first();
            return first.id().isBlank() ? first.attr("name") : first.id();
        }
        return block.hasAttr("data-id") ? block.attr("data-id") : null;
    }
}
