package io.vigie.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigie.model.VigieJson;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the demo's alerts land: a real SMTP server (GreenMail, in this process, on 127.0.0.1), a chat webhook receiver
 * (Mattermost's incoming-webhook format: a JSON {@code {"text": …}} in Markdown), and one page listing both, with
 * their links (acknowledge, resolve, dashboard) clickable.
 */
final class DemoInbox implements AutoCloseable {
    /** A link found in a message. */
    record Link(String label, String url) {}

    /** A received e-mail: recipients, subject, text part, links, when. */
    record Mail(String to, String subject, String text, List<Link> links, Instant received) {}

    /** A received chat message. */
    record Chat(String text, List<Link> links, Instant received) {}

    private static final ObjectMapper JSON = VigieJson.newMapper();
    private static final Pattern TEXT_LINK = Pattern.compile("(?m)^([^:\\n]{1,40}): (https?://\\S+)\\s*$");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]{1,60})\\]\\((https?://[^)\\s]+)\\)");

    private final GreenMail smtp;
    private final HttpServer http;
    private final DemoPages pages;
    private final List<Chat> chats = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> mailSeen = new LinkedHashMap<>();

    DemoInbox(int smtpPort, int httpPort, DemoPages pages) throws IOException {
        this.pages = pages;
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 16);
        http.createContext("/", this::handle);
        http.start();
    }

    int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    String pageUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    String chatHookUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/chat/hook";
    }

    /** The e-mails received so far, oldest first. */
    synchronized List<Mail> mails() {
        List<Mail> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                String text = java.util.Objects.requireNonNullElse(textPart(m), "");
                String key = m.getMessageID() == null ? String.valueOf(out.size()) : m.getMessageID();
                Instant received = mailSeen.computeIfAbsent(key, k -> Instant.now());
                out.add(new Mail(String.join(", ", java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString)
                        .toList()), m.getSubject(), text, links(TEXT_LINK, text), received));
            } catch (Exception e) {
                out.add(new Mail("?", "(unreadable message: " + e.getMessage() + ")", "", List.of(), Instant.now()));
            }
        }
        return out;
    }

    List<Chat> chats() {
        return List.copyOf(chats);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/chat/hook") && exchange.getRequestMethod().equals("POST")) {
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                String text = body.path("text").asText("");
                chats.add(new Chat(text, links(MARKDOWN_LINK, text), Instant.now()));
                send(exchange, 200, "text/plain", "ok");
                return;
            }
            if (!path.equals("/")) {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            List<Map<String, Object>> mails = new ArrayList<>();
            for (Mail m : mails()) {
                mails.add(Map.of("subject", m.subject(), "to", m.to(), "text", m.text(), "received",
                        m.received().toString(), "links", linkMaps(m.links())));
            }
            List<Map<String, Object>> chatList = new ArrayList<>();
            for (Chat c : chats) {
                chatList.add(Map.of("text", c.text(), "received", c.received().toString(), "links", linkMaps(c.links())));
            }
            send(exchange, 200, "text/html; charset=utf-8", pages.render("inbox", Map.of("smtp",
                    "127.0.0.1:" + smtpPort(), "chatHook", chatHookUrl(), "mails", mails, "chats", chatList)));
        }
    }

    private static List<Map<String, Object>> linkMaps(List<Link> links) {
        return links.stream().map(l -> Map.<String, Object>of("label", l.label(), "url", l.url())).toList();
    }

    private static List<Link> links(Pattern p, String text) {
        List<Link> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new Link(m.group(1).strip(), m.group(2)));
        }
        return out;
    }

    private static String textPart(Part p) throws Exception {
        if (p.isMimeType("text/plain")) {
            return String.valueOf(p.getContent());
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                String t = textPart(part);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
