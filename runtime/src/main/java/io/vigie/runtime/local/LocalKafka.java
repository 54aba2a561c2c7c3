package io.vigie.runtime.local;

import io.vigie.runtime.connect.KafkaConnection;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one JVM), run as a child process from the
 * {@code kafka_2.13} jars Maven resolved. Storage is formatted on first start only; later starts reuse the data.
 *
 * <p>Layout under {@code directory}: {@code server.properties}, {@code log4j2.properties}, {@code data/} (the
 * partitions), {@code broker.log} (the broker's own log) and {@code console.log} (its stdout and stderr).
 */
public final class LocalKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    /** One-partition topic the readiness check writes to; proves the broker accepts produce requests. */
    static final String PROBE_TOPIC = "_vigie-local-probe";
    // Generous: on a 2-core machine shared with other builds the broker has taken 30 s to start.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Settings settings;
    private ChildProcess broker;

    /**
     * @param directory where the broker keeps its configuration, data and logs
     * @param port the PLAINTEXT listener clients use
     * @param controllerPort the KRaft controller listener
     * @param maxHeap the broker JVM's -Xmx, e.g. "512m"
     */
    public record Settings(Path directory, int port, int controllerPort, String maxHeap) {
        public Settings {
            directory = directory.toAbsolutePath().normalize();
            if (port == controllerPort) {
                throw new LocalServerException("the Kafka port and the Kafka controller port are both " + port
                        + ": pass a different --controller-port");
            }
        }

        public Path dataDirectory() {
            return directory.resolve("data");
        }

        public String bootstrapServers() {
            return "127.0.0.1:" + port;
        }
    }

    public LocalKafka(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Client-side connection to this broker. */
    public KafkaConnection connection() {
        return KafkaConnection.plaintext(settings.bootstrapServers());
    }

    /**
     * The broker's configuration: single node, 127.0.0.1 only, and a replication factor and min ISR of 1 for every
     * internal topic; with Kafka's default of 3, consumer groups would never get partitions on one broker.
     */
    static Map<String, String> serverProperties(Settings s) {
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + s.controllerPort());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + s.port() + ",CONTROLLER://127.0.0.1:" + s.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + s.port());
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", s.dataDirectory().toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("delete.topic.enable", "true");
        // A laptop disk: fewer background threads than a production broker, smaller segments.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.segment.bytes", String.valueOf(256 * 1024 * 1024));
        return p;
    }

    /** The broker's log4j2 configuration: INFO to a size-capped file, so the console stays for the operator. */
    static String log4jProperties(Path directory) {
        String file = directory.resolve("broker.log").toString();
        return String.join("\n",
                "status = warn",
                "appender.file.type = RollingFile",
                "appender.file.name = file",
                "appender.file.fileName = " + file,
                "appender.file.filePattern = " + file + ".%i",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "appender.file.policies.type = Policies",
                "appender.file.policies.size.type = SizeBasedTriggeringPolicy",
                "appender.file.policies.size.size = 20MB",
                "appender.file.strategy.type = DefaultRolloverStrategy",
                "appender.file.strategy.max = 3",
                "logger.statechange.name = state.change.logger",
                "logger.statechange.level = warn",
                "rootLogger.level = info",
                "rootLogger.appenderRef.file.ref = file",
                "");
    }

    /** Starts the broker process; returns before it is ready (see {@link #awaitReady()}). */
    public void start() {
        if (broker != null) {
            throw new IllegalStateException("already started");
        }
        Ports.requireFree(settings.port(), "--kafka-port");
        Ports.requireFree(settings.controllerPort(), "--controller-port");
        try {
            Files.createDirectories(settings.dataDirectory());
            writeProperties(settings.directory().resolve("server.properties"), serverProperties(settings));
            Files.writeString(settings.directory().resolve("log4j2.properties"), log4jProperties(settings.directory()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalServerException("cannot write the Kafka configuration under " + settings.directory() + ": "
                    + e.getMessage(), e);
        }
        formatStorageOnFirstStart();
        broker = ChildProcess.start("kafka", command("kafka.Kafka", settings.maxHeap(),
                settings.directory().resolve("server.properties").toString()), Map.of(), settings.directory(),
                settings.directory().resolve("console.log"));
    }

    private void formatStorageOnFirstStart() {
        if (Files.exists(settings.dataDirectory().resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        Path output = settings.directory().resolve("format.log");
        List<String> format = command("kafka.tools.StorageTool", "256m", "format", "-t", clusterId, "-c",
                settings.directory().resolve("server.properties").toString(), "--standalone", "--ignore-formatted");
        try {
            Process p = new ProcessBuilder(format)
                    .directory(settings.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new LocalServerException("formatting Kafka storage took more than 120 s; see " + output);
            }
            if (p.exitValue() != 0) {
                throw new LocalServerException("formatting Kafka storage failed (exit " + p.exitValue() + "): "
                        + Files.readString(output).strip().replace('\n', ' '));
            }
            log.info("kafka storage formatted clusterId={} dir={}", clusterId, settings.dataDirectory());
        } catch (IOException e) {
            throw new LocalServerException("cannot run the Kafka storage tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServerException("interrupted while formatting Kafka storage", e);
        }
    }

    private List<String> command(String mainClass, String maxHeap, String... args) {
        List<String> cmd = new ArrayList<>(ChildProcess.parentDeathPrefix(List.of()));
        cmd.add(JavaLauncher.java());
        cmd.add("-Xms64m");
        cmd.add("-Xmx" + maxHeap);
        cmd.add("-XX:+UseG1GC");
        cmd.add("-XX:MaxGCPauseMillis=20");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dlog4j2.configurationFile=" + settings.directory().resolve("log4j2.properties"));
        cmd.add("-Dkafka.logs.dir=" + settings.directory());
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator,
                LocalServerArtifacts.kafkaBrokerClasspath().stream().map(Path::toString).toList()));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void writeProperties(Path file, Map<String, String> properties) throws IOException {
        Properties p = new Properties();
        p.putAll(properties);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "Written by Vigie at each start of the local broker; edits are overwritten.");
        }
    }

    /**
     * Waits until an admin client sees the broker and a record written to {@link #PROBE_TOPIC} is acknowledged.
     * Throws with the end of the broker's log if it dies or takes longer than 180 s.
     */
    public void awaitReady() {
        long started = System.nanoTime();
        long deadline = started + READY_TIMEOUT.toNanos();
        Properties admin = connection().clientConfig();
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        admin.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        String lastProblem = "no answer yet";
        // Until the listener is bound, an admin client would only log a warning per attempt.
        while (System.nanoTime() < deadline && broker.isAlive() && !Ports.accepting(settings.port())) {
            sleep(100);
        }
        try (Admin client = Admin.create(admin)) {
            while (System.nanoTime() < deadline) {
                if (!broker.isAlive()) {
                    throw new LocalServerException("the Kafka broker exited at start; see "
                            + settings.directory().resolve("broker.log") + " and " + broker.logFile() + ": "
                            + broker.tail(5).replace('\n', ' '));
                }
                try {
                    client.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    ensureProbeTopic(client);
                    probeProduce();
                    log.info("kafka ready bootstrap={} pid={} readyMs={}", settings.bootstrapServers(), broker.pid(),
                            (System.nanoTime() - started) / 1_000_000);
                    return;
                } catch (Exception e) {
                    lastProblem = e.getMessage();
                    sleep(250);
                }
            }
        }
        throw new LocalServerException("the Kafka broker was not ready after " + READY_TIMEOUT.toSeconds() + " s ("
                + lastProblem + "); see " + settings.directory().resolve("broker.log"));
    }

    private static void ensureProbeTopic(Admin client) throws InterruptedException, ExecutionException {
        try {
            client.createTopics(List.of(new NewTopic(PROBE_TOPIC, Optional.of(1), Optional.empty())
                    .configs(Map.of("retention.ms", String.valueOf(Duration.ofHours(1).toMillis())))))
                    .all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void probeProduce() throws Exception {
        Properties p = connection().clientConfig();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(PROBE_TOPIC, "probe", "ready?")).get(6, TimeUnit.SECONDS);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServerException("interrupted while waiting for Kafka", e);
        }
    }

    /** Pids of the broker JVM (and anything it spawned); empty once stopped. */
    public List<Long> pids() {
        return broker == null ? List.of() : broker.pids();
    }

    public Set<String> logFiles() {
        return Set.of(settings.directory().resolve("broker.log").toString(),
                settings.directory().resolve("console.log").toString());
    }

    /** Stops the broker: SIGTERM (a controlled shutdown that flushes the logs), then SIGKILL after 30 s. */
    @Override
    public void close() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(30));
        }
    }
}
