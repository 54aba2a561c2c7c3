package io.vigie.app.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forum without feeds, as many are: an index page listing the threads and one HTML page per thread, read by
 * ingest's crawler (a {@code forum} source: each thread it finds on the index becomes a {@code thread} source). The
 * markup is phpBB-like ({@code a.topictitle}, {@code article.post} with an anchor per post), named by the demo's
 * crawl rule.
 */
final class DemoForum {
    /** A post of a thread: the first is the thread's opening post. */
    record Post(int number, String author, String text, String language, Instant at, String permalink) {}

    /** A thread and its posts, oldest first. */
    static final class Thread {
        final int id;
        final String title;
        final String language;
        final String url;
        private final List<Post> posts = new ArrayList<>();

        Thread(int id, String title, String language, String url) {
            this.id = id;
            this.title = title;
            this.language = language;
            this.url = url;
        }
    }

    private final String siteUrl;
    private final String path;
    private final String title;
    private final Map<Integer, Thread> threads = new LinkedHashMap<>();

    DemoForum(String siteUrl, String path, String title) {
        this.siteUrl = siteUrl;
        this.path = path;
        this.title = title;
    }

    /** The index page's URL: what the {@code forum} source reads. */
    String url() {
        return siteUrl + path;
    }

    String title() {
        return title;
    }

    /** Opens a thread with its first post. */
    synchronized Thread open(String threadTitle, String author, String text, String language, Instant at) {
        int id = threads.size() + 1;
        Thread t = new Thread(id, threadTitle, language, siteUrl + "/t/" + id);
        threads.put(id, t);
        reply(t, author, text, language, at);
        return t;
    }

    /** Adds a post at the end of {@code thread}. */
    synchronized Post reply(Thread thread, String author, String text, String language, Instant at) {
        int n = thread.posts.size() + 1;
        Post p = new Post(n, author, text, language, at, thread.url + "#p" + n);
        thread.posts.add(p);
        return p;
    }

    /** The model of the index page: threads, newest activity first. */
    synchronized Map<String, Object> indexModel() {
        List<Map<String, Object>> list = new ArrayList<>();
        threads.values().stream()
                .sorted((a, b) -> last(b).compareTo(last(a)))
                .forEach(t -> list.add(Map.of("id", t.id, "title", t.title, "posts", t.posts.size(),
                        "last", last(t).toString())));
        return Map.of("forum", title, "threads", list);
    }

    /** The model of a thread's page, or null for an unknown id. */
    synchronized Map<String, Object> threadModel(int id) {
        Thread t = threads.get(id);
        if (t == null) {
            return null;
        }
        List<Map<String, Object>> posts = new ArrayList<>();
        for (Post p : t.posts) {
            posts.add(Map.of("number", p.number(), "author", p.author(), "text", p.text(), "at", p.at().toString(),
                    "language", p.language()));
        }
        return Map.of("forum", title, "id", t.id, "title", t.title, "language", t.language, "posts", posts);
    }

    private static Instant last(Thread t) {
        return t.posts.get(t.posts.size() - 1).at();
    }
}
