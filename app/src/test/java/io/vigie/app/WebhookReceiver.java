package io.vigie.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint on 127.0.0.1 that records what it receives and checks each signature itself, as a receiver
 * would: {@code X-Vigie-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))}.
 */
final class WebhookReceiver implements AutoCloseable {
    record Request(String timestamp, String signature, String idempotencyKey, String body, JsonNode json,
            boolean signatureValid) {}

    private final HttpServer server;
    private final String secret;
    private final List<Request> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server, String secret) {
        this.server = server;
        this.secret = secret;
    }

    static WebhookReceiver start(String secret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server, secret);
        server.createContext("/hook", receiver::handle);
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Request> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Vigie-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Vigie-Signature");
            received.add(new Request(timestamp, signature, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    body, VigieJson.newMapper().readTree(body), valid(timestamp, body, signature)));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private boolean valid(String timestamp, String body, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
