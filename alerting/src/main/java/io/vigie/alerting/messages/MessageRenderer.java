package io.vigie.alerting.messages;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.incidents.IncidentTracker;
import io.vigie.model.IncidentEvent;
import io.vigie.model.Notification;
import io.vigie.model.ScoredMention;
import io.vigie.model.SentimentLabel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders notifications from the Pebble templates under {@code io/vigie/alerting/messages/}, in the receiver's
 * language and time zone. Each channel's template is rendered by an engine whose automatic escaping suits it,
 * so a brand or a mention title can never break the HTML, the JSON or the chat markup.
 */
public final class MessageRenderer {
    public static final String BUNDLE = "io.vigie.alerting.messages.alerts";
    private static final int TOP_MENTIONS = 5;

    private final AlertingConfig config;
    private final LinkSigner signer;
    private final MentionDetails mentions;
    private final Map<String, PebbleEngine> engines = new HashMap<>();
    private final Map<String, PebbleEngine> inlineEngines = new HashMap<>();
    private final Map<String, PebbleTemplate> inlineTemplates = new ConcurrentHashMap<>();

    public MessageRenderer(AlertingConfig config, LinkSigner signer, MentionDetails mentions) {
        this.config = config;
        this.signer = signer;
        this.mentions = mentions;
        for (String strategy : List.of("html", "json", "mrkdwn", "markdown", "text", "url_param")) {
            engines.put(strategy, engine(strategy, new ClasspathLoader()));
            inlineEngines.put(strategy, engine(strategy, new StringLoader()));
        }
    }

    private static PebbleEngine engine(String strategy, io.pebbletemplates.pebble.loader.Loader<?> loader) {
        if (loader instanceof ClasspathLoader c) {
            c.setPrefix("io/vigie/alerting/messages");
        }
        PebbleEngine.Builder b = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .newLineTrimming(false)
                .addEscapingStrategy("mrkdwn", Escapes::slackMrkdwn)
                .addEscapingStrategy("markdown", Escapes::markdown);
        if (strategy.equals("text")) {
            b.autoEscaping(false);
        } else {
            b.defaultEscapingStrategy(strategy);
        }
        return b.build();
    }

    /** Subject and plain text, plus the values the templates saw. */
    public Message message(Notification n, AlertingConfig.Receiver r) {
        Map<String, Object> context = context(n, r);
        String subject = render("subject.peb", "text", context, r).strip();
        context.put("subject", subject);
        return new Message(subject, render("text.peb", "text", context, r), r.language(), context);
    }

    /** Renders one of the bundled templates with an escaping strategy. */
    public String render(String template, String strategy, Map<String, Object> context, AlertingConfig.Receiver r) {
        StringWriter out = new StringWriter();
        try {
            engines.get(strategy).getTemplate(template).evaluate(out, context, locale(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Renders a template given as text (the SMS gateway's URL and body from the config). */
    public String renderInline(String source, String strategy, Map<String, Object> context) {
        PebbleEngine engine = inlineEngines.get(strategy);
        if (engine == null) {
            throw new IllegalArgumentException("unknown escaping " + strategy + ", use one of " + inlineEngines.keySet());
        }
        PebbleTemplate t = inlineTemplates.computeIfAbsent(strategy + "\u0000" + source, k -> engine.getTemplate(source));
        StringWriter out = new StringWriter();
        try {
            t.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Locale locale(AlertingConfig.Receiver r) {
        return r.language().toLowerCase(Locale.ROOT).startsWith("fr") ? Locale.FRENCH : Locale.ENGLISH;
    }

    public Map<String, Object> context(Notification n, AlertingConfig.Receiver r) {
        IncidentEvent i = n.incident();
        Locale locale = locale(r);
        ZoneId zone = ZoneId.of(r.timeZone());
        DateTimeFormatter when = DateTimeFormatter.ofPattern(
                locale == Locale.FRENCH ? "dd/MM/yyyy HH:mm z" : "yyyy-MM-dd HH:mm z", locale).withZone(zone);
        double ratio = IncidentTracker.ratio(i.observed(), i.expected());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("b", BUNDLE);
        c.put("language", locale.getLanguage());
        c.put("notificationId", n.notificationId());
        c.put("reason", n.reason());
        c.put("incidentId", i.incidentId());
        c.put("brand", i.brand());
        c.put("kind", i.kind().name());
        c.put("severity", i.severity().name());
        c.put("status", i.status().name());
        c.put("observed", number(i.observed()));
        c.put("expected", number(i.expected()));
        c.put("ratio", Double.isInfinite(ratio) ? "∞" : String.format(locale, "%.1f", ratio));
        c.put("ratioNumber", Double.isInfinite(ratio) ? "null" : number(ratio));
        c.put("since", when.format(i.openedAt()));
        c.put("sinceIso", i.openedAt().toString());
        c.put("summary", i.summary());
        c.put("subject", "");
        List<Map<String, String>> also = new ArrayList<>();
        for (IncidentEvent g : n.grouped()) {
            double gr = IncidentTracker.ratio(g.observed(), g.expected());
            also.add(Map.of("incidentId", g.incidentId(), "kind", g.kind().name(), "severity", g.severity().name(),
                    "status", g.status().name(), "summary", g.summary(),
                    "ratio", Double.isInfinite(gr) ? "∞" : String.format(locale, "%.1f", gr),
                    "ratioNumber", Double.isInfinite(gr) ? "null" : number(gr)));
        }
        c.put("also", also);
        List<Map<String, String>> top = new ArrayList<>();
        int negative = 0, neutral = 0, positive = 0, known = 0;
        for (String id : i.topMentionIds()) {
            Optional<ScoredMention> m = mentions.find(id);
            if (m.isEmpty()) {
                continue;
            }
            SentimentLabel label = m.get().sentimentFor(i.brand()).label();
            known++;
            switch (label) {
                case NEGATIVE -> negative++;
                case NEUTRAL -> neutral++;
                case POSITIVE -> positive++;
            }
            if (top.size() < TOP_MENTIONS) {
                var raw = m.get().mention();
                String title = raw.title() != null && !raw.title().isBlank() ? raw.title()
                        : abbreviate(raw.text() == null ? id : raw.text(), 120);
                top.add(Map.of("id", id, "title", title,
                        "url", raw.url() == null ? "" : safeUrl(raw.url()),
                        "source", raw.source() == null ? "" : raw.source(),
                        "sentiment", label.name().toLowerCase(Locale.ROOT)));
            }
        }
        c.put("mentions", top);
        c.put("sentimentKnown", known > 0);
        c.put("negative", negative);
        c.put("neutral", neutral);
        c.put("positive", positive);
        Map<String, String> links = new LinkedHashMap<>();
        // One click acts on every incident the message was about: the page was one, so is the answer.
        String ids = String.join(LinkSigner.ID_SEPARATOR, n.incidents().stream().map(IncidentEvent::incidentId)
                .toList());
        links.put("acknowledge", signer.link(ids, "acknowledge", n.receiver()));
        links.put("resolve", signer.link(ids, "resolve", n.receiver()));
        links.put("dashboard", config.dashboardUrl().replace("{brand}",
                java.net.URLEncoder.encode(i.brand(), java.nio.charset.StandardCharsets.UTF_8)));
        links.put("incident", config.publicBaseUrl() + "/api/incidents/" + i.incidentId());
        c.put("links", links);
        return c;
    }

    private static String number(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Spaces and parentheses would end a Markdown or mrkdwn link early; percent-encode them. */
    private static String safeUrl(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    private static String abbreviate(String s, int max) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
