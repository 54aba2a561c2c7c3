package io.vigie.ingest.feeds.corpus;

import io.vigie.ingest.feeds.FeedCategory;
import io.vigie.ingest.feeds.FeedDocument;
import io.vigie.ingest.feeds.FeedEnclosure;
import io.vigie.ingest.feeds.FeedEntry;
import io.vigie.ingest.feeds.FeedLink;
import io.vigie.ingest.feeds.FeedPerson;
import io.vigie.ingest.feeds.FeedText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vigie's reading of a feed, shaped like feedparser's result so the corpus's {@code Expect:} lines can be
 * evaluated on it. Only the fields Vigie uses are present; {@link #APPLICABLE} lists them.
 */
final class FeedparserView {

    /** Key paths (below feed / entries) Vigie reads and so is judged on. */
    static final Set<String> APPLICABLE = withPrefixes(List.of(
            "feed.title", "feed.title_detail.value", "feed.title_detail.type", "feed.link",
            "feed.links[].href", "feed.links[].rel", "feed.links[].type", "feed.links[].title", "feed.language",
            "feed.author", "feed.author_detail.name", "feed.author_detail.email", "feed.author_detail.href",
            "feed.author_detail.url", "feed.authors[].name", "feed.authors[].email", "feed.authors[].href",
            "feed.authors[].url",
            "entries[].id", "entries[].title", "entries[].title_detail.value", "entries[].title_detail.type",
            "entries[].link", "entries[].links[].href", "entries[].links[].rel", "entries[].links[].type",
            "entries[].links[].title", "entries[].links[].length", "entries[].description", "entries[].summary",
            "entries[].summary_detail.value", "entries[].summary_detail.type", "entries[].content[].value",
            "entries[].content[].type", "entries[].published_parsed", "entries[].updated_parsed",
            "entries[].author", "entries[].author_detail.name", "entries[].author_detail.email",
            "entries[].author_detail.href", "entries[].author_detail.url", "entries[].authors[].name",
            "entries[].authors[].email", "entries[].authors[].href", "entries[].authors[].url",
            "entries[].tags[].term", "entries[].tags[].scheme", "entries[].tags[].label", "entries[].category",
            "entries[].enclosures[].href", "entries[].enclosures[].url", "entries[].enclosures[].type",
            "entries[].enclosures[].length", "entries[].comments", "entries[].wfw_commentrss",
            "entries[].media_thumbnail[].url", "entries[].media_content[].url"));

    private FeedparserView() {}

    private static Set<String> withPrefixes(List<String> paths) {
        Set<String> out = new HashSet<>();
        for (String p : paths) {
            out.add(p);
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) == '.' || p.charAt(i) == '[') {
                    out.add(p.substring(0, i));
                }
            }
            if (p.contains("[]")) {
                out.add(p.substring(0, p.lastIndexOf("[]") + 2));
            }
        }
        return out;
    }

    static Map<String, Object> feed(FeedDocument d) {
        Map<String, Object> f = new LinkedHashMap<>();
        putText(f, "title", d.title());
        put(f, "link", d.link());
        if (!d.links().isEmpty()) {
            f.put("links", links(d.links()));
        }
        put(f, "language", d.language());
        putPeople(f, d.authors());
        return f;
    }

    static List<Object> entries(FeedDocument d) {
        List<Object> out = new ArrayList<>();
        for (FeedEntry e : d.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "id", e.id());
            putText(m, "title", e.title());
            put(m, "link", e.link());
            if (!e.links().isEmpty()) {
                m.put("links", links(e.links()));
            }
            FeedText summary = e.summary() != null ? e.summary() : (e.contents().isEmpty() ? null : e.contents().get(0));
            putText(m, "summary", summary);
            if (summary != null) {
                m.put("description", summary.value());
            }
            if (!e.contents().isEmpty()) {
                List<Object> contents = new ArrayList<>();
                for (FeedText c : e.contents()) {
                    contents.add(detail(c));
                }
                m.put("content", contents);
            }
            if (e.published() != null) {
                m.put("published_parsed", timeTuple(e.published()));
            }
            if (e.updated() != null || e.published() != null) {
                m.put("updated_parsed", timeTuple(e.updated() != null ? e.updated() : e.published()));
            }
            putPeople(m, e.authors());
            if (!e.categories().isEmpty()) {
                List<Object> tags = new ArrayList<>();
                for (FeedCategory c : e.categories()) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("term", c.term());
                    t.put("scheme", c.scheme());
                    t.put("label", c.label());
                    tags.add(t);
                }
                m.put("tags", tags);
                m.put("category", e.categories().get(0).term());
            }
            if (!e.enclosures().isEmpty()) {
                List<Object> enclosures = new ArrayList<>();
                List<Object> mediaContent = new ArrayList<>();
                for (FeedEnclosure x : e.enclosures()) {
                    Map<String, Object> en = new LinkedHashMap<>();
                    en.put("href", x.url());
                    en.put("url", x.url());
                    if (x.type() != null) {
                        en.put("type", x.type());
                    }
                    if (x.length() != null) {
                        en.put("length", String.valueOf(x.length()));
                    }
                    (x.medium() != null || x.type() == null ? mediaContent : enclosures).add(en);
                }
                if (!enclosures.isEmpty()) {
                    m.put("enclosures", enclosures);
                }
                if (!mediaContent.isEmpty()) {
                    m.put("media_content", mediaContent);
                }
            }
            put(m, "comments", e.commentsUrl());
            put(m, "wfw_commentrss", e.commentFeedUrl());
            if (e.thumbnailUrl() != null) {
                m.put("media_thumbnail", List.of(Map.of("url", e.thumbnailUrl())));
            }
            out.add(m);
        }
        return out;
    }

    private static List<Object> links(List<FeedLink> links) {
        List<Object> out = new ArrayList<>();
        for (FeedLink l : links) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("href", l.href());
            m.put("rel", l.rel());
            if (l.type() != null) {
                m.put("type", l.type());
            }
            if (l.title() != null) {
                m.put("title", l.title());
            }
            if (l.length() != null) {
                m.put("length", String.valueOf(l.length()));
            }
            out.add(m);
        }
        return out;
    }

    private static void putPeople(Map<String, Object> m, List<FeedPerson> people) {
        if (people.isEmpty()) {
            return;
        }
        List<Object> authors = new ArrayList<>();
        for (FeedPerson p : people) {
            authors.add(person(p));
        }
        m.put("authors", authors);
        m.put("author_detail", person(people.get(0)));
        FeedPerson first = people.get(0);
        String author = first.name() != null && first.email() != null
                ? first.name() + " (" + first.email() + ")"
                : first.display();
        put(m, "author", author);
    }

    private static Map<String, Object> person(FeedPerson p) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "name", p.name());
        put(m, "email", p.email());
        put(m, "href", p.uri());
        put(m, "url", p.uri());
        return m;
    }

    private static void putText(Map<String, Object> m, String key, FeedText t) {
        if (t == null) {
            return;
        }
        m.put(key, t.value());
        m.put(key + "_detail", detail(t));
    }

    private static Map<String, Object> detail(FeedText t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("value", t.value());
        d.put("type", t.isHtml() ? "text/html" : "text/plain");
        return d;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** Python's time.struct_time as feedparser gives it: UTC, weekday Monday=0, day of year, no DST. */
    static List<Object> timeTuple(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return List.of((long) t.getYear(), (long) t.getMonthValue(), (long) t.getDayOfMonth(), (long) t.getHour(),
                (long) t.getMinute(), (long) t.getSecond(), (long) (t.getDayOfWeek().getValue() - 1),
                (long) t.getDayOfYear(), 0L);
    }
}
