package io.vigie.alerting.channels;

import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.messages.MessageRenderer;
import io.vigie.model.Notification;
import java.util.HashMap;
import java.util.Map;

/**
 * SMS through any HTTP gateway: the config gives the URL and body as Pebble templates over {@code to} and
 * {@code text}; values are URL-encoded in the URL and escaped per {@code bodyEscape} in the body.
 */
public final class SmsChannel implements Channel {
    private final MessageRenderer renderer;
    private final HttpPost http;
    private final AlertingConfig.SmsGateway gateway;

    public SmsChannel(MessageRenderer renderer, HttpPost http, AlertingConfig.SmsGateway gateway) {
        this.renderer = renderer;
        this.http = http;
        this.gateway = gateway;
    }

    public String text(Notification n, AlertingConfig.Receiver r) {
        Map<String, Object> context = renderer.context(n, r);
        return renderer.render("sms.peb", "text", context, r).strip();
    }

    @Override
    public void deliver(Notification n, AlertingConfig.Receiver r) throws DeliveryException {
        String text = text(n, r);
        for (String to : r.to()) {
            Map<String, Object> values = new HashMap<>();
            values.put("to", to);
            values.put("text", text);
            values.put("notificationId", n.notificationId());
            String url = renderer.renderInline(gateway.url(), "url_param", values);
            String body = gateway.body() == null ? null : renderer.renderInline(gateway.body(), gateway.bodyEscape(), values);
            Map<String, String> headers = new HashMap<>(gateway.headers());
            headers.put(WebhookSignature.IDEMPOTENCY_HEADER, n.notificationId() + ":" + to);
            http.send(gateway.method(), url, gateway.contentType(), body, headers, r.timeout());
        }
    }
}
