package io.vigie.ingest.crawl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the comments of a page that has neither a rule nor structured data: the repeated blocks that carry an
 * author or a date and some text. Blocks are grouped by their markup (tag and class or id pattern, e.g.
 * {@code li.comment}, {@code article.message}, {@code div#post-#}) or, for table layouts (phpBB 2, old vBulletin), by
 * the smallest ancestor around a post body that also holds an author; the group with the most valid blocks wins.
 * Nothing depends on the page's language: only markup names are read, which comment engines write in English.
 */
final class GenericCommentReader {
    /** Segments of a class or id naming one comment or post (segments are split on '-' and '_'). */
    private static final Set<String> ITEM_WORDS = Set.of("comment", "kommentar", "commentaire", "reaction", "reply",
            "answer", "review", "post", "message", "fil", "postbit", "postcontainer", "cpost", "topicpost", "msg",
            "comentario", "commentbox", "commentitem");
    /** Segments that name a part of a comment, or a list or form of them, rather than one comment. */
    private static final Set<String> PART_WORDS = Set.of("body", "content", "text", "meta", "metadata", "author",
            "date", "time", "avatar", "header", "footer", "actions", "action", "respond", "form", "list", "area", "count",
            "title", "link", "links", "nav", "navigation", "section", "inner", "edit", "awaiting", "moderation",
            "number", "permalink", "button", "icon", "user", "info", "details", "tools", "controls", "share", "like",
            "vote", "quote", "signature", "widget", "recent", "feed", "rss", "policy", "notice", "children", "tree",
            "pagination", "page", "paging", "new", "add", "submit", "closed", "status", "cell", "main", "reply-link",
            "wrap", "wrapper", "container", "holder", "box", "field", "label", "textarea", "input", "captcha", "login",
            "rating", "stars", "attribution", "lastedit", "preview", "excerpt", "summary", "teaser", "related",
            "thumbnail", "image", "img", "media", "tags", "tag", "category", "categories", "tab", "tabs", "sidebar",
            "subscribe", "subscription", "notify", "cancel", "template", "js", "bubble", "ad", "ads", "sponsored",
            "data", "id", "type", "format", "single", "standard", "status-publish", "has", "entry", "cont", "txt",
            "bottom", "top", "head", "foot", "infos", "meta-data", "byline", "by", "name", "says", "hidden", "loader",
            "loading", "more", "load", "show", "toggle", "thread", "threads", "topic", "level");
    private static final Pattern EXCLUDED_ZONE = Pattern.compile(
            "(?i)(^|[-_ ])(widget|sidebar|recent|related|popular|trending|most|menu|breadcrumb|footer-widgets|"
                    + "newsletter|cookie|pingback|trackback|pingbacks|trackbacks|teaser|teasers)([-_ ]|$)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final String POST_BODIES = ".postbody, .post_message, [id^=post_message_], .post-message, "
            + ".postcontent, .post_content, .messageText, .bbWrapper, .comment-content, .comment-text, .comment-body";

    /** A block's parts as read when it was judged valid, kept for the group that wins. */
    record Parsed(Element own, Element body, String author, BlockReader.DateFound date) {}

    /** A chosen group: its blocks in document order, how they were found, and each block's parts. */
    record Found(List<Element> blocks, String how, boolean forumLike, Map<Element, Parsed> parsed) {}

    Found find(Document doc, BlockReader reader) {
        Set<Element> excluded = excludedZones(doc);
        Map<String, List<Element>> groups = new LinkedHashMap<>();
        for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            if (excluded.contains(e)) {
                continue;
            }
            String tag = e.normalName();
            for (String cls : e.classNames()) {
                String key = itemKey(cls);
                if (key != null) {
                    groups.computeIfAbsent(tag + "." + key, k -> new ArrayList<>()).add(e);
                }
            }
            if (!e.id().isEmpty()) {
                String key = itemKey(e.id());
                if (key != null && DIGITS.matcher(e.id()).find()) {
                    groups.computeIfAbsent(tag + "#" + key, k -> new ArrayList<>()).add(e);
                }
            }
        }
        Found best = best(groups, reader);
        if (best == null) {
            // table layouts (phpBB 2, old vBulletin) name no block: look for it around each post body
            Map<String, List<Element>> bodyLed = new LinkedHashMap<>();
            bodyLedGroup(doc, excluded, reader, bodyLed);
            best = best(bodyLed, reader);
        }
        return best == null ? new Found(List.of(), "none", false, Map.of()) : best;
    }

    private static Found best(Map<String, List<Element>> groups, BlockReader reader) {
        List<Map.Entry<String, List<Element>>> bySize = new ArrayList<>(groups.entrySet());
        bySize.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
        Found best = null;
        int bestCount = 0;
        for (Map.Entry<String, List<Element>> g : bySize) {
            if (g.getValue().size() < bestCount) {
                break; // sorted by size: no smaller group can have more valid blocks
            }
            List<Element> members = withoutArticles(g.getValue());
            List<Element> valid = new ArrayList<>();
            Map<Element, Parsed> parsed = new IdentityHashMap<>();
            for (Element block : members) {
                Parsed p = valid(block, members, reader);
                if (p != null) {
                    valid.add(block);
                    parsed.put(block, p);
                }
            }
            boolean forumLike = namesPosts(g.getKey());
            if (valid.isEmpty() || forumLike && valid.size() < 2 && !g.getKey().startsWith("body:")) {
                continue; // one lone "post" block is most often the article itself
            }
            if (best == null || valid.size() > bestCount
                    || valid.size() == bestCount && contains(valid.get(0), best.blocks().get(0))) {
                best = new Found(valid, g.getKey(), forumLike, parsed);
                bestCount = valid.size();
            }
        }
        return best;
    }

    /**
     * Whether markup (a group's key, a rule's item selector) names a forum's posts rather than an article's comments:
     * a forum thread's first post is its opening post, a comment never is.
     */
    static boolean namesPosts(String markup) {
        return !markup.toLowerCase(java.util.Locale.ROOT)
                .matches("(?s).*(comment|kommentar|commentaire|reaction|review|answer|fil).*");
    }

    /** Whether {@code outer} is an ancestor of {@code inner}: the outer block is the whole comment, prefer it. */
    private static boolean contains(Element outer, Element inner) {
        for (Element p = inner.parent(); p != null; p = p.parent()) {
            if (p == outer) {
                return true;
            }
        }
        return false;
    }

    /** The class or id pattern when it names one comment or post, else null. */
    static String itemKey(String name) {
        String n = DIGITS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
        String[] segments = n.split("[-_]+");
        boolean item = false;
        for (String s : segments) {
            if (s.isEmpty()) {
                continue;
            }
            if (PART_WORDS.contains(s)) {
                return null;
            }
            item |= ITEM_WORDS.contains(s);
        }
        return item ? n : null;
    }

    /** Blocks inside sidebars, menus, widgets, "recent comments" lists, pingbacks: never comments of the page. */
    private static Set<Element> excludedZones(Document doc) {
        Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
        if (doc.body() == null) {
            return out;
        }
        for (Element e : doc.body().getAllElements()) {
            if (out.contains(e)) {
                continue;
            }
            String tag = e.normalName();
            boolean zone = tag.equals("nav") || tag.equals("form") || tag.equals("script") || tag.equals("template")
                    || EXCLUDED_ZONE.matcher(e.className()).find() || EXCLUDED_ZONE.matcher(e.id()).find();
            // a layout wrapper named "content-sidebar" holds the page itself: only zones without the main content
            if (zone && (tag.equals("form") || tag.equals("script")
                    || e.selectFirst(Selectors.of("main, article, h1, [role=main], #comments, .comment-list, .commentlist")) == null)) {
                out.addAll(e.getAllElements());
            }
        }
        return out;
    }

    /** Blocks that hold the page's headline are the article or a listing, not a comment. */
    private static List<Element> withoutArticles(List<Element> members) {
        List<Element> out = new ArrayList<>();
        for (Element m : members) {
            if (m.selectFirst(Selectors.of("h1, [itemprop=articleBody], .entry-content, #comments, .comments-area, .comment-list, "
                    + ".commentlist")) == null) {
                out.add(m);
            }
        }
        return out;
    }

    /** Table layouts: each post body's smallest enclosing block that also holds an author and no other body. */
    private static void bodyLedGroup(Document doc, Set<Element> excluded, BlockReader reader,
                                     Map<String, List<Element>> groups) {
        List<Element> bodies = doc.select(Selectors.of(POST_BODIES));
        List<Element> blocks = new ArrayList<>();
        for (Element body : bodies) {
            if (excluded.contains(body) || body.text().isBlank()) {
                continue;
            }
            for (Element p = body.parent(); p != null && p != doc.body(); p = p.parent()) {
                if (p.select(Selectors.of(POST_BODIES)).stream().filter(b -> !b.text().isBlank()).count() > 1) {
                    break;
                }
                if (reader.author(p, null) != null) {
                    if (!blocks.contains(p)) {
                        blocks.add(p);
                    }
                    break;
                }
            }
        }
        if (!blocks.isEmpty()) {
            groups.put("body:" + bodies.get(0).normalName() + "." + bodies.get(0).className(), blocks);
        }
    }

    /** A block is a comment when, its nested replies set apart, it has some text and an author or a date. */
    private static Parsed valid(Element block, List<Element> group, BlockReader reader) {
        Element own = ownPart(block, group);
        Element body = reader.body(own, null);
        String text = body.text();
        if (text.length() < 2 || own.selectFirst(Selectors.of("textarea, input[type=submit]")) != null && text.length() < 40) {
            return null;
        }
        String author = reader.author(own, null);
        BlockReader.DateFound date = reader.date(own, null);
        return author != null || date != null && date.at() != null ? new Parsed(own, body, author, date) : null;
    }

    /** A copy of the block without the nested blocks of its group (replies), so each comment keeps only its own text. */
    static Element ownPart(Element block, List<Element> group) {
        boolean nested = false;
        for (Element other : group) {
            if (other != block && contains(block, other)) {
                nested = true;
                break;
            }
        }
        Element own;
        if (!nested) {
            own = block;
        } else {
            own = block.clone();
            List<Element> originals = block.getAllElements();
            List<Element> copies = own.getAllElements();
            Set<Element> inGroup = Collections.newSetFromMap(new IdentityHashMap<>());
            inGroup.addAll(group);
            List<Element> toRemove = new ArrayList<>();
            for (int i = 1; i < originals.size() && i < copies.size(); i++) {
                if (inGroup.contains(originals.get(i))) {
                    toRemove.add(copies.get(i));
                }
            }
            toRemove.forEach(Element::remove);
        }
        if (own.normalName().equals("dt")) {
            Element dd = block.nextElementSibling();
            if (dd != null && dd.normalName().equals("dd")) {
                Element joined = new Element("div");
                joined.appendChild(own == block ? own.clone() : own);
                joined.appendChild(dd.clone());
                return joined;
            }
        }
        return own;
    }
}
