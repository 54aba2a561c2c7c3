package io.vigie.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vigie.alerting.bench.RecordingEndpoint;
import io.vigie.alerting.channels.WebhookSignature;
import io.vigie.model.Direction;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.JsonSerde;
import io.vigie.model.Notification;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.model.VigieJson;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.local.SharedLocalCluster;
import io.vigie.runtime.service.VigieService;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alerting stage against the real local Kafka broker, with local HTTP endpoints standing for the webhook,
 * Slack, Teams and SMS gateway, and a real SMTP server (GreenMail).
 *
 * <p>The "endpoint down" scenario keeps the endpoint down for {@code -Dvigie.it.downSeconds} (default 15 s, to
 * keep the suite short; the 60 s is what {@code vigie bench alerting} uses).
 */
class AlertingIT {
    private static final String SECRET = "it-secret-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ObjectMapper json = VigieJson.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<VigieService> running = new ArrayList<>();
    private KafkaConnection kafka;
    private RecordingEndpoint endpoints;
    private GreenMail smtp;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void start() throws Exception {
        kafka = SharedLocalCluster.get().kafka();
        endpoints = new RecordingEndpoint(SECRET);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        producer.close();
        endpoints.close();
        smtp.stop();
    }

    private String yaml(String brand, int apiPort) {
        return """
                alerting:
                  publicBaseUrl: http://127.0.0.1:%5$d
                  signingSecret: %1$s
                  api: {host: 127.0.0.1, port: %5$d}
                  timing: {groupWait: 2s, groupInterval: 1s, repeatInterval: 1h}
                  outbox: {initialBackoff: 200ms, maxBackoff: 2s, maxAttempts: 200}
                  receivers:
                    - {name: team-hook, type: webhook, url: "%2$s"}
                    - {name: team-slack, type: slack, url: "%3$s", language: fr, timeZone: Europe/Paris}
                    - {name: team-teams, type: teams, url: "%4$s"}
                    - {name: team-mail, type: email, to: ["crisis@example.org"], language: fr}
                    - {name: alice-sms, type: sms, to: ["+33600000001"]}
                    - {name: manager-mail, type: email, to: ["manager@example.org"]}
                    - {name: flaky-hook, type: webhook, url: "%7$s"}
                    - {name: team-mattermost, type: mattermost, url: "%10$s"}
                  rotations:
                    - {name: primary, start: "2026-01-05", participants: [alice-sms]}
                  escalations:
                    - name: crisis
                      levels:
                        - {after: 0s, rotation: primary}
                        - {after: 4s, receiver: manager-mail}
                  routes:
                    - matchers: ['brand="%6$s"']
                      receiver: team-hook
                      continue: true
                    - {matchers: ['brand="%6$s"'], receiver: team-slack, continue: true}
                    - {matchers: ['brand="%6$s"'], receiver: team-teams, continue: true}
                    - {matchers: ['brand="%6$s"'], receiver: team-mattermost, continue: true}
                    - {matchers: ['brand="%6$s"'], receiver: team-mail, escalation: crisis}
                    - {matchers: ['brand="%6$s-flaky"'], receiver: flaky-hook}
                  smtp: {host: 127.0.0.1, port: %8$d, from: vigie@example.org}
                  smsGateway:
                    url: "%9$s?to={{ to }}"
                    body: '{"to": "{{ to }}", "text": "{{ text }}"}'
                """.formatted(SECRET, endpoints.url("/hook"), endpoints.url("/slack"), endpoints.url("/teams"),
                apiPort, brand, endpoints.url("/flaky"), smtp.getSmtp().getPort(), endpoints.url("/sms"),
                endpoints.url("/mattermost"));
    }

    private final io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

    /** Kafka client meters (Micrometer's binder) of alerting's consumers or producers: {@code kafka.consumer.…}. */
    private long kafkaClientMeters(String prefix) {
        return registry.getMeters().stream().filter(m -> m.getId().getName().startsWith(prefix)
                && "alerting".equals(m.getId().getTag("stage"))).count();
    }

    private Alerting startAlerting(String brand, String groupPrefix, int apiPort) throws Exception {
        AlertingConfig config = Fixtures.config(yaml(brand, apiPort));
        Alerting alerting = Alerting.build(config, kafka, Clock.systemUTC(), groupPrefix, Duration.ofMillis(200),
                new io.vigie.runtime.metrics.StageMetrics(registry, "alerting"));
        for (VigieService s : alerting.services()) {
            s.start();
            running.add(s);
        }
        assertTrue(alerting.signals().awaitReady(WAIT), "alerting restored its state and subscribed");
        return alerting;
    }

    private void signal(String id, String brand, SignalPhase phase, double observed, double expected) throws Exception {
        signal(id, brand, SignalKind.NEGATIVE_VOLUME, phase, observed, expected);
    }

    private void signal(String id, String brand, SignalKind kind, SignalPhase phase, double observed, double expected)
            throws Exception {
        SpikeSignal s = new SpikeSignal(1, id, brand, kind, phase, Direction.RISE, null,
                Instant.now().minusSeconds(600), Instant.now(), observed, expected, 0.999, 1e-6,
                "negative mentions of " + brand + " " + observed + " vs " + expected, List.of("m-1"));
        producer.send(new ProducerRecord<>(Topics.SIGNALS, brand, JsonSerde.of(SpikeSignal.class).encode(s))).get();
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aCrisisOnTwoKindsReachesEveryReceiverOnceThenAnUpdateThenAnEscalationAndAPersonAcknowledgesByLink()
            throws Exception {
        String brand = "kryptonite-" + run;
        int apiPort = freePort();
        startAlerting(brand, "it-" + run, apiPort);

        // One crisis, two kinds within the group wait: one message per receiver about both incidents.
        signal("sig-" + run, brand, SignalPhase.START, 9, 3);
        signal("sig-vol-" + run, brand, SignalKind.VOLUME, SignalPhase.START, 18, 3);
        JsonNode hook = json.readTree(endpoints.await("/hook", 1, WAIT.toMillis()).get(0).body());
        assertEquals(1, endpoints.await("/slack", 1, WAIT.toMillis()).size());
        // Operators see alerting's Kafka clients too (issue 13): the signal and outbox consumers, the outbox producer.
        assertTrue(kafkaClientMeters("kafka.consumer.") > 0, "alerting's consumers' metrics: " + registry.getMetersAsString());
        assertTrue(kafkaClientMeters("kafka.producer.") > 0, "the outbox producer's metrics");
        assertEquals(1, endpoints.await("/teams", 1, WAIT.toMillis()).size());
        assertEquals(1, endpoints.await("/mattermost", 1, WAIT.toMillis()).size());
        assertEquals(1, endpoints.await("/sms", 1, WAIT.toMillis()).size());

        // The webhook: signed over timestamp + body, with the idempotency key, a JSON body about the incident.
        RecordingEndpoint.Request hookRequest = endpoints.requests("/hook").get(0);
        assertEquals(0, endpoints.badSignatures());
        assertTrue(WebhookSignature.verify(SECRET, hookRequest.header("X-Vigie-Timestamp"), hookRequest.body(),
                hookRequest.header("X-Vigie-Signature")));
        assertEquals(hook.get("notificationId").asText(), hookRequest.header("Idempotency-Key"));
        assertEquals(brand, hook.get("brand").asText());
        assertEquals("OPENED", hook.get("reason").asText());
        assertEquals("CRITICAL", hook.get("severity").asText());
        assertEquals("VOLUME", hook.get("kind").asText(), "the strongest incident leads");
        assertEquals(6.0, hook.get("ratio").asDouble());
        assertEquals(1, hook.get("grouped").size());
        assertEquals("NEGATIVE_VOLUME", hook.get("grouped").get(0).get("kind").asText());
        assertEquals(3.0, hook.get("grouped").get(0).get("ratio").asDouble());
        // Slack in French, Teams as an Adaptive Card, the SMS gateway with the number in the URL and the text in JSON.
        String slackText = json.readTree(endpoints.requests("/slack").get(0).body()).get("text").asText();
        assertTrue(slackText.contains("Nouvel incident") && slackText.contains(brand), slackText);
        String mattermost = json.readTree(endpoints.requests("/mattermost").get(0).body()).get("text").asText();
        assertTrue(mattermost.contains("**New incident") && mattermost.contains("](http://127.0.0.1:"), mattermost);
        JsonNode card = json.readTree(endpoints.requests("/teams").get(0).body()).get("attachments").get(0);
        assertEquals("application/vnd.microsoft.card.adaptive", card.get("contentType").asText());
        RecordingEndpoint.Request sms = endpoints.requests("/sms").get(0);
        assertEquals("to=%2B33600000001", sms.query());
        assertTrue(json.readTree(sms.body()).get("text").asText().contains(brand));
        // E-mail: French subject, plain text and HTML parts.
        MimeMessage mail = awaitMail("crisis@example.org", "Nouvel incident");
        assertTrue(mail.getSubject().contains("Nouvel incident"), mail.getSubject());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals("crisis@example.org", mail.getAllRecipients()[0].toString());

        // An update when the crisis grows from 3x to 12x.
        Thread.sleep(1_100); // the group interval
        signal("sig-" + run, brand, SignalPhase.UPDATE, 36, 3);
        JsonNode update = json.readTree(endpoints.await("/hook", 2, WAIT.toMillis()).get(1).body());
        assertEquals("UPDATED", update.get("reason").asText());
        assertEquals(12.0, update.get("ratio").asDouble());
        assertEquals(2, endpoints.await("/slack", 2, WAIT.toMillis()).size());

        // Nobody acknowledged within 4 s: the manager is paged, once for the crisis (later updates reach them as
        // updates).
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (escalationsToManager() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, escalationsToManager());

        // Acknowledge through the signed link of the first webhook: GET shows a page, POST acts.
        String link = hook.get("links").get("acknowledge").asText();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form method=\"post\">"), page.body());
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(link))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode(), done.body());
        // A note through the JSON API, then the incident as the compacted topic has it.
        String incidentId = hook.get("incidentId").asText();
        HttpResponse<String> note = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + apiPort + "/api/incidents/" + incidentId + "/notes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"actor\": \"bob\", \"note\": \"PR agency called\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, note.statusCode(), note.body());
        IncidentEvent onTopic = latestIncident(incidentId);
        assertEquals(IncidentStatus.ACKNOWLEDGED, onTopic.status());
        String groupedId = hook.get("grouped").get(0).get("incidentId").asText();
        assertEquals(IncidentStatus.ACKNOWLEDGED, latestIncident(groupedId).status(),
                "the link of the grouped message acknowledged both incidents");
        assertTrue(onTopic.history().stream().anyMatch(a -> a.action().equals("acknowledged")
                && a.actor().equals("team-hook")));
        assertTrue(onTopic.history().stream().anyMatch(a -> a.action().equals("note") && a.actor().equals("bob")
                && a.note().equals("PR agency called")));
        // Exactly one OPENED per receiver, never twice.
        Thread.sleep(1_000);
        assertEquals(2, endpoints.requests("/hook").size());
        assertEquals(2, endpoints.requests("/sms").size(), "the on-call person got the opening and the update");
        assertEquals(2, endpoints.requests("/slack").size());
        assertEquals(2, endpoints.requests("/teams").size());
        assertEquals(2, endpoints.requests("/mattermost").size());
    }

    @Test
    void aNotificationToAnEndpointThatWasDownIsDeliveredOnceItIsBackEvenAcrossARestart() throws Exception {
        int downSeconds = Integer.getInteger("vigie.it.downSeconds", 15);
        String brand = "acme-" + run + "-flaky";
        String group = "it-flaky-" + run;
        endpoints.down();
        Alerting first = startAlerting("acme-" + run, group, freePort());
        signal("sig-flaky-" + run, brand, SignalPhase.START, 9, 3);
        // Let it fail a few times, then stop the whole stage while the endpoint is still down.
        Thread.sleep(downSeconds * 500L);
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        running.clear();
        assertEquals(0, first.outbox().deliveredCount());
        Notification retried = latestNotification(brand);
        assertNotNull(retried, "the notification is on the outbox topic");
        assertEquals(Notification.DeliveryStatus.PENDING, retried.status());
        assertTrue(retried.attempts() >= 2, "attempts so far: " + retried.attempts());

        // A new instance (same consumer groups) picks the pending notification up and keeps retrying.
        startAlerting("acme-" + run, group, freePort());
        Thread.sleep(downSeconds * 500L);
        endpoints.up();
        List<RecordingEndpoint.Request> got = endpoints.await("/flaky", 1, WAIT.toMillis());
        assertEquals(1, got.size());
        Thread.sleep(2_000);
        assertEquals(1, endpoints.requests("/flaky").size(), "delivered once");
        assertEquals(0, endpoints.duplicates());
        assertEquals(Notification.DeliveryStatus.DELIVERED, awaitStatus(brand, Notification.DeliveryStatus.DELIVERED));
    }

    /** The first mail to {@code to} whose subject contains {@code subject}, waiting for it up to WAIT. */
    private MimeMessage awaitMail(String to, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (true) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subject)) {
                    return m;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no mail to " + to + " about '" + subject + "' within " + WAIT);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void anUndecodableSignalBecomesADeadLetterWithItsReasonAndTheNextSignalStillWorks() throws Exception {
        startAlerting("kryptonite-" + run, "it-dl-" + run, freePort());
        String key = "garbage-" + run;
        producer.send(new ProducerRecord<>(Topics.SIGNALS, key, "{\"brand\": 42".getBytes())).get();
        signal("sig-dl-" + run, "kryptonite-" + run, SignalPhase.START, 9, 3);
        assertEquals(1, endpoints.await("/hook", 1, WAIT.toMillis()).size(), "the good signal after it went through");
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        io.vigie.model.DeadLetter found = null;
        while (found == null && System.currentTimeMillis() < deadline) {
            io.vigie.model.DeadLetter[] hit = new io.vigie.model.DeadLetter[1];
            readAll(Topics.DEADLETTER, (k, v) -> {
                if (key.equals(k)) {
                    hit[0] = JsonSerde.of(io.vigie.model.DeadLetter.class).decode(v);
                }
            });
            found = hit[0];
            Thread.sleep(200);
        }
        assertNotNull(found, "a dead letter for the undecodable signal");
        assertEquals("alerting.decode", found.stage());
        assertEquals(Topics.SIGNALS, found.sourceTopic());
        assertTrue(found.reason().contains("JSON"), found.reason());
        assertEquals("{\"brand\": 42", new String(found.original()));
    }

    private long escalationsToManager() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("manager@example.org")
                        && m.getSubject().contains("Escalated to you");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private Notification.DeliveryStatus awaitStatus(String brand, Notification.DeliveryStatus wanted) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        Notification n = null;
        while (System.currentTimeMillis() < deadline) {
            n = latestNotification(brand);
            if (n != null && n.status() == wanted) {
                return n.status();
            }
            Thread.sleep(200);
        }
        return n == null ? null : n.status();
    }

    private IncidentEvent latestIncident(String incidentId) {
        Map<String, IncidentEvent> latest = new HashMap<>();
        readAll(Topics.INCIDENTS, (k, v) -> latest.put(k, v == null ? null
                : JsonSerde.of(IncidentEvent.class).decode(v)));
        return latest.get(incidentId);
    }

    private Notification latestNotification(String brand) {
        Notification[] found = new Notification[1];
        readAll(Topics.NOTIFICATIONS, (k, v) -> {
            Notification n = JsonSerde.of(Notification.class).decode(v);
            if (n.incident().brand().equals(brand)) {
                found[0] = n;
            }
        });
        return found[0];
    }

    private void readAll(String topic, java.util.function.BiConsumer<String, byte[]> each) {
        Properties c = kafka.clientConfig();
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
            all.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
            all.forEach(r -> each.accept(r.key(), r.value()));
        }
    }
}
