package io.vigie.alerting.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.messages.Message;
import io.vigie.alerting.messages.MessageRenderer;
import io.vigie.model.Notification;
import io.vigie.model.VigieJson;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Teams: an Adaptive Card (schema 1.4) in the message envelope that Teams incoming webhooks and
 * Workflows accept. Its texts come from the same templates (plain text; Jackson escapes them as JSON).
 */
public final class TeamsChannel implements Channel {
    private final MessageRenderer renderer;
    private final HttpPost http;
    private final ObjectMapper json = VigieJson.newMapper();

    public TeamsChannel(MessageRenderer renderer, HttpPost http) {
        this.renderer = renderer;
        this.http = http;
    }

    @SuppressWarnings("unchecked")
    public String body(Notification n, AlertingConfig.Receiver r) {
        Message m = renderer.message(n, r);
        Map<String, Object> c = m.context();
        ObjectNode card = json.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        ObjectNode title = body.addObject();
        title.put("type", "TextBlock").put("text", m.subject()).put("weight", "Bolder").put("size", "Medium")
                .put("wrap", true).put("color", "CRITICAL".equals(c.get("severity")) ? "Attention" : "Warning");
        ObjectNode facts = body.addObject().put("type", "FactSet");
        ArrayNode factList = facts.putArray("facts");
        for (String line : m.text().split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith("- ") && !line.contains("http")) {
                for (String part : line.split(" · ")) {
                    int k = part.indexOf(": ");
                    if (k > 0) {
                        factList.addObject().put("title", part.substring(0, k)).put("value", part.substring(k + 2));
                    }
                }
            }
        }
        for (Map<String, String> mention : (List<Map<String, String>>) c.get("mentions")) {
            body.addObject().put("type", "TextBlock").put("wrap", true).put("text",
                    "• " + mention.get("title") + " — " + mention.get("source") + " (" + mention.get("sentiment") + ")");
        }
        ArrayNode actions = card.putArray("actions");
        Map<String, String> links = (Map<String, String>) c.get("links");
        String[] lines = m.text().split("\n");
        for (String key : List.of("acknowledge", "resolve", "dashboard")) {
            String label = key;
            for (String line : lines) {
                if (line.endsWith(": " + links.get(key))) {
                    label = line.substring(0, line.length() - links.get(key).length() - 2);
                }
            }
            actions.addObject().put("type", "Action.OpenUrl").put("title", label).put("url", links.get(key));
        }
        ObjectNode envelope = json.createObjectNode();
        envelope.put("type", "message");
        ObjectNode attachment = envelope.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.set("content", card);
        return envelope.toString();
    }

    @Override
    public void deliver(Notification n, AlertingConfig.Receiver r) throws DeliveryException {
        http.send("POST", r.url(), "application/json; charset=utf-8", body(n, r), r.headers(), r.timeout());
    }
}
