package io.vigie.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated web: each site on its own loopback address (127.0.0.x), so ingest's per-host politeness and robots.txt
 * apply to it as to a real site. A site is named by its host name when this JVM resolves that name to its address
 * ({@code ./vigie demo} starts the JVM with {@code jdk.net.hosts.file} pointing at a hosts file that lists them);
 * otherwise by its address, and the demo says so.
 */
final class SimulatedWeb implements AutoCloseable {
    /** robots.txt of every site: crawlers welcome, except in /private/, one request a second. */
    static final String ROBOTS = "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n";

    /** One site. */
    static final class Site {
        final String name;
        final String address;
        final String about;
        final String baseUrl;
        final boolean namedByHost;
        final Map<String, DemoFeed> feeds = new LinkedHashMap<>();
        /** The site's forum without feeds, or null. */
        DemoForum forum;
        final AtomicInteger requests = new AtomicInteger();
        private final HttpServer server;
        private final DemoPages pages;

        Site(String name, String address, String about, int port, DemoPages pages) throws IOException {
            this.name = name;
            this.address = address;
            this.about = about;
            this.pages = pages;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 16);
            server.createContext("/", this::handle);
            server.start();
            namedByHost = resolvesHere(name, address);
            baseUrl = "http://" + (namedByHost ? name : address) + ":" + server.getAddress().getPort();
        }

        /** A forum without feeds: its index at {@code path}, its threads at {@code /t/<id>}. */
        DemoForum forum(String path, String title) {
            forum = new DemoForum(baseUrl, path, title);
            return forum;
        }

        DemoFeed feed(String path, String title, DemoFeed.Shape shape) {
            DemoFeed f = new DemoFeed(baseUrl, path, title, shape);
            feeds.put(path, f);
            return f;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                requests.incrementAndGet();
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/robots.txt")) {
                    send(exchange, 200, "text/plain; charset=utf-8", ROBOTS, null);
                    return;
                }
                DemoFeed feed = feeds.get(path);
                if (feed != null) {
                    String etag = feed.etag();
                    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        exchange.getResponseHeaders().set("ETag", etag);
                        exchange.sendResponseHeaders(304, -1);
                        return;
                    }
                    String type = feed.shape == DemoFeed.Shape.VIDEOS ? "application/atom+xml" : "application/rss+xml";
                    send(exchange, 200, type + "; charset=utf-8", feed.render(), etag);
                    return;
                }
                if (forum != null && path.equals(java.net.URI.create(forum.url()).getPath())) {
                    send(exchange, 200, "text/html; charset=utf-8", pages.render("forum-index", forum.indexModel()), null);
                    return;
                }
                if (forum != null && path.matches("/t/[0-9]{1,9}")) {
                    Map<String, Object> thread = forum.threadModel(Integer.parseInt(path.substring(3)));
                    if (thread != null) {
                        send(exchange, 200, "text/html; charset=utf-8", pages.render("forum-thread", thread), null);
                        return;
                    }
                }
                if (path.startsWith("/p/")) {
                    String id = path.substring(3);
                    for (DemoFeed f : feeds.values()) {
                        DemoFeed.Item i = f.find(id);
                        if (i != null) {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("title", i.title);
                            item.put("text", i.text);
                            item.put("author", i.author);
                            item.put("published", i.published.toString());
                            item.put("language", i.language);
                            item.put("views", i.views);
                            send(exchange, 200, "text/html; charset=utf-8",
                                    pages.render("item", Map.of("site", name, "item", item)), null);
                            return;
                        }
                    }
                }
                if (path.equals("/")) {
                    List<Map<String, Object>> list = new ArrayList<>();
                    feeds.values().forEach(f -> list.add(Map.of("path", f.path, "title", f.title, "size", f.size())));
                    if (forum != null) {
                        list.add(Map.of("path", java.net.URI.create(forum.url()).getPath(), "title", forum.title(),
                                "size", forum.indexModel().get("threads") instanceof List<?> l ? l.size() : 0));
                    }
                    send(exchange, 200, "text/html; charset=utf-8",
                            pages.render("site", Map.of("site", name, "about", about, "feeds", list)), null);
                    return;
                }
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n", null);
            }
        }

        private static void send(HttpExchange exchange, int status, String type, String body, String etag)
                throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            if (etag != null) {
                exchange.getResponseHeaders().set("ETag", etag);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
        }

        void close() {
            server.stop(0);
        }
    }

    private final List<Site> sites = new ArrayList<>();
    private final DemoPages pages;
    private final int port;

    /** @param port the port every site listens on (each on its own address); 0 for a free one each */
    SimulatedWeb(DemoPages pages, int port) {
        this.pages = pages;
        this.port = port;
    }

    Site site(String hostName, String address, String about) throws IOException {
        Site s = new Site(hostName, address, about, port, pages);
        sites.add(s);
        return s;
    }

    List<Site> sites() {
        return List.copyOf(sites);
    }

    private static boolean resolvesHere(String name, String address) {
        try {
            return InetAddress.getByName(name).getHostAddress().equals(address);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        sites.forEach(Site::close);
    }
}
