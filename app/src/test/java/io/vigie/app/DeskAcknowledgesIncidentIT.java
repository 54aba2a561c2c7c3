package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.alerting.Alerting;
import io.vigie.alerting.AlertingConfig;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.model.Direction;
import io.vigie.model.JsonSerde;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.model.VigieJson;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.Ports;
import io.vigie.runtime.local.SharedLocalCluster;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response desk acknowledges an incident that alerting owns, on the real broker: alerting (its own consumer
 * groups) and the dashboards stage (as {@code vigie run} starts it) run in this JVM; a START signal for each of two
 * brands opens two incidents, both on an escalation whose second level pages a manager after a few seconds. A
 * responder acknowledges the first through the dashboards' {@code POST /api/incidents/{id}/acknowledge} (API token):
 * the alerting API shows it ACKNOWLEDGED by that responder, and the manager is paged for the other incident only.
 */
class DeskAcknowledgesIncidentIT {
    private static final String SECRET = "desk-ack-webhook-secret-0123456789";
    private static final String RESPONDER_TOKEN_NAME = "desk-it-responder";
    private static final Duration ESCALATION_AFTER = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = VigieJson.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode incidentOf(JsonNode incidents, String brand) {
        for (JsonNode i : incidents) {
            if (i.path("brand").asText().equals(brand)) {
                return i;
            }
        }
        return null;
    }

    private static <T> T await(String what, Duration timeout, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> Supplier<T> quietly(Probe<T> probe) {
        return () -> {
            try {
                return probe.get();
            } catch (Exception e) {
                return null;
            }
        };
    }

    private static long escalationsOf(WebhookReceiver manager, String brand) {
        return manager.received().stream().filter(r -> r.json().path("brand").asText().equals(brand)
                && r.json().path("reason").asText().equals("ESCALATED")).count();
    }

    @Test
    void anIncidentAcknowledgedOnTheDeskIsAcknowledgedInAlertingAndStopsEscalating(@TempDir Path dir)
            throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        String acknowledged = "deskack-" + run;
        String ignored = "deskack-" + run + "-other";
        int[] ports = Ports.free(2);
        int alertingPort = ports[0];
        int dashboardsPort = ports[1];
        String responderToken = ApiTokens.newToken();
        List<VigieService> running = new ArrayList<>();
        try (WebhookReceiver team = WebhookReceiver.start(SECRET); WebhookReceiver manager = WebhookReceiver.start(SECRET);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(cluster.kafka().clientConfig(),
                        new StringSerializer(), new ByteArraySerializer())) {
            String yaml = """
                    alerting:
                      publicBaseUrl: http://127.0.0.1:%1$d
                      signingSecret: %2$s
                      api: {host: 127.0.0.1, port: %1$d}
                      receivers:
                        - {name: team-hook, type: webhook, url: "%3$s"}
                        - {name: manager-hook, type: webhook, url: "%4$s"}
                      escalations:
                        - name: crisis
                          levels:
                            - {after: 0s, receiver: team-hook}
                            - {after: %5$ds, receiver: manager-hook}
                      routes:
                        - {matchers: ['brand=~"deskack-%6$s.*"'], escalation: crisis}
                    dashboards:
                      indexer: {consumerGroup: vigie-indexer-desk-ack-%6$s, flushIntervalMillis: 200, indexPrefix: vigie-desk-ack-%6$s}
                      http: {host: 127.0.0.1, port: %7$d}
                      apiTokens:
                        - {name: %8$s, role: responder, sha256: %9$s}
                    """.formatted(alertingPort, SECRET, team.url(), manager.url(), ESCALATION_AFTER.toSeconds(), run,
                    dashboardsPort, RESPONDER_TOKEN_NAME, ApiTokens.sha256(responderToken));
            ConfigDocument doc = ConfigDocument.parse(yaml, "desk-ack vigie.yml", name -> null);
            // Alerting with its own consumer groups (the stage's are the fixed "vigie-alerting-*").
            AlertingConfig alertingConfig = doc.bind("alerting", AlertingConfig.class, AlertingConfig.defaults());
            Alerting alerting = Alerting.build(alertingConfig, cluster.kafka(), Clock.systemUTC(),
                    "desk-ack-it-" + run, Duration.ofMillis(200));
            for (VigieService s : alerting.services()) {
                s.start();
                running.add(s);
            }
            assertTrue(alerting.signals().awaitReady(Duration.ofSeconds(60)), "alerting restored its state");
            StageContext context = new StageContext(doc, cluster.kafka(), cluster.elasticsearch(), "desk-ack-" + run,
                    dir.resolve("state"), Clock.systemUTC());
            try (ServiceRunner dashboards = ServiceRunner.start(
                    StageSelection.select(Stages.all(), List.of("dashboards")), context)) {
                String alertingApi = "http://127.0.0.1:" + alertingPort + "/api/incidents";
                String dashboardsApi = "http://127.0.0.1:" + dashboardsPort + "/api/incidents";
                for (String brand : List.of(acknowledged, ignored)) {
                    SpikeSignal start = new SpikeSignal(1, "sig-" + brand, brand, SignalKind.NEGATIVE_VOLUME,
                            SignalPhase.START, Direction.RISE, null, Instant.now(), Instant.now(),
                            12, 3, 0.999, 1e-6, "negative mentions of " + brand + " 12 vs 3", List.of("m-" + brand));
                    producer.send(new ProducerRecord<>(Topics.SIGNALS, brand,
                            JsonSerde.of(SpikeSignal.class).encode(start))).get();
                }
                Instant signalled = Instant.now();

                JsonNode opened = await("the incident in the alerting API", Duration.ofSeconds(30),
                        quietly(() -> incidentOf(getJson(alertingApi), acknowledged)));
                String incidentId = opened.path("incidentId").asText();
                assertEquals("OPEN", opened.path("status").asText(), opened.toString());
                await("the first level paged", Duration.ofSeconds(30), () -> team.received().stream()
                        .anyMatch(r -> r.json().path("brand").asText().equals(acknowledged)) ? Boolean.TRUE : null);
                // The dashboards follow the incidents topic: the desk knows the incident before anyone acts on it.
                await("the incident on the dashboards' board", Duration.ofSeconds(30), quietly(() -> {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(dashboardsApi))
                            .header("Authorization", "Bearer " + responderToken).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return incidentOf(JSON.readTree(r.body()), acknowledged);
                }));

                HttpResponse<String> ack = http.send(HttpRequest.newBuilder(URI.create(
                        dashboardsApi + "/" + incidentId + "/acknowledge"))
                        .header("Authorization", "Bearer " + responderToken).header("Accept", "application/json")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("actor=mallory")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Duration ackAfter = Duration.between(signalled, Instant.now());
                System.out.printf("desk-ack: acknowledged through the desk %d ms after the signals%n",
                        ackAfter.toMillis());
                assertEquals(200, ack.statusCode(), ack.body());
                assertTrue(ackAfter.compareTo(ESCALATION_AFTER) < 0, "acknowledged before the escalation was due");

                JsonNode acked = await("ACKNOWLEDGED in the alerting API", Duration.ofSeconds(20), quietly(() -> {
                    JsonNode i = incidentOf(getJson(alertingApi), acknowledged);
                    return i != null && i.path("status").asText().equals("ACKNOWLEDGED") ? i : null;
                }));
                List<String> ackActors = new ArrayList<>();
                acked.path("history").forEach(h -> {
                    if (h.path("action").asText().toLowerCase().contains("acknowledge")) {
                        ackActors.add(h.path("actor").asText());
                    }
                });
                assertEquals(List.of(RESPONDER_TOKEN_NAME), ackActors,
                        "acknowledged by the token's holder, not by the request body: " + acked);

                // The control: the other incident, not acknowledged, escalates to the manager...
                await("the unacknowledged incident escalated", ESCALATION_AFTER.plusSeconds(30),
                        () -> escalationsOf(manager, ignored) > 0 ? Boolean.TRUE : null);
                // ...and, past its due time, the acknowledged one never did.
                long dueAt = signalled.plus(ESCALATION_AFTER).plusSeconds(3).toEpochMilli();
                Thread.sleep(Math.max(0, dueAt - System.currentTimeMillis()));
                assertEquals(0, escalationsOf(manager, acknowledged), "escalated after the desk's acknowledgement: "
                        + manager.received().stream().map(WebhookReceiver.Request::body).toList());
                assertEquals("ACKNOWLEDGED", incidentOf(getJson(alertingApi), acknowledged).path("status").asText());
                assertTrue(team.received().stream().allMatch(WebhookReceiver.Request::signatureValid));
            }
        } finally {
            for (int i = running.size() - 1; i >= 0; i--) {
                running.get(i).close();
            }
        }
    }
}
