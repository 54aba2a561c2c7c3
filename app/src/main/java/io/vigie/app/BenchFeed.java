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

/**
 * One brand's site for {@code vigie bench pipeline}: an RSS feed on its own loopback address, items dated when
 * published, newest first. It remembers when each item was published and when each response was served, so the
 * bench can tell when ingest first fetched an item (the first response served after the item was added).
 */
final class BenchFeed implements AutoCloseable {
    /** A response: when it was written out (epoch ms) and how many items it held (items 1..count). */
    record Served(long atMs, int count) {}

    final String host;
    final String brand;
    private final HttpServer server;
    private final List<String> items = new ArrayList<>();
    private final List<Long> publishedAtMs = new ArrayList<>();
    private final List<Served> served = new ArrayList<>();
    private volatile java.net.URI pingEndpoint;
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private BenchFeed(HttpServer server, String host, String brand) {
        this.server = server;
        this.host = host;
        this.brand = brand;
    }

    static BenchFeed start(String host, String brand) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        BenchFeed feed = new BenchFeed(server, host, brand);
        server.createContext("/", feed::handle);
        server.start();
        return feed;
    }

    String url() {
        return "http://" + host + ":" + server.getAddress().getPort() + "/feed.xml";
    }

    /** The title ingest will see for item {@code number} (1-based), which the bench uses to find it on topics. */
    String title(int number) {
        return brand + " " + number;
    }

    /**
     * From now on, every publication is followed by a ping to {@code endpoint} (ingest's push route), as a site
     * that notifies its WebSub hub, or the hub its subscribers, does.
     */
    void pingOnPublish(java.net.URI endpoint) {
        this.pingEndpoint = endpoint;
    }

    /** Adds one item (and pings, when asked to) and returns its number (1-based). */
    int publish(String text) {
        int number = add(text);
        java.net.URI ping = pingEndpoint;
        if (ping != null) {
            try {
                var response = HTTP.send(java.net.http.HttpRequest.newBuilder(ping)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("url="
                                + java.net.URLEncoder.encode(url(), StandardCharsets.UTF_8)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 202) {
                    throw new IllegalStateException("ping refused with HTTP " + response.statusCode());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("ping failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return number;
    }

    private synchronized int add(String text) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        int number = items.size() + 1;
        String link = "http://" + host + ":" + server.getAddress().getPort() + "/posts/" + number;
        items.add(0, "<item><title>" + title(number) + "</title><link>" + link + "</link><guid>" + link
                + "</guid><pubDate>" + date + "</pubDate><description>" + text + "</description></item>");
        publishedAtMs.add(System.currentTimeMillis());
        return number;
    }

    synchronized long publishedAtMs(int number) {
        return publishedAtMs.get(number - 1);
    }

    /** When the first response holding item {@code number} was written out, or -1 if none was yet. */
    synchronized long firstServedMs(int number) {
        for (Served s : served) {
            if (s.count() >= number) {
                return s.atMs();
            }
        }
        return -1;
    }

    /** Times between two consecutive requests, in ms: the poll cadence ingest actually kept. */
    synchronized List<Long> requestGapsMs() {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < served.size(); i++) {
            gaps.add(served.get(i).atMs() - served.get(i - 1).atMs());
        }
        return gaps;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/feed.xml")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String body;
            int count;
            synchronized (this) {
                count = items.size();
                // An ETag per content, as most feed servers send: ingest's conditional GET then costs a 304.
                String etag = "\"" + count + "\"";
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    served.add(new Served(System.currentTimeMillis(), count));
                    return;
                }
                body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + brand
                        + "</title><link>http://" + host + "/</link><description>bench</description>"
                        + String.join("", items) + "</channel></rss>";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
            synchronized (this) {
                served.add(new Served(System.currentTimeMillis(), count));
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
