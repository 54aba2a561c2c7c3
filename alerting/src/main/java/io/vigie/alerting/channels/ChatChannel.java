package io.vigie.alerting.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.messages.Message;
import io.vigie.alerting.messages.MessageRenderer;
import io.vigie.model.Notification;
import io.vigie.model.VigieJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slack and Mattermost incoming webhooks: {@code {"text": …}}. Slack's text is rendered with mrkdwn escaping,
 * Mattermost's with Markdown escaping (it reads CommonMark, not Slack's dialect); Jackson makes the JSON.
 */
public final class ChatChannel implements Channel {
    private final MessageRenderer renderer;
    private final HttpPost http;
    private final boolean mattermost;
    private final ObjectMapper json = VigieJson.newMapper();

    public ChatChannel(MessageRenderer renderer, HttpPost http, boolean mattermost) {
        this.renderer = renderer;
        this.http = http;
        this.mattermost = mattermost;
    }

    public String body(Notification n, AlertingConfig.Receiver r) {
        Message m = renderer.message(n, r);
        String text = mattermost
                ? renderer.render("mattermost.peb", "markdown", m.context(), r)
                : renderer.render("slack.peb", "mrkdwn", m.context(), r);
        ObjectNode body = json.createObjectNode();
        body.put("text", text.strip());
        if (mattermost) {
            body.put("username", "Vigie");
        }
        return body.toString();
    }

    @Override
    public void deliver(Notification n, AlertingConfig.Receiver r) throws DeliveryException {
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        http.send("POST", r.url(), "application/json; charset=utf-8", body(n, r), headers, r.timeout());
    }
}
