package io.vigie.alerting.bench;

import io.vigie.alerting.bench.RecordingEndpoint;

import io.vigie.alerting.Alerting;
import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.AlertingConfigCheck;
import io.vigie.model.Direction;
import io.vigie.model.JsonSerde;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.model.VigieJson;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.connect.TopicAdmin;
import io.vigie.runtime.local.LocalKafka;
import io.vigie.runtime.local.Ports;
import io.vigie.runtime.service.VigieService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigie bench alerting}: on a real local broker, (1) signal appended → signed webhook received, p50/p99
 * over {@code --signals} incidents; (2) the webhook endpoint down for {@code --down-seconds} while
 * {@code --incidents} incidents arrive: notifications lost, and what a receiver honouring the idempotency key saw.
 */
@Command(name = "alerting", mixinStandardHelpOptions = true,
        description = "Alerting latency (signal → webhook) and delivery through an endpoint outage, on a real broker.")
public final class AlertingBenchCommand implements Callable<Integer> {
    private static final String SECRET = "bench-secret-0123456789";

    @Option(names = "--bootstrap", description = "Use this Kafka instead of starting a local broker.")
    String bootstrap;

    @Option(names = "--signals", defaultValue = "300", description = "Incidents for the latency part (default ${DEFAULT-VALUE}).")
    int signals;

    @Option(names = "--warmup", defaultValue = "30", description = "Unmeasured signals first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rate", defaultValue = "20", description = "Signals per second in the latency part (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--down-seconds", defaultValue = "60", description = "How long the endpoint is down (default ${DEFAULT-VALUE}; 0 skips the outage part).")
    int downSeconds;

    @Option(names = "--incidents", defaultValue = "120", description = "Incidents opened while it is down (default ${DEFAULT-VALUE}).")
    int incidents;

    @Override
    public Integer call() throws Exception {
        LocalKafka broker = null;
        KafkaConnection kafka;
        if (bootstrap != null) {
            kafka = KafkaConnection.plaintext(bootstrap);
        } else {
            Path dir = Files.createTempDirectory("vigie-bench-alerting");
            int[] ports = Ports.free(2);
            broker = new LocalKafka(new LocalKafka.Settings(dir.resolve("kafka"), ports[0], ports[1], "512m"));
            System.out.println("starting a local Kafka broker on 127.0.0.1:" + ports[0] + " …");
            broker.start();
            broker.awaitReady();
            kafka = broker.connection();
        }
        TopicAdmin.ensure(kafka, Topics.all());
        try (RecordingEndpoint endpoint = new RecordingEndpoint(SECRET)) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            AlertingConfig config = config(endpoint);
            // The production tick (1 s): immediate messages do not wait for it, only timers (repeat, escalation).
            Alerting alerting = Alerting.build(config, kafka, Clock.systemUTC(), "bench-" + run,
                    Duration.ofSeconds(1));
            List<VigieService> services = alerting.services();
            services.forEach(VigieService::start);
            if (!alerting.signals().awaitReady(Duration.ofSeconds(60))
                    || !alerting.outbox().awaitReady(Duration.ofSeconds(60))) {
                System.err.println("alerting did not become ready within 60 s");
                return 1;
            }
            Properties producerConfig = new Properties(kafka);
            try (KafkaProducer<String, byte[]> producer = producerConfig.producer()) {
                latency(producer, endpoint, run);
                if (downSeconds > 0) {
                    outage(producer, endpoint, run, alerting);
                }
            } finally {
                for (int i = services.size() - 1; i >= 0; i--) {
                    services.get(i).close();
                }
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        return 0;
    }

    /** Producer settings of the bench: acks=all and no linger, as a detector would write. */
    private record Properties(KafkaConnection kafka) {
        KafkaProducer<String, byte[]> producer() {
            java.util.Properties p = kafka.clientConfig();
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
    }

    private AlertingConfig config(RecordingEndpoint endpoint) {
        String yaml = """
                alerting:
                  signingSecret: %s
                  api: {host: 127.0.0.1, port: %d}
                  defaultReceiver: bench-hook
                  timing: {groupWait: 0s, groupInterval: 1m, repeatInterval: 4h}
                  outbox: {initialBackoff: 500ms, maxBackoff: 5s, maxAttempts: 1000, parallelism: 8}
                  receivers:
                    - {name: bench-hook, type: webhook, url: "%s"}
                """.formatted(SECRET, Ports.free(1)[0], endpoint.url("/hook"));
        ConfigDocument doc = ConfigDocument.parse(yaml, "bench", k -> null);
        AlertingConfig config = doc.bind("alerting", AlertingConfig.class);
        AlertingConfigCheck.check(config, doc::error);
        return config;
    }

    private static byte[] signal(String brand, String id) {
        Instant now = Instant.now();
        return JsonSerde.of(SpikeSignal.class).encode(new SpikeSignal(1, id, brand, SignalKind.NEGATIVE_VOLUME,
                SignalPhase.START, Direction.RISE, null, now.minusSeconds(300), now, 30, 5, 0.999, 1e-6,
                "bench spike", List.of()));
    }

    private void latency(KafkaProducer<String, byte[]> producer, RecordingEndpoint endpoint, String run)
            throws Exception {
        // Warm-up, not measured: class loading, JIT, template compilation, first connections.
        for (int i = 0; i < warmup; i++) {
            String brand = "bench-" + run + "-warm-" + i;
            producer.send(new ProducerRecord<>(Topics.SIGNALS, brand, signal(brand, "sig-" + brand))).get();
        }
        endpoint.await("/hook", warmup, 120_000);
        int warmRequests = endpoint.requests("/hook").size();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long interval = 1_000_000_000L / Math.max(1, rate);
        long next = System.nanoTime();
        for (int i = 0; i < signals; i++) {
            String brand = "bench-" + run + "-lat-" + i;
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next += interval;
            sentAt.put(brand, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.SIGNALS, brand, signal(brand, "sig-" + brand)));
        }
        producer.flush();
        endpoint.await("/hook", warmRequests + signals, 120_000);
        var mapper = VigieJson.newMapper();
        List<Double> millis = new ArrayList<>();
        for (RecordingEndpoint.Request r : endpoint.requests("/hook")) {
            String brand = mapper.readTree(r.body()).get("brand").asText();
            Long t0 = sentAt.get(brand);
            if (t0 != null) {
                millis.add((r.receivedNanos() - t0) / 1e6);
            }
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("latency  signal appended → signed webhook received: n=%d of %d, rate=%d/s, after %d warm-up"
                + " signals%n", sorted.length, signals, rate, warmup);
        if (sorted.length > 0) {
            System.out.printf("latency  p50=%.1f ms  p90=%.1f ms  p99=%.1f ms  max=%.1f ms  (goal p99 < 500 ms: %s)%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1],
                    pct(sorted, 99) < 500 ? "met" : "NOT met");
        }
        System.out.printf("latency  bad signatures=%d  load=%s%n", endpoint.badSignatures(), load());
    }

    private void outage(KafkaProducer<String, byte[]> producer, RecordingEndpoint endpoint, String run,
            Alerting alerting) throws Exception {
        int before = endpoint.firstByKey().size();
        int requestsBefore = endpoint.requests().size();
        endpoint.down();
        long downAt = System.nanoTime();
        long spacing = downSeconds * 1_000_000_000L / Math.max(1, incidents);
        for (int i = 0; i < incidents; i++) {
            String brand = "bench-" + run + "-down-" + i;
            producer.send(new ProducerRecord<>(Topics.SIGNALS, brand, signal(brand, "sig-" + brand))).get();
            long until = downAt + (i + 1) * spacing;
            while (System.nanoTime() < until) {
                Thread.sleep(5);
            }
        }
        while (System.nanoTime() < downAt + downSeconds * 1_000_000_000L) {
            Thread.sleep(50);
        }
        endpoint.up();
        long upAt = System.nanoTime();
        long deadline = upAt + 120_000_000_000L;
        while (endpoint.firstByKey().size() - before < incidents && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long drained = System.nanoTime();
        Thread.sleep(3_000); // anything still in flight would show as a duplicate
        int received = endpoint.firstByKey().size() - before;
        int requests = endpoint.requests().size() - requestsBefore;
        System.out.printf("outage   endpoint down %d s, incidents opened meanwhile=%d%n", downSeconds, incidents);
        System.out.printf("outage   notifications received (distinct idempotency keys)=%d  lost=%d  "
                        + "drained %.1f s after the endpoint came back%n",
                received, incidents - received, (drained - upAt) / 1e9);
        System.out.printf("outage   HTTP requests that reached the endpoint=%d  re-sent keys ignored by the receiver=%d  "
                + "failed (retry limit)=%d%n", requests, endpoint.duplicates(), alerting.outbox().failedCount());
        System.out.printf("outage   load=%s%n", load());
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String load() {
        double avg = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (" + cpus + " cpus)";
        } catch (IOException e) {
            return String.format("%.2f (%d cpus)", avg, cpus);
        }
    }

}
