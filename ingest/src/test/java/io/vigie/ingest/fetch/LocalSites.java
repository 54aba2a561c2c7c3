package io.vigie.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local HTTP servers on several loopback addresses (127.0.0.2, 127.0.0.3 …), each standing for a different site;
 * routes are set per test, requests are recorded, and concurrent requests are counted per site.
 */
public final class LocalSites implements AutoCloseable {

    /** A route's answer. */
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    public static final class Site {
        final HttpServer server;
        final Map<String, Handler> routes = new ConcurrentHashMap<>();
        public final List<String> requests = new CopyOnWriteArrayList<>();
        public final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
        public final AtomicInteger inFlight = new AtomicInteger();
        public final AtomicInteger maxInFlight = new AtomicInteger();

        Site(String address) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 32);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", exchange -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    requests.add(exchange.getRequestURI().toString());
                    requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
                    Handler h = routes.get(exchange.getRequestURI().getPath());
                    if (h == null) {
                        exchange.sendResponseHeaders(404, -1);
                    } else {
                        h.handle(exchange);
                    }
                } finally {
                    inFlight.decrementAndGet();
                    exchange.close();
                }
            });
            server.start();
        }

        public Site route(String path, Handler handler) {
            routes.put(path, handler);
            return this;
        }

        public String url(String path) {
            return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
        }

        public String host() {
            return server.getAddress().getAddress().getHostAddress();
        }
    }

    private final List<Site> sites = new ArrayList<>();

    public Site site(int lastOctet) throws IOException {
        Site s = new Site("127.0.0." + lastOctet);
        sites.add(s);
        return s;
    }

    public static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        sites.forEach(s -> s.server.stop(0));
    }
}
