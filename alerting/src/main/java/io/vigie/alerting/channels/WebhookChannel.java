package io.vigie.alerting.channels;

import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.messages.Message;
import io.vigie.alerting.messages.MessageRenderer;
import io.vigie.model.Notification;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The generic webhook: a JSON body from {@code webhook.json.peb}, signed, with the idempotency key. */
public final class WebhookChannel implements Channel {
    private final MessageRenderer renderer;
    private final HttpPost http;
    private final String defaultSecret;
    private final Clock clock;

    public WebhookChannel(MessageRenderer renderer, HttpPost http, String defaultSecret, Clock clock) {
        this.renderer = renderer;
        this.http = http;
        this.defaultSecret = defaultSecret;
        this.clock = clock;
    }

    public String body(Notification n, AlertingConfig.Receiver r) {
        Message m = renderer.message(n, r);
        return renderer.render("webhook.json.peb", "json", m.context(), r);
    }

    @Override
    public void deliver(Notification n, AlertingConfig.Receiver r) throws DeliveryException {
        String body = body(n, r);
        long timestamp = clock.instant().getEpochSecond();
        String secret = r.secret() != null ? r.secret() : defaultSecret;
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        headers.put(WebhookSignature.IDEMPOTENCY_HEADER, n.notificationId());
        headers.put("User-Agent", "vigie-alerting");
        http.send("POST", r.url(), "application/json; charset=utf-8", body, headers, r.timeout());
    }
}
