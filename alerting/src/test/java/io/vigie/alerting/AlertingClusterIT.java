package io.vigie.alerting;

import io.vigie.alerting.owner.SignalService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.alerting.bench.RecordingEndpoint;
import io.vigie.model.Direction;
import io.vigie.model.IncidentStatus;
import io.vigie.model.JsonSerde;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.model.VigieJson;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.local.SharedLocalCluster;
import io.vigie.runtime.service.VigieService;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two alerting instances on the real broker: one in its own JVM (killed with SIGKILL mid-incident), one in this
 * JVM. Brands spread over every {@code signals} partition, so each instance owns some.
 */
class AlertingClusterIT {
    private static final String SECRET = "it-secret-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final ObjectMapper json = VigieJson.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<VigieService> running = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();
    private KafkaConnection kafka;
    private RecordingEndpoint endpoints;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void start() throws Exception {
        kafka = SharedLocalCluster.get().kafka();
        endpoints = new RecordingEndpoint(SECRET);
        producer = new KafkaProducer<>(kafka.producerConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        children.forEach(Process::destroyForcibly);
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        producer.close();
        endpoints.close();
    }

    private String yaml(int apiPort) {
        return """
                alerting:
                  publicBaseUrl: http://127.0.0.1:%1$d
                  signingSecret: %2$s
                  api: {host: 127.0.0.1, port: %1$d}
                  incidents: {resolveAfter: 2s}
                  timing: {groupWait: 0s, groupInterval: 1s, repeatInterval: 1h}
                  outbox: {initialBackoff: 200ms, maxBackoff: 2s, maxAttempts: 200}
                  receivers:
                    - {name: team-hook, type: webhook, url: "%3$s"}
                    - {name: manager-hook, type: webhook, url: "%4$s"}
                  escalations:
                    - name: crisis
                      levels:
                        - {after: 0s, receiver: team-hook}
                        - {after: 20s, receiver: manager-hook}
                  routes:
                    - {matchers: ['brand=~"clu-%5$s-.*"'], escalation: crisis}
                """.formatted(apiPort, SECRET, endpoints.url("/hook"), endpoints.url("/manager"), run);
    }

    @Test
    void anActionOnAnyInstanceReachesTheOwnerAndAKilledOwnersIncidentsAreTakenOverWithOneMessagePerStep()
            throws Exception {
        String group = "it-cluster-" + run;
        int partitions = 6;
        // One brand per signals partition, so both instances own some.
        Map<Integer, String> brandOf = new TreeMap<>();
        for (int i = 0; brandOf.size() < partitions; i++) {
            String brand = "clu-" + run + "-" + i;
            brandOf.putIfAbsent(SignalService.partitionOf(brand, partitions), brand);
        }

        // Instance A in its own JVM first: it owns everything, then B joins and they split.
        Path yamlA = Files.createTempFile("alerting-a-", ".yaml");
        int apiA = freePort();
        Files.writeString(yamlA, yaml(apiA));
        List<String> outA = Collections.synchronizedList(new ArrayList<>());
        Process a = child(yamlA, group, outA);
        awaitTrue(() -> lastOwned(outA).size() == partitions, "instance A owns every partition: " + outA);
        int apiB = freePort();
        Alerting b = Alerting.build(Fixtures.config(yaml(apiB)), kafka, Clock.systemUTC(), group,
                Duration.ofMillis(200));
        for (VigieService s : b.services()) {
            s.start();
            running.add(s);
        }
        awaitTrue(() -> b.signals().ownedPartitions().size() == 3 && lastOwned(outA).size() == 3,
                "A and B share the partitions: A " + outA + ", B " + b.signals().ownedPartitions());
        Set<Integer> ownedByA = lastOwned(outA);
        assertEquals(Set.of(), intersection(ownedByA, b.signals().ownedPartitions()), "one owner per partition");

        // A crisis on every brand: each brand's owner opens one incident and pages the team once.
        for (String brand : brandOf.values()) {
            signal(brand, SignalPhase.START, 9, 3);
        }
        endpoints.await("/hook", partitions, WAIT.toMillis());
        Map<String, String> incidentOf = new LinkedHashMap<>();
        for (RecordingEndpoint.Request r : endpoints.requests("/hook")) {
            JsonNode body = json.readTree(r.body());
            assertEquals("OPENED", body.get("reason").asText());
            incidentOf.put(body.get("brand").asText(), body.get("incidentId").asText());
        }
        assertEquals(new TreeSet<>(brandOf.values()), new TreeSet<>(incidentOf.keySet()));

        // Bob acknowledges, through B's API, an incident whose brand A owns: A applies it, B answers with it.
        int partitionOfA = ownedByA.iterator().next();
        String ackedBrand = brandOf.get(partitionOfA);
        String acked = incidentOf.get(ackedBrand);
        HttpResponse<String> ack = post(apiB, "/api/incidents/" + acked + "/acknowledge",
                "{\"actor\": \"bob\", \"note\": \"on it\"}");
        assertEquals(200, ack.statusCode(), ack.body());
        assertEquals("ACKNOWLEDGED", json.readTree(ack.body()).get("status").asText());
        assertEquals(IncidentStatus.ACKNOWLEDGED, b.desk().incident(acked).orElseThrow().status(),
                "B follows A's write");
        // A second acknowledgement, now impossible, is refused by the owner with 409.
        assertEquals(409, post(apiB, "/api/incidents/" + acked + "/acknowledge", "{\"actor\": \"eve\"}")
                .statusCode());

        // A silence created through B is followed by A at once (the silences topic), and A's API shows B's view.
        HttpResponse<String> silence = post(apiB, "/api/silences", "{\"matchers\": [\"brand=\\\"calm-" + run
                + "\\\"\"], \"duration\": \"1h\", \"author\": \"bob\", \"reason\": \"planned campaign\"}");
        assertEquals(201, silence.statusCode(), silence.body());
        String silenceId = json.readTree(silence.body()).get("silenceId").asText();
        awaitTrue(() -> get(apiA, "/api/silences/" + silenceId).statusCode() == 200, "A follows B's silence");
        assertEquals("ACKNOWLEDGED", json.readTree(get(apiA, "/api/incidents/" + acked).body()).get("status")
                .asText());

        // Kill A with SIGKILL mid-incident, before any escalation is due: B takes its brands over.
        a.destroyForcibly().waitFor();
        awaitTrue(() -> b.signals().ownedPartitions().size() == partitions,
                "B owns every partition after A was killed: " + b.signals().ownedPartitions());

        // The escalation timers of A's brands fire on B, once; the acknowledged one does not escalate.
        endpoints.await("/manager", partitions - 1, WAIT.toMillis());
        // The crisis grows (one update each), then ends at that level (one resolution each, no further update).
        Thread.sleep(1_100);
        for (String brand : brandOf.values()) {
            signal(brand, SignalPhase.UPDATE, 36, 3);
        }
        endpoints.await("/hook", 2 * partitions, WAIT.toMillis());
        endpoints.await("/manager", 2 * (partitions - 1), WAIT.toMillis());
        Thread.sleep(1_100);
        for (String brand : brandOf.values()) {
            signal(brand, SignalPhase.END, 36, 3);
        }
        endpoints.await("/hook", 3 * partitions, WAIT.toMillis());
        endpoints.await("/manager", 3 * (partitions - 1), WAIT.toMillis());
        Thread.sleep(3_000); // anything extra would show up now

        Map<String, List<String>> hook = reasonsByBrand("/hook");
        Map<String, List<String>> manager = reasonsByBrand("/manager");
        for (String brand : brandOf.values()) {
            assertEquals(List.of("OPENED", "UPDATED", "RESOLVED"), hook.get(brand), "team, brand " + brand);
            if (brand.equals(ackedBrand)) {
                assertEquals(null, manager.get(brand), "acknowledged in time: never escalated");
            } else {
                assertEquals(List.of("ESCALATED", "UPDATED", "RESOLVED"), manager.get(brand),
                        "manager, brand " + brand);
            }
        }
        assertEquals(0, endpoints.duplicates(), "no notification delivered twice");
        assertEquals(0, endpoints.badSignatures());
        for (String brand : brandOf.values()) {
            assertEquals(IncidentStatus.RESOLVED, b.desk().incident(incidentOf.get(brand)).orElseThrow().status());
        }
        assertTrue(b.desk().incident(acked).orElseThrow().history().stream()
                .anyMatch(h -> h.action().equals("acknowledged") && h.actor().equals("bob")));
    }

    private Map<String, List<String>> reasonsByBrand(String path) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        for (RecordingEndpoint.Request r : endpoints.requests(path)) {
            JsonNode body = json.readTree(r.body());
            out.computeIfAbsent(body.get("brand").asText(), k -> new ArrayList<>()).add(body.get("reason").asText());
        }
        return out;
    }

    private void signal(String brand, SignalPhase phase, double observed, double expected) throws Exception {
        SpikeSignal s = new SpikeSignal(1, "sig-" + brand, brand, SignalKind.NEGATIVE_VOLUME, phase, Direction.RISE,
                null, Instant.now().minusSeconds(600), Instant.now(), observed, expected, 0.999, 1e-6,
                "negative mentions of " + brand, List.of("m-1"));
        producer.send(new ProducerRecord<>(Topics.SIGNALS, brand, JsonSerde.of(SpikeSignal.class).encode(s))).get();
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " on port " + port + ": " + e, e);
        }
    }

    private Process child(Path yaml, String group, List<String> out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                AlertingChildProcess.class.getName(), kafka.bootstrapServers(), yaml.toString(), group);
        File log = yaml.resolveSibling(yaml.getFileName() + ".log").toFile();
        pb.redirectError(log);
        Process p = pb.start();
        children.add(p);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            } catch (java.io.IOException ignored) {
                // The process was killed.
            }
        }, "alerting-child-stdout");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private static Set<Integer> lastOwned(List<String> lines) {
        synchronized (lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("OWNED")) {
                    String list = lines.get(i).substring("OWNED".length()).trim();
                    return list.isEmpty() ? Set.of() : java.util.Arrays.stream(list.split(","))
                            .map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
                }
            }
            return Set.of();
        }
    }

    private static Set<Integer> intersection(Set<Integer> x, Set<Integer> y) {
        Set<Integer> both = new TreeSet<>(x);
        both.retainAll(y);
        return both;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
