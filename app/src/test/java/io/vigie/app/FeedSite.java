package io.vigie.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local site publishing an RSS 2.0 feed (JDK HttpServer on 127.0.0.1, a free port): items are added while it runs,
 * each dated when it was added, newest first; anything else (robots.txt included) is 404.
 */
final class FeedSite implements AutoCloseable {
    private final HttpServer server;
    private final List<String> items = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private int next;

    private FeedSite(HttpServer server) {
        this.server = server;
    }

    static FeedSite start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        FeedSite site = new FeedSite(server);
        server.createContext("/", site::handle);
        server.start();
        return site;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String feedUrl() {
        return base() + "/feed.xml";
    }

    /** Adds an item dated now; returns its link (also its guid). */
    synchronized String publish(String title, String text) {
        String link = base() + "/posts/" + (++next);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        items.add(0, "<item><title>" + escape(title) + "</title><link>" + link + "</link><guid>" + link + "</guid>"
                + "<pubDate>" + date + "</pubDate><description>" + escape(text) + "</description></item>");
        return link;
    }

    /** How many times the feed was fetched. */
    int fetches() {
        return fetches.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/feed.xml")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String body;
            synchronized (this) {
                body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Forum vélo</title>"
                        + "<link>" + base() + "/</link><description>Discussions</description>"
                        + String.join("", items) + "</channel></rss>";
            }
            fetches.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
