package io.vigie.ingest.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.model.Engagement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * schema.org data about a page's discussion, from JSON-LD (read as plain JSON with Jackson), microdata
 * ({@code itemscope}/{@code itemprop}) and RDFa Lite ({@code typeof}/{@code property}).
 *
 * <p>JSON-LD is read without expanding its {@code @context}: pages use the schema.org vocabulary by its short
 * names, and expansion (jsonld-java, Titanium) would fetch the context document from schema.org at run time, which
 * the crawler must not do. Apache Any23, the one Java reader of all three syntaxes, was retired to the Apache Attic
 * in 2023; microdata and RDFa Lite are a handful of attributes, read here with jsoup.
 */
final class StructuredDataReader {
    private static final Set<String> COMMENT_TYPES = Set.of("Comment", "UserComments", "Answer", "Review");
    private static final Set<String> POST_TYPES = Set.of("DiscussionForumPosting", "BlogPosting", "NewsArticle",
            "Article", "SocialMediaPosting", "Question", "VideoObject", "LiveBlogPosting", "Report", "TechArticle");

    record Found(List<PageComment> comments, Long declaredCount, Engagement engagement, List<String> notes) {}

    private final ObjectMapper json = new ObjectMapper();

    Found read(Document doc, String pageUrl, BlockReader dates) {
        List<PageComment> comments = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Long[] declared = {null};
        Engagement[] engagement = {Engagement.NONE};
        for (Element script : doc.select(Selectors.of("script[type=application/ld+json]"))) {
            try {
                walk(json.readTree(script.data()), comments, declared, engagement, pageUrl, dates, null);
            } catch (java.io.IOException e) {
                notes.add("unreadable JSON-LD block: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        int fromJson = comments.size();
        for (Element item : doc.select(Selectors.of("[itemscope][itemtype], [typeof]"))) {
            String type = typeOf(item);
            boolean rdfa = !item.hasAttr("itemtype");
            String prop = rdfa ? "property" : "itemprop";
            if (COMMENT_TYPES.contains(type) && fromJson == 0) {
                PageComment c = microdataComment(item, prop, comments.size() + 1, pageUrl, dates);
                if (c != null) {
                    comments.add(c);
                }
            } else if (POST_TYPES.contains(type)) {
                Element count = item.selectFirst(Selectors.of("[" + prop + "=commentCount]"));
                if (count != null && declared[0] == null) {
                    declared[0] = number(count.hasAttr("content") ? count.attr("content") : count.text());
                }
                Element views = item.selectFirst(Selectors.of("[" + prop + "=interactionCount], [" + prop + "=userInteractionCount]"));
                if (type.equals("VideoObject") && views != null) {
                    Long n = number(views.hasAttr("content") ? views.attr("content") : views.text());
                    engagement[0] = new Engagement(n, null, null, declared[0], null, null, null);
                }
            }
        }
        return new Found(comments, declared[0], engagement[0], notes);
    }

    private static String typeOf(Element item) {
        String t = item.hasAttr("itemtype") ? item.attr("itemtype") : item.attr("typeof");
        t = t.strip();
        int space = t.indexOf(' ');
        t = space < 0 ? t : t.substring(0, space);
        int slash = Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'));
        return slash < 0 ? t : t.substring(slash + 1);
    }

    private PageComment microdataComment(Element item, String prop, int position, String pageUrl, BlockReader dates) {
        Element author = item.selectFirst(Selectors.of("[" + prop + "=author] [" + prop + "=name]"));
        author = author != null ? author : item.selectFirst(Selectors.of("[" + prop + "=author], [" + prop + "=creator]"));
        Element text = item.selectFirst(Selectors.of("[" + prop + "=text], [" + prop + "=reviewBody], [" + prop + "=commentText], ["
                + prop + "=description]"));
        Element date = item.selectFirst(Selectors.of("[" + prop + "=datePublished], [" + prop + "=dateCreated], [" + prop
                + "=commentTime]"));
        if (text == null || text.text().isBlank()) {
            return null;
        }
        String dateText = date == null ? null
                : date.hasAttr("content") ? date.attr("content") : date.hasAttr("datetime") ? date.attr("datetime") : date.text();
        Instant at = dateText == null ? null : dates.read(dateText);
        String anchor = BlockReader.anchorOf(item);
        Element url = item.selectFirst(Selectors.of("[" + prop + "=url][href]"));
        String authorName = author == null ? null
                : author.hasAttr("content") && author.text().isBlank() ? author.attr("content") : author.text().strip();
        return new PageComment(anchor, position, null, authorName, dateText, at, text.text(), text.html(),
                url != null ? url.absUrl("href") : anchor == null ? null : BlockReader.stripFragment(pageUrl) + "#" + anchor,
                null);
    }

    private void walk(JsonNode node, List<PageComment> out, Long[] declared, Engagement[] engagement, String pageUrl,
                      BlockReader dates, String parent) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                walk(n, out, declared, engagement, pageUrl, dates, parent);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String type = jsonType(node);
        if (COMMENT_TYPES.contains(type)) {
            String text = firstText(node, "text", "reviewBody", "commentText", "description");
            if (text != null && !text.isBlank()) {
                String date = firstText(node, "datePublished", "dateCreated", "commentTime");
                String url = firstText(node, "url", "@id");
                String anchor = url != null && url.contains("#") ? url.substring(url.indexOf('#') + 1) : null;
                PageComment c = new PageComment(anchor, out.size() + 1, parent, personName(node.get("author")), date,
                        date == null ? null : dates.read(date), org.jsoup.Jsoup.parse(text).text(), null,
                        url == null ? null : url, null);
                out.add(c);
                for (String replies : new String[] {"comment", "comments", "replies"}) {
                    walk(node.get(replies), out, declared, engagement, pageUrl, dates, anchor);
                }
            }
            return;
        }
        if (POST_TYPES.contains(type)) {
            JsonNode count = node.get("commentCount");
            if (count != null && declared[0] == null) {
                declared[0] = number(count.asText());
            }
            Long views = null;
            Long likes = null;
            Long replies = null;
            for (JsonNode stat : iterable(node.get("interactionStatistic"))) {
                JsonNode interaction = stat.get("interactionType");
                String kind = interaction == null ? "" : interaction.isObject() ? jsonType(interaction) : interaction.asText();
                kind = kind.substring(Math.max(kind.lastIndexOf('/'), kind.lastIndexOf(':')) + 1);
                Long n = number(stat.path("userInteractionCount").asText());
                switch (kind) {
                    case "WatchAction", "ViewAction" -> views = n;
                    case "LikeAction" -> likes = n;
                    case "CommentAction", "ReplyAction" -> replies = n;
                    default -> { }
                }
            }
            if (views != null || likes != null || replies != null) {
                engagement[0] = new Engagement(views, likes, null, replies, null, null, null);
                if (declared[0] == null && replies != null && type.equals("DiscussionForumPosting")) {
                    declared[0] = replies + 1; // the opening post and its replies
                }
            }
        }
        for (String key : new String[] {"@graph", "comment", "comments", "suggestedAnswer", "acceptedAnswer", "review",
                "mainEntity", "hasPart"}) {
            walk(node.get(key), out, declared, engagement, pageUrl, dates, parent);
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        if (n == null) {
            return List.of();
        }
        if (n.isArray()) {
            return n;
        }
        return List.of(n);
    }

    private static String jsonType(JsonNode node) {
        if (node == null) {
            return "";
        }
        JsonNode t = node.get("@type");
        if (t == null) {
            return "";
        }
        String s = t.isArray() && t.size() > 0 ? t.get(0).asText() : t.asText();
        return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1);
    }

    private static String firstText(JsonNode node, String... keys) {
        for (String k : keys) {
            JsonNode v = node.get(k);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static String personName(JsonNode author) {
        if (author == null) {
            return null;
        }
        if (author.isArray()) {
            return author.isEmpty() ? null : personName(author.get(0));
        }
        if (author.isTextual()) {
            return author.asText();
        }
        JsonNode name = author.get("name");
        return name == null ? null : name.asText();
    }

    static Long number(String s) {
        if (s == null) {
            return null;
        }
        String digits = s.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 18) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
