package io.vigie.alerting.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigie.alerting.channels.WebhookSignature;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP endpoint standing for a webhook, chat or SMS receiver in tests and the benchmark: records every
 * request, checks the Vigie signature when given the secret, honours the idempotency key (a key seen before is
 * acknowledged but not counted again), and can be taken down and brought back on the same port.
 */
public final class RecordingEndpoint implements AutoCloseable {
    /** One request as received. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body,
            long receivedNanos) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final String secret;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Request> firstByKey = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private int port;
    private HttpServer server;

    /** @param secret the webhook secret to verify signatures with, or null to not check them */
    public RecordingEndpoint(String secret) throws IOException {
        this.secret = secret;
        this.port = 0;
        up();
    }

    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        s.createContext("/", this::handle);
        s.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "recording-endpoint");
            t.setDaemon(true);
            return t;
        }));
        s.start();
        port = s.getAddress().getPort();
        server = s;
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body, at);
        int status = 200;
        if (secret != null && r.header(WebhookSignature.SIGNATURE_HEADER) != null
                && !WebhookSignature.verify(secret, r.header(WebhookSignature.TIMESTAMP_HEADER), body,
                        r.header(WebhookSignature.SIGNATURE_HEADER))) {
            badSignatures.incrementAndGet();
            status = 401;
        }
        synchronized (this) {
            requests.add(r);
            String key = r.header(WebhookSignature.IDEMPOTENCY_HEADER);
            if (status == 200 && key != null && firstByKey.putIfAbsent(key, r) != null) {
                duplicates.incrementAndGet();
            }
            notifyAll();
        }
        byte[] answer = (status == 200 ? "ok" : "bad signature").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until at least {@code count} requests reached {@code path}; returns them. */
    public synchronized List<Request> await(String path, int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (requests(path).size() < count) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return requests(path);
    }

    /** Distinct idempotency keys accepted, each with its first request. */
    public Map<String, Request> firstByKey() {
        return Map.copyOf(firstByKey);
    }

    public int duplicates() {
        return duplicates.get();
    }

    public int badSignatures() {
        return badSignatures.get();
    }

    @Override
    public void close() {
        down();
    }
}
